/// Renders a report as one self-contained HTML page: a table of contents, sections with anchors,
/// APA tables (long appendices collapsed in `<details>`) and numbered SVG figures. No scripts, no external resources.
public enum HTMLRenderer {
    public static func render(_ report: Report) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(report.title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <h1>\(escape(report.title))</h1>

        """
        for paragraph in report.preamble { out += "<p>\(escape(paragraph))</p>\n" }
        out += "<nav aria-label=\"Contents\">\n<h2>Contents</h2>\n<ol>\n"
        for (index, section) in report.sections.enumerated() {
            out += "<li><a href=\"#section-\(index + 1)\">\(escape(section.title))</a></li>\n"
        }
        out += "</ol>\n</nav>\n"
        let tableNumbers = report.tableNumbers
        var tableNumber = 0, figureNumber = 0
        for (index, section) in report.sections.enumerated() {
            out += "<section id=\"section-\(index + 1)\">\n<h2>\(escape(section.title))</h2>\n"
            for paragraph in section.paragraphs { out += "<p>\(escape(paragraph))</p>\n" }
            for figure in section.figures {
                figureNumber += 1
                out += "<figure id=\"figure-\(figureNumber)\">\n" + figure.svg(number: figureNumber, tableNumbers: tableNumbers) + "</figure>\n"
            }
            let first = tableNumber + 1
            var tables = ""
            for table in section.tables {
                tableNumber += 1
                tables += render(table, number: tableNumber)
            }
            if section.collapsesTables, !section.tables.isEmpty {
                let range = first == tableNumber ? "Table \(first)" : "Tables \(first)–\(tableNumber)"
                out += "<details>\n<summary>\(range) (\(section.tables.count) tables)</summary>\n\(tables)</details>\n"
            } else {
                out += tables
            }
            out += "</section>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    /// The page's only styling: APA tables (rules above and below the header and at the bottom,
    /// none vertical), numbers that never wrap, figures that shrink to the page, and print rules
    /// (A4, no page break inside a table or figure, collapsed appendices printed open). Tables of more
/// than eight columns are set smaller so that they fit the page.
    static let style = """

        body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
        table { border-collapse: collapse; margin: 0.5rem 0 0.25rem; }
        caption { text-align: left; font-style: italic; padding-bottom: 0.3rem; }
        caption b { font-style: normal; display: block; }
        th, td { padding: 0.15rem 0.6rem; vertical-align: top; }
        thead tr { border-top: 2px solid #111; border-bottom: 1px solid #111; }
        tbody tr:last-child { border-bottom: 2px solid #111; }
        td.r, th.r { text-align: right; } td.c, th.c { text-align: center; } td.l, th.l { text-align: left; }
        td.r, td.c { white-space: nowrap; font-variant-numeric: tabular-nums; }
        table.wide { font-size: 0.75rem; } table.wide th, table.wide td { padding: 0.15rem 0.3rem; }
        p.note { font-size: 0.9rem; margin-top: 0.2rem; }
        figure { margin: 1rem 0; }
        figure svg { max-width: 100%; height: auto; }
        nav ol { columns: 2; font-size: 0.95rem; }
        details { margin: 0.5rem 0; }
        summary { cursor: pointer; font-style: italic; }
        @page { size: A4; margin: 18mm 15mm; }
        @media print {
          body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
          nav { break-after: page; }
          h2 { break-after: avoid; }
          table, figure { break-inside: avoid; }
          thead { display: table-header-group; }
          a { color: inherit; text-decoration: none; }
          summary { display: none; }
          details::details-content { content-visibility: visible; display: contents; }
        }

    """

    public static func render(_ table: Table, number: Int) -> String {
        func align(_ column: Table.Column) -> String {
            switch column.alignment {
            case .left: return "l"
            case .center: return "c"
            case .right: return "r"
            }
        }
        let wide = table.columns.count > 8 ? " class=\"wide\"" : ""
        var out = "<table id=\"\(escape(table.id))\"\(wide)>\n<caption><b>Table \(number)</b>\(escape(table.title))</caption>\n<thead><tr>"
        out += table.columns.map { "<th class=\"\(align($0))\">\(escape($0.header))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in table.displayedRows {
            out += "<tr>"
            for (column, cell) in zip(table.columns, row) {
                out += "<td class=\"" + align(column) + "\">" + escape(cell) + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !table.notes.isEmpty {
            out += "<p class=\"note\"><i>Note.</i> \(escape(table.notes.joined(separator: " ")))</p>\n"
        }
        return out
    }

    static func escape(_ text: String) -> String { escaper.escaped(text) }

    static let escaper = Escaper(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"])
}
