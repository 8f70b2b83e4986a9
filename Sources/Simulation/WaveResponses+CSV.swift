extension WaveResponses {
    /// The wave as RFC 4180 CSV text: a header of column names, one line per respondent, LF line
    /// ends, no quoting needed (all values are plain tokens). Respondent IDs are `R` followed by
    /// the 1-based row number, zero-padded to at least three digits.
    public var csv: String {
        let idWidth = max(3, String(respondentCount).count)
        var text = ([PrivacyParadoxInstrument.idColumn] + columns.map(\.name)).joined(separator: ",") + "\n"
        for row in 0..<respondentCount {
            let number = String(row + 1)
            var fields = ["R" + String(repeating: "0", count: idWidth - number.count) + number]
            for column in columns {
                switch column.cells[row] {
                case .answer(let value): fields.append(column.levels.map { $0[value] } ?? String(value))
                case .blank: fields.append("")
                case .missingCode(let code): fields.append(String(code))
                }
            }
            text += fields.joined(separator: ",") + "\n"
        }
        return text
    }
}
