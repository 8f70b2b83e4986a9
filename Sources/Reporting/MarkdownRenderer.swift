import Foundation

/// Renders tables and reports as GitHub-flavoured Markdown in APA layout: bold table number,
/// italic title, the table, then "*Note.*" lines.
public enum MarkdownRenderer {
    public static func render(_ table: Table, number: Int? = nil) -> String {
        var out = number.map { "**Table \($0)**\n\n" } ?? ""
        out += "*\(escape(table.title))*\n\n"
        out += "| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
        out += "|" + table.columns.map { column in
            switch column.alignment {
            case .left: return ":---"
            case .center: return ":---:"
            case .right: return "---:"
            }
        }.joined(separator: "|") + "|\n"
        for row in table.displayedRows {
            out += "| "
            for (index, cell) in row.enumerated() {
                if index > 0 { out += " | " }
                out += escape(cell)
            }
            out += " |\n"
        }
        if !table.notes.isEmpty {
            out += "\n*Note.* " + table.notes.map(escape).joined(separator: " ") + "\n"
        }
        return out
    }

    public static func render(_ report: Report) -> String {
        var out = "# \(report.title)\n\n"
        for paragraph in report.preamble { out += paragraph + "\n\n" }
        var number = 0
        for section in report.sections {
            out += "## \(section.title)\n\n"
            for paragraph in section.paragraphs { out += paragraph + "\n\n" }
            for table in section.tables {
                number += 1
                out += render(table, number: number) + "\n"
            }
        }
        return out
    }

    /// Pipes would end a cell; line breaks would end the row. Where a pipe or line break might be part
    /// of a larger character, Foundation's search decides, as it always has.
    static func escape(_ text: String) -> String {
        escaper.escapedInOnePass(text)
            ?? text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }

    static let escaper = Escaper(["|": "\\|", "\n": " "])
}
