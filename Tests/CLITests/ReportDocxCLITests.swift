import Foundation
import XCTest

/// The bundled study's report.docx read back with python-docx (installed by ./test.sh): one Word
/// table per CSV table, with as many rows, every text cell equal and every number the CSV's
/// full-precision value rounded to the decimals shown; one inline picture per figure whose SVG is
/// the bytes of `figures/NN_<id>.svg`, with the figure's title as alt text; every table within the
/// text width of its page, the wide ones on landscape pages; and it is the same bytes on every run.
final class ReportDocxCLITests: CLITestCase {
    func testBundledReportDocxHoldsEveryTableAsAWordTable() throws {
        let probe = try tool("/usr/bin/env", ["python3", "-c", "import docx"])
        try XCTSkipIf(probe.status != 0, "python-docx is not installed (./test.sh installs it)")

        let out = try temporaryFolder().appendingPathComponent("out")
        let outcome = try paradox(["run", "--out", out.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let docx = out.appendingPathComponent("report.docx")
        let committed = Self.packageRoot.appendingPathComponent("Tests/Golden/bundled-study/report.docx")
        XCTAssertEqual(try Data(contentsOf: docx), try Data(contentsOf: committed), "report.docx is not reproducible")

        let check = try tool("/usr/bin/env", ["python3", "-c", Self.checker, docx.path, out.appendingPathComponent("csv").path,
                                              out.appendingPathComponent("figures").path])
        XCTAssertEqual(check.status, 0, check.stderr)
        let text = check.stdout
        let tables = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("csv").path).count
        let figures = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("figures").path).count
        XCTAssertGreaterThan(figures, 5)
        XCTAssertEqual(text, "\(tables) tables, \(figures) figures, 0 mismatches\n",
                       "one Word table per table of the report (its CSV), one picture per figure (its SVG)")
    }

