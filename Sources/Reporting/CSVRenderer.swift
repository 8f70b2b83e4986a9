/// Renders a table as RFC 4180 CSV: machine column keys as header, numbers at full precision,
/// undefined values empty, LF line ends.
public enum CSVRenderer {
    public static func render(_ table: Table) -> String {
        var out = table.columns.map { quote($0.key) }.joined(separator: ",") + "\n"
        for row in table.rows {
            out += row.map { quote(APA.raw($0)) }.joined(separator: ",") + "\n"
        }
        return out
    }

    static func quote(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
