import Study

extension Table {
    /// Missing data per variable: valid answers, blank cells and a column per user-missing code
    /// (code and label) any variable declares, in the order first met. A variable's own codes are
    /// counted in their columns; a code the variable does not declare leaves its cell empty (it
    /// could not occur as missing there), so a variable with its own codes is not shown the first one's.
    public static func dataQuality(_ quality: DataQuality) -> Table {
        var codes: [(code: String, label: String)] = []
        for variable in quality.variables {
            for code in variable.userMissing where !codes.contains(where: { $0.code == code.code && $0.label == code.label }) {
                codes.append((code.code, code.label))
            }
        }
        var columns: [Table.Column] = [
            .init("Variable", key: "variable", alignment: .left),
            .init("Valid", key: "valid"),
            .init("Blank", key: "blank"),
        ]
        // A code written with two labels (by two variables) gets two columns, the second key numbered.
        columns += codes.enumerated().map { index, code in
            let repeats = codes[..<index].filter { $0.code == code.code }.count
            return .init("\(code.code) \(code.label)", key: "missing_\(code.code)" + (repeats > 0 ? "_\(repeats + 1)" : ""))
        }
        columns.append(.init("% missing", key: "percent_missing"))
        let rows: [[Cell]] = quality.variables.map { variable in
            let userCounts = codes.map { code in
                variable.userMissing.first { $0.code == code.code && $0.label == code.label }.map { Cell.integer($0.count) } ?? .empty
            }
            let missing = quality.rows - variable.valid
            return [.text(variable.name), .integer(variable.valid), .integer(variable.blank)] + userCounts
                + [.percent(quality.rows > 0 ? 100 * Double(missing) / Double(quality.rows) : nil)]
        }
        let undeclared = rows.contains { $0.contains(.empty) } ? " An empty cell: the code is not one of that variable's missing codes." : ""
        return Table(id: "data_quality", title: "Missing Data by Variable", columns: columns, rows: rows,
                     notes: ["N = \(quality.rows) rows read; \(quality.totalMissing) cells missing in all. Blank cells are system-missing; user-missing codes are excluded from every statistic.\(undeclared)"])
    }
}
