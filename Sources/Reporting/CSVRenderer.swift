/// Renders a table as RFC 4180 CSV: machine column keys as header, numbers at full precision,
/// undefined values empty, LF line ends.
public enum CSVRenderer {
    public static func render(_ table: Table) -> String {
        var out = table.columns.map { quote($0.key) }.joined(separator: ",") + "\n"
        for row in table.rows {
            for (index, cell) in row.enumerated() {
                if index > 0 { out += "," }
                out += quote(APA.raw(cell))
            }
            out += "\n"
        }
        return out
    }

    /// The field, quoted when a character of it is a comma, a quote or a line break (the bytes are
    /// scanned first: most fields have none of them).
    static func quote(_ field: String) -> String {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard field.utf8.contains(where: special),
              field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
