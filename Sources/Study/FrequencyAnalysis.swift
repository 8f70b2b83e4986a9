import SurveyData
import SurveyStats

/// Per column of the codebook its blank and user-missing cells and, for a Likert or categorical
/// column, its answers per level: the wave's data quality, and the frequency tables of the plan's
/// tabulated variables (by default every Likert and categorical one).
struct FrequencyAnalysis: BlockAnalysis {
    static let key = "columns"
    static let title = "columns"
    let tabulated: [String]
    let codebook: Codebook

    init(_ settings: FrequencySettings, codebook: Codebook) {
        tabulated = settings.variables ?? codebook.tabulableNames
        self.codebook = codebook
    }

    func summarize(_ block: WaveVariables) throws -> [WaveSummary.ColumnCounts] {
        for name in tabulated {
            let column = try block.dataset.requireColumn(name)
            if case .numeric = column.values { throw StudyError.notTabulable(name) }
            if case .text = column.values { throw StudyError.notTabulable(name) }
        }
        return block.dataset.columns.map { column in
            WaveSummary.ColumnCounts(name: column.name, blank: column.missing.blank,
                                     userMissing: column.missing.userMissing.map(\.count), levels: block.levelCounts(column))
        }
    }

    /// The codebook's columns, each with a count per user-missing code and (a Likert or categorical
    /// column) per level, adding up to the rows (a column without levels: its missing cells at most the rows).
    func validate(_ columns: [WaveSummary.ColumnCounts], shape: [WaveSummary.ColumnCounts], _ check: SummaryChecker) throws {
        try check.sameCount(columns.count, shape.count, at: Self.key, of: "columns (the codebook's variables)")
        for (i, (column, expected)) in zip(columns, shape).enumerated() {
            let path = "\(Self.key)[\(i)]"
            try check.sameName(column.name, expected.name, at: path)
            try check.sameCount(column.userMissing.count, expected.userMissing.count, at: "\(path).userMissing", of: "counts (one per user-missing code)")
            switch (column.levels, expected.levels) {
            case (nil, nil): try check.adds([column.blank] + column.userMissing, upTo: check.rows, at: path, of: "blank and user-missing cells")
            case let (levels?, expectedLevels?):
                try check.sameCount(levels.count, expectedLevels.count, at: "\(path).levels", of: "counts (one per level)")
                try check.adds([column.blank] + column.userMissing + levels, to: check.rows, at: path, of: "blank, user-missing and answered cells")
            case (_, nil): throw WaveSummaryError.invalid(at: "\(path).levels", expected: "no level counts (\(expected.name) has no levels)")
            case (nil, _): throw WaveSummaryError.invalid(at: "\(path).levels", expected: "a count per level of \(expected.name)")
            }
        }
    }

    func finish(_ columns: [WaveSummary.ColumnCounts], of wave: WaveSummary, into result: inout WaveResult) throws {
        result.dataQuality = DataQuality(rows: wave.rows, warnings: wave.warnings, columns: columns, codebook: codebook)
        result.frequencies = try tabulated.map { name in
            guard let variable = codebook.variable(named: name), let column = columns.first(where: { $0.name == name }),
                  let counts = column.levels else {
                throw StudyError.notTabulable(name)
            }
            return try DataColumn.frequencyTable(name: result.labelled(name, codebook), kind: variable.kind, counts: counts,
                                                 missing: column.missing(codes: variable.missingCodes))
        }
    }

    /// A dropped column leaves the data quality table and the frequency tables, unreported (no
    /// analysis of others is lost).
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] {
        result.dataQuality.variables.removeAll { columns.contains($0.name) }
        result.frequencies.removeAll { columns.contains($0.name) }
        return []
    }
}

/// `analyses: {frequencies: [a, b] | all}`: the variables to tabulate (Likert or categorical).
public struct FrequencySettings: AnalysisSettings {
    public static let studyFileKeys = ["frequencies"]
    /// `nil`: every Likert and categorical variable.
    public var variables: [String]?

    private enum CodingKeys: String, CodingKey { case variables = "frequencies" }

    public init(variables: [String]? = nil) { self.variables = variables }
    public init() { self.init(variables: nil) }
    public static var none: FrequencySettings { FrequencySettings(variables: []) }

    public init(yaml analyses: YAMLValue, references: inout [VariableReference]) throws {
        variables = try analyses.optional("frequencies")?.variableNames(.tabulated, references: &references)
    }
}

extension WaveSummary {
    /// Missing cells of one column and, for a Likert or categorical column, answers per level.
    public struct ColumnCounts: Sendable, Equatable, Codable, MergeableSummary {
        public var name: String
        public var blank: Int
        /// Cells per user-missing code, in codebook order.
        public var userMissing: [Int]
        /// Answers per scale point or level in codebook order; `nil` for numeric, ID and text columns.
        public var levels: [Int]?

        public mutating func add(_ other: ColumnCounts) throws {
            guard other.name == name else { throw WaveSummaryError.mismatch("'\(name.bounded())' vs. '\(other.name.bounded())'") }
            try requireSameShape(other.userMissing.count, userMissing.count, "user-missing codes of \(name)")
            try requireSameShape(other.levels?.count ?? -1, levels?.count ?? -1, "levels of \(name)")
            blank += other.blank
            userMissing = zip(userMissing, other.userMissing).map(+)
            if let mine = levels, let theirs = other.levels { levels = zip(mine, theirs).map(+) }
        }

        /// The missing cells with the codebook's user-missing codes.
        func missing(codes: [MissingCode]) -> MissingSummary {
            MissingSummary(blank: blank, userMissing: zip(codes, userMissing).map { MissingSummary.UserMissingCount(code: $0, count: $1) })
        }
    }
}
