import Archive
import Foundation

/// Renders a report as a Word document (Office Open XML, ECMA-376 Part 1), built by hand and zipped
/// with ``ZipArchive`` so that it is reproducible byte for byte: headings, paragraphs and every table
/// as a real Word table in APA style — "Table N" in bold, the title in italics, a rule above and
/// below the header row and at the bottom, no vertical rules, numbers aligned at the decimal point, the notes
/// under it as "*Note.* …"; column widths from the content, a table too wide for the portrait
/// page on a landscape page of its own (``TableLayout``). Figures are the report's SVG drawings
/// (number, title and note included, alt text from their description), inline at the text width.
public enum DocxRenderer {
    public static func render(_ report: Report) -> Data {
        var body = paragraph(report.title, style: "Title")
        for text in report.preamble { body += paragraph(text) }
        let tableNumbers = report.tableNumbers
        var tableNumber = 0, figures: [Data] = []
        for section in report.sections {
            body += paragraph(section.title, style: "Heading1")
            for text in section.paragraphs { body += paragraph(text) }
            for figure in section.figures {
                let drawing = figure.drawing(number: figures.count + 1, tableNumbers: tableNumbers)
                figures.append(Data(drawing.svg.utf8))
                body += self.figure(figure, number: figures.count, width: drawing.width, height: drawing.height)
            }
            for table in section.tables {
                tableNumber += 1
                let layout = TableLayout(table)
                // A table wider than the portrait text gets a landscape page of its own.
                if layout.isLandscape { body += sectionBreak(.portrait) }
                body += self.table(table, number: tableNumber, layout: layout)
                if layout.isLandscape { body += sectionBreak(.landscape) }
            }
        }
        let document = declaration + "<w:document xmlns:w=\"\(namespace)\" xmlns:r=\"\(relationshipNamespace)\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>" + body
            + Orientation.portrait.sectionProperties + "</w:body></w:document>"
        var archive = ZipArchive()
        archive.add("[Content_Types].xml", data: Data(contentTypes.utf8))
        archive.add("_rels/.rels", data: Data(packageRelationships.utf8))
        archive.add("word/_rels/document.xml.rels", data: Data(documentRelationships(figures: figures.count).utf8))
        archive.add("word/document.xml", data: Data(document.utf8))
        archive.add("word/styles.xml", data: Data(styles.utf8))
        for (index, svg) in figures.enumerated() { archive.add("word/media/figure\(index + 1).svg", data: svg) }
        return archive.data
    }

    /// A figure as an inline picture at most the text width (A4 less 2 cm margins) wide. The SVG is
    /// both the picture's blip (which LibreOffice reads) and its `svgBlip` extension (MS-ODRAWXML
    /// 2.26.1.1, which Word 2016 and later read); Word 2013 and older, which need a raster picture
    /// there, show an empty frame. Alt text: the title and the description screen readers announce.
    static func figure(_ figure: Figure, number: Int, width: Double, height: Double) -> String {
        let emuPerPixel = 9525.0, textWidth = 6_120_000.0
        let scale = min(1, textWidth / (width * emuPerPixel))
        let cx = Int((width * emuPerPixel * scale).rounded()), cy = Int((height * emuPerPixel * scale).rounded())
        let title = escape("Figure \(number). \(figure.title)"), description = escape(figure.description)
        return "<w:p><w:pPr><w:keepLines/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:docPr id=\"\(number)\" name=\"Figure \(number)\" title=\"\(title)\" descr=\"\(description)\"/>"
            + "<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            + "<pic:nvPicPr><pic:cNvPr id=\"\(number)\" name=\"figure\(number).svg\" descr=\"\(description)\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"rIdFigure\(number)\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\">"
            + "<asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"rIdFigure\(number)\"/>"
            + "</a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
    }

    /// A4 with 2 cm margins, upright or turned.
    enum Orientation {
        case portrait, landscape

        /// Width between the margins in twips (A4 is 11906 × 16838 twips; margins 1134).
        var textWidth: Int { self == .portrait ? 11906 - 2 * 1134 : 16838 - 2 * 1134 }

        var sectionProperties: String {
            let size = self == .portrait ? "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>" : "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
            return "<w:sectPr>" + size + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
        }
    }

    /// The paragraph that ends a section of the given orientation (the next one starts a new page).
    static func sectionBreak(_ orientation: Orientation) -> String {
        "<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/>" + orientation.sectionProperties + "</w:pPr></w:p>"
    }

