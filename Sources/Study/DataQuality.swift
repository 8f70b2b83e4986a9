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

    init(dataset: Dataset) {
        rows = dataset.rowCount
        warnings = dataset.warnings
        variables = dataset.columns.map { column in
            VariableMissing(
                name: column.name,
                valid: dataset.rowCount - column.missing.total,
                blank: column.missing.blank,
                userMissing: column.missing.userMissing.map {
                    .init(code: MissingCode.format($0.code.value), label: $0.code.label, count: $0.count)
                })
        }
    }
}
