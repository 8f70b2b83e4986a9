/// Renders tables and reports as GitHub-flavoured Markdown in APA layout: bold table number,
/// italic title, the table, then "*Note.*" lines.
public enum MarkdownRenderer {
    public static func render(_ table: Table, number: Int? = nil) -> String {
        var lines: [String] = []
        if let number { lines.append("**Table \(number)**") ; lines.append("") }
        lines.append("*\(escape(table.title))*")
        lines.append("")
        lines.append("| " + table.columns.map { escape($0.header) }.joined(separator: " | ") + " |")
        lines.append("|" + table.columns.map { column in
            switch column.alignment {
            case .left: return ":---"
            case .center: return ":---:"
            case .right: return "---:"
            }
        }.joined(separator: "|") + "|")
        for row in table.rows {
            lines.append("| " + row.map { escape(APA.display($0)) }.joined(separator: " | ") + " |")
        }
        if !table.notes.isEmpty {
            lines.append("")
            lines.append("*Note.* " + table.notes.map(escape).joined(separator: " "))
        }
        return lines.joined(separator: "\n") + "\n"
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

    /// Pipes would end a cell; line breaks would end the row.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