    /// Column widths in twips for the table text (10 pt Times New Roman, as journals set tables),
    /// estimated per character (digits are half an em, capitals wider, full stops narrower) plus
    /// the cell margins. Numbers, p values and CIs never wrap: their columns are as wide as their
    /// longest cell. Text columns (left-aligned) wrap between words when the table must narrow,
    /// down to their longest word or 24 characters. A table that cannot fit the portrait text
    /// width so goes on a landscape page; one too wide even there is scaled to fit.
    struct TableLayout {
        var widths: [Int]
        var isLandscape: Bool
        /// Per column, the widths (twips) of its cells' text left and right of the decimal point, for
        /// the number columns (right-aligned), which Word aligns at a decimal tab stop; `nil` for text columns.
        var decimalParts: [(left: Int, right: Int)?]
        static let halfPoints = 20
        static let cellMargin = 85

        /// Estimated width in twips at 10 pt (an em is 200 twips) of one character.
        static func width(of character: Character) -> Int {
            // ASCII first: Unicode property look-ups cost more than the rest of the table layout.
            if let byte = character.asciiValue {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): return 100
                case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "("), UInt8(ascii: ")"): return 55
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"), UInt8(ascii: "w"), UInt8(ascii: "m"): return 140
                default: return 92
                }
            }
            if character.isNumber || character == "−" { return 100 }
            return character.isUppercase ? 140 : 92
        }

        /// The widths of a cell's text in one pass: all of it, its longest word (between spaces),
        /// and the part left of its first decimal point (all of it when it has none).
        struct TextWidths {
            var total = 0, longestWord = 0, leftOfPoint = 0

            init(_ text: String) {
                var word = 0, pointSeen = false
                for character in text {
                    let width = DocxRenderer.TableLayout.width(of: character)
                    total += width
                    if character == "." { pointSeen = true }
                    if !pointSeen { leftOfPoint += width }
                    if character == " " {
                        longestWord = max(longestWord, word)
                        word = 0
                    } else {
                        word += width
                    }
                }
                longestWord = max(longestWord, word)
            }
        }

        init(_ table: Table) {
            let margins = 2 * Self.cellMargin + 30
            var natural: [Int] = [], narrowest: [Int] = []
            decimalParts = []
            for (index, column) in table.columns.enumerated() {
                let cells = table.displayedRows.map { TextWidths($0.indices.contains(index) ? $0[index] : "") }
                let header = TextWidths(column.header).longestWord
                var cellWidth = cells.map(\.total).max() ?? 0
                if column.alignment == .right {
                    let parts = (left: cells.map(\.leftOfPoint).max() ?? 0, right: cells.map { $0.total - $0.leftOfPoint }.max() ?? 0)
                    decimalParts.append(parts)
                    cellWidth = parts.left + parts.right
                } else {
                    decimalParts.append(nil)
                }
                let longest = max(header, cellWidth, 200)
                natural.append(longest + margins)
                let shortest = max(24 * 92, cells.map(\.longestWord).max() ?? 0, header)
                narrowest.append(column.alignment == .left ? min(longest, shortest) + margins : longest + margins)
            }
            func fitted(_ available: Int) -> [Int]? {
                let total = natural.reduce(0, +)
                if total <= available { return natural }
                let fixed = zip(natural, narrowest).filter { $0 == $1 }.map(\.0).reduce(0, +)
                let flexible = total - fixed, room = available - fixed
                guard room >= zip(natural, narrowest).filter({ $0 != $1 }).map(\.1).reduce(0, +), flexible > 0 else { return nil }
                // Text columns give up width in proportion to what they can give.
                let slack = zip(natural, narrowest).map { $0 - $1 }.reduce(0, +), excess = total - available
                // Rounded up, so that the widths add up to at most `available`.
                return zip(natural, narrowest).map { $0 == $1 ? $0 : $0 - (($0 - $1) * excess + slack - 1) / slack }
            }
            if let portrait = fitted(Orientation.portrait.textWidth) {
                widths = portrait
                isLandscape = false
            } else {
                let available = Orientation.landscape.textWidth
                widths = fitted(available) ?? narrowest.map { $0 * available / narrowest.reduce(0, +) }
                isLandscape = true
            }
        }
    }

    /// The caption, the table and its note.
    static func table(_ table: Table, number: Int, layout: TableLayout) -> String {
        var out = paragraph(runs: [run("Table \(number)", bold: true)], keepWithNext: true)
        out += paragraph(runs: [run(table.title, italic: true)], keepWithNext: true)
        let rule = "w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\""
        out += "<w:tbl><w:tblPr><w:tblW w:w=\"\(layout.widths.reduce(0, +))\" w:type=\"dxa\"/><w:tblBorders><w:top \(rule)/><w:bottom \(rule)/>"
            + "<w:insideH w:val=\"nil\"/><w:insideV w:val=\"nil\"/><w:left w:val=\"nil\"/><w:right w:val=\"nil\"/></w:tblBorders>"
            + "<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        out += "<w:tblGrid>" + layout.widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        out += "<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>"
        for (column, width) in zip(table.columns, layout.widths) {
            out += cell(column.header, width: width, alignment: column.alignment, bottomRule: rule, wraps: true)

        }
        out += "</w:tr>"
        for row in table.displayedRows {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (index, (column, text)) in zip(table.columns, row).enumerated() {
                let width = layout.widths[index]
                // The decimal stop sits so that the longest right part ends at the cell's right margin, as right alignment would.
                let stop = layout.decimalParts[index].map { max(0, width - 2 * TableLayout.cellMargin - $0.right) }
                out += cell(text, width: width, alignment: column.alignment, bottomRule: nil, wraps: column.alignment == .left, decimalStop: stop)
            }
            out += "</w:tr>"
        }
        out += "</w:tbl>"
        if !table.notes.isEmpty {
            out += paragraph(runs: [run("Note.", italic: true), run(" " + table.notes.joined(separator: " "))])
        } else {
            out += paragraph("")
        }
        return out
    }

    /// One table cell. With a `decimalStop` (twips from the cell's text edge) its text is aligned at
    /// a decimal tab stop, which Word and LibreOffice apply in a table cell without a tab character:
    /// "< .001", ".004" and "12.35" line up at their points, and an integer ends at the stop.
    static func cell(_ text: String, width: Int, alignment: Table.Alignment, bottomRule: String?, wraps: Bool, decimalStop: Int? = nil) -> String {
        let borders = bottomRule.map { "<w:tcBorders><w:bottom \($0)/></w:tcBorders>" } ?? ""
        let justification: String
        switch alignment {
        case .left: justification = "left"
        case .center: justification = "center"
        case .right: justification = decimalStop == nil ? "right" : "left"
        }
        let tabs = decimalStop.map { "<w:tabs><w:tab w:val=\"decimal\" w:pos=\"\($0)\"/></w:tabs>" } ?? ""
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/>\(borders)\(wraps ? "" : "<w:noWrap/>")</w:tcPr><w:p><w:pPr>\(tabs)<w:spacing w:before=\"0\" w:after=\"0\"/><w:jc w:val=\"\(justification)\"/></w:pPr>"
            + run(text, halfPoints: TableLayout.halfPoints) + "</w:p></w:tc>"
    }

    static func paragraph(_ text: String, style: String? = nil) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)\(text.isEmpty ? "" : run(text))</w:p>"
    }

    static func paragraph(runs: [String], keepWithNext: Bool = false) -> String {
        "<w:p>" + (keepWithNext ? "<w:pPr><w:keepNext/><w:spacing w:after=\"0\"/></w:pPr>" : "") + runs.joined() + "</w:p>"
    }

    /// A run of text; `halfPoints` sets its size (the default style is 12 pt).
    static func run(_ text: String, bold: Bool = false, italic: Bool = false, halfPoints: Int? = nil) -> String {
        let formats = (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "") + (halfPoints.map { "<w:sz w:val=\"\($0)\"/>" } ?? "")
        return "<w:r>\(formats.isEmpty ? "" : "<w:rPr>\(formats)</w:rPr>")<w:t xml:space=\"preserve\">\(escape(text))</w:t></w:r>"
    }

    /// XML text: markup characters escaped, characters XML 1.0 forbids (C0 controls but tab,
    /// line feed and carriage return) dropped.
    static func escape(_ text: String) -> String {
        let allowed = { (byte: UInt8) in byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard !text.utf8.allSatisfy(allowed) else { return HTMLRenderer.escape(text) }
        return HTMLRenderer.escape(String(decoding: text.utf8.filter(allowed), as: UTF8.self))
    }

    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Default Extension="svg" ContentType="image/svg+xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        </Types>
        """

    static let packageRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        </Relationships>
        """

    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The styles and each of the `figures` figures' SVG.
    static func documentRelationships(figures: Int) -> String {
        let image = relationshipNamespace + "/image"
        var out = declaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        for number in stride(from: 1, through: figures, by: 1) {
            out += "<Relationship Id=\"rIdFigure\(number)\" Type=\"\(image)\" Target=\"media/figure\(number).svg\"/>"
        }
        return out + "</Relationships>"
    }

    /// Times New Roman 12 pt as APA asks; the title and level-1 headings bold and centred.
    static let styles = declaration + """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
        <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>\
        <w:sz w:val="24"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>\
        <w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>\
        <w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>\
        <w:pPr><w:keepNext/><w:spacing w:before="240"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>\
        <w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar>\
        <w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
        </w:styles>
        """
}
