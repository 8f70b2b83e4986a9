import SurveyData

/// How complete a wave is: rows read, and per variable the valid, blank and user-missing counts.
public struct DataQuality: Sendable, Equatable, Codable {
    public var rows: Int
    public var variables: [VariableMissing]
    public var warnings: [String]

    public struct VariableMissing: Sendable, Equatable, Codable {
        public var name: String
        public var valid: Int
        public var blank: Int
        /// User-missing counts by code label (e.g. "98 Don't know": 3), in codebook order.
        public var userMissing: [UserMissing]

        public struct UserMissing: Sendable, Equatable, Codable {
            public var code: String
            public var label: String
            public var count: Int
        }
    }

    /// Cells missing in the whole wave (blank plus user-missing).
    public var totalMissing: Int {
        variables.reduce(0) { $0 + $1.blank + $1.userMissing.reduce(0) { $0 + $1.count } }
    }
}

extension DataQuality {
    /// The data quality of a summarised wave of `rows` rows from its ``WaveSummary/ColumnCounts``
    /// (user-missing codes labelled from the codebook).
    init(rows: Int, warnings: [String], columns: [WaveSummary.ColumnCounts], codebook: Codebook) {
        self.rows = rows
        self.warnings = warnings
        variables = columns.map { column in
            let missing = column.missing(codes: codebook.variable(named: column.name)?.missingCodes ?? [])
            return VariableMissing(
                name: column.name, valid: rows - missing.total, blank: missing.blank,
                userMissing: missing.userMissing.map {
                    .init(code: $0.code.written, label: $0.code.label, count: $0.count)
                })
        }
    }
}
