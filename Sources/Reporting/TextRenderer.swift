import MessageText

/// Renders a table as aligned plain text for the terminal. A cell is shown up to 80 characters
/// (``Excerpt``), so that one long cell (a 10 MB ID) neither pads every row to its width nor
/// breaks the alignment with a line break; the other formats keep cells whole.
public enum TextRenderer {
    public static func render(_ table: Table) -> String {
        let header = table.columns.map { Excerpt.excerpt($0.header) }
        let cells = table.displayedRows.map { $0.map { Excerpt.excerpt($0) } }
        let widths = header.indices.map { column in
            ([header[column]] + cells.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
        }
        func line(_ values: [String]) -> String {
            values.enumerated().map { column, value in
                let pad = String(repeating: " ", count: max(0, widths[column] - value.count))
                return table.columns[column].alignment == .left ? value + pad : pad + value
            }.joined(separator: "  ")
        }
        let rule = String(repeating: "─", count: widths.reduce(0, +) + 2 * max(0, widths.count - 1))
        var out = table.title + "\n" + rule + "\n" + line(header) + "\n" + rule + "\n"
        for row in cells { out += line(row) + "\n" }
        out += rule + "\n"
        for note in table.notes { out += note + "\n" }
        return out
    }
}
