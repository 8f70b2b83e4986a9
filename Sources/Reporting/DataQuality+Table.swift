import Study

extension Table {
    /// Missing data per variable: valid answers, blank cells and each user-missing code.
    public static func dataQuality(_ quality: DataQuality) -> Table {
        let codes = quality.variables.first { !$0.userMissing.isEmpty }?.userMissing.map { ($0.code, $0.label) } ?? []
        var columns: [Table.Column] = [
            .init("Variable", key: "variable", alignment: .left),
            .init("Valid", key: "valid"),
            .init("Blank", key: "blank"),
        ]
        columns += codes.map { .init("\($0.0) \($0.1)", key: "missing_\($0.0)") }
        columns.append(.init("% missing", key: "percent_missing"))
        let rows: [[Cell]] = quality.variables.map { variable in
            let userCounts = codes.map { code in variable.userMissing.first { $0.code == code.0 }?.count ?? 0 }
            let missing = quality.rows - variable.valid
            return [.text(variable.name), .integer(variable.valid), .integer(variable.blank)]
                + userCounts.map { Cell.integer($0) }
                + [.percent(quality.rows > 0 ? 100 * Double(missing) / Double(quality.rows) : nil)]
        }
        return Table(id: "data_quality", title: "Missing Data by Variable", columns: columns, rows: rows,
                     notes: ["N = \(quality.rows) rows read; \(quality.totalMissing) cells missing in all. Blank cells are system-missing; user-missing codes are excluded from every statistic."])
    }
}