    /// Compares each Word table with its CSV, cell by cell.
    static let checker = #"""
    import csv, os, sys, docx
    document = docx.Document(sys.argv[1])
    folder = sys.argv[2]
    files = sorted(os.listdir(folder), key=lambda name: int(name.split('_')[0]))
    mismatches = []
    def agrees(shown, value):
        if shown == value or (value == '' and shown in ('', '—')):
            return True
        try:
            number = float(value)
        except ValueError:
            return False
        text = shown.replace('−', '-').rstrip('*')
        if text.startswith('< '):
            return number < float(text[2:])
        text = text.replace('-.', '-0.') if text.startswith('-.') else ('0' + text if text.startswith('.') else text)
        decimals = len(text.split('.')[1]) if '.' in text else 0
        return abs(float(text) - number) <= 0.5 * 10 ** -decimals + 1e-9
    if len(document.tables) != len(files):
        mismatches.append(f'{len(document.tables)} Word tables for {len(files)} CSV files')
    for table, name in zip(document.tables, files):
        with open(os.path.join(folder, name), newline='', encoding='utf-8') as handle:
            rows = list(csv.reader(handle))[1:]
        cells = [[cell.text for cell in row.cells] for row in table.rows][1:]
        if len(cells) != len(rows):
            mismatches.append(f'{name}: {len(cells)} rows, CSV {len(rows)}')
        for r, (shown, values) in enumerate(zip(cells, rows)):
            for c, (a, b) in enumerate(zip(shown, values)):
                if not agrees(a, b):
                    mismatches.append(f'{name} row {r + 1} column {c + 1}: {a!r} vs {b!r}')
    svg_blip = '{http://schemas.microsoft.com/office/drawing/2016/SVG/main}svgBlip'
    embed = '{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed'
    figures = sorted(os.listdir(sys.argv[3]))
    shapes = document.inline_shapes
    if len(shapes) != len(figures):
        mismatches.append(f'{len(shapes)} pictures for {len(figures)} SVG files')
    for number, (shape, name) in enumerate(zip(shapes, figures), start=1):
        blips = list(shape._inline.iter(svg_blip))
        part = document.part.related_parts[blips[0].get(embed)] if blips else None
        with open(os.path.join(sys.argv[3], name), 'rb') as handle:
            if part is None or part.blob != handle.read():
                mismatches.append(f'picture {number} is not {name}')
        if not shape._inline.docPr.get('title', '').startswith(f'Figure {number}. '):
            mismatches.append(f'picture {number} has no title as alt text')
    # Every table fits the text width of its section's page; the wide ones are on landscape pages.
    w = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'
    body = document.element.body
    pending, landscape = [], 0
    for element in body.iterchildren():
        if element.tag == w + 'tbl':
            pending.append(sum(int(col.get(w + 'w')) for col in element.iter(w + 'gridCol')))
        section = element if element.tag == w + 'sectPr' else next(element.iter(w + 'sectPr'), None)
        if section is not None:
            size, margins = section.find(w + 'pgSz'), section.find(w + 'pgMar')
            text_width = int(size.get(w + 'w')) - int(margins.get(w + 'left')) - int(margins.get(w + 'right'))
            if size.get(w + 'orient') == 'landscape' and pending:
                landscape += 1
            mismatches += [f'a table {width} twips wide on a page with {text_width} of text' for width in pending if width > text_width]
            pending = []
    if landscape == 0:
        mismatches.append('no table on a landscape page (the theme-by-industry table needs one)')
    for line in mismatches[:20]:
        print(line)
    print(f'{len(document.tables)} tables, {len(shapes)} figures, {len(mismatches)} mismatches')
    """#

    /// report.docx laid out by LibreOffice (installed by ./test.sh) as a PDF: A4 pages, portrait and
    /// landscape, and no word of any table, figure or paragraph beyond the right or bottom margin
    /// of its page (the margins are 2 cm; a word more than 1 cm into one has run off the text).
    func testBundledReportDocxLaysOutWithinThePage() throws {
        let soffice = ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let pdftotext = "/usr/bin/pdftotext"
        try XCTSkipIf(soffice == nil || !FileManager.default.isExecutableFile(atPath: pdftotext),
                      "LibreOffice or poppler-utils is not installed (./test.sh installs them)")
        let folder = try temporaryFolder()
        let docx = Self.packageRoot.appendingPathComponent("Tests/Golden/bundled-study/report.docx")
        func run(_ executable: String, _ arguments: [String]) throws -> String {
            let outcome = try tool(executable, arguments, in: folder, environment: ["HOME": folder.path, "PATH": "/usr/bin:/bin"],
                                   discardingStandardError: true)
            XCTAssertEqual(outcome.status, 0, "\(executable) \(arguments)")
            return outcome.stdout
        }
        _ = try run(soffice!, ["--headless", "-env:UserInstallation=file://\(folder.path)/profile", "--convert-to", "pdf", "--outdir", folder.path, docx.path])
        let pdf = folder.appendingPathComponent("report.pdf")
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice wrote no PDF")
        let layout = try run(pdftotext, ["-bbox", pdf.path, "-"])
        // <page width="595.304000" height="841.890000"> … <word xMin=… yMin=… xMax=… yMax=…>text</word>
        var pages: [(width: Double, height: Double)] = [], overflowing: [String] = []
        let number = #/([a-zA-Z]+)="([0-9.]+)"/#
        for line in layout.split(separator: "\n") {
            let attributes = Dictionary(line.matches(of: number).map { (String($0.output.1), Double($0.output.2) ?? 0) }, uniquingKeysWith: { a, _ in a })
            if line.contains("<page "), let width = attributes["width"], let height = attributes["height"] {
                pages.append((width, height))
            } else if line.contains("<word "), let page = pages.last, let xMax = attributes["xMax"], let yMax = attributes["yMax"] {
                let centimetre = 72 / 2.54
                if xMax > page.width - centimetre || yMax > page.height - centimetre {
                    overflowing.append("page \(pages.count): \(line.split(separator: ">").dropFirst().first ?? "")")
                }
            }
        }
        let a4 = [(595.3, 841.9), (841.9, 595.3)]
        XCTAssertTrue(pages.allSatisfy { page in a4.contains { abs($0.0 - page.width) < 1 && abs($0.1 - page.height) < 1 } }, "pages that are not A4")
        XCTAssertTrue(pages.contains { $0.width > $0.height }, "no landscape page")
        XCTAssertGreaterThan(pages.count, 20, "the bundled report on \(pages.count) pages")
        XCTAssertEqual(overflowing, [], "words beyond the margins")
    }
}
