import SurveyData

/// The k-anonymity of the study's quasi-identifiers (`privacy: {quasi_identifiers: …, k: …}`) from
/// the ``EquivalenceClasses`` of the wave's rows, counted block by block with the other analyses, so
/// that a wave merged from the summaries of its parts states it too. `nil` when the study names no
/// quasi-identifiers.
struct KAnonymityAnalysis: BlockAnalysis {
    static let key = "kAnonymity"
    static let title = "quasi-identifiers"
    let quasiIdentifiers: [String]
    let k: Int

    init(_ settings: KAnonymitySettings, codebook: Codebook) {
        quasiIdentifiers = settings.quasiIdentifiers
        k = settings.k
    }

    func summarize(_ block: WaveVariables) throws -> EquivalenceClasses? {
        guard !quasiIdentifiers.isEmpty else { return nil }
        return try EquivalenceClasses(quasiIdentifiers: quasiIdentifiers, of: block.dataset)
    }

    /// The plan's quasi-identifiers; classes of at least one respondent adding up to the rows, each
    /// of one value per quasi-identifier that its column can hold (a Likert point of its scale, a
    /// level of the codebook, a finite number, a text that is not blank; or missing).
    func validate(_ summary: EquivalenceClasses?, shape: EquivalenceClasses?, _ check: SummaryChecker) throws {
        let key = Self.key
        guard let summary else {
            guard shape == nil else { throw WaveSummaryError.invalid(at: key, expected: "the classes of the quasi-identifiers \(quasiIdentifiers.joined(separator: ", ").bounded()), found null") }
            return
        }
        guard shape != nil else { throw WaveSummaryError.invalid(at: key, expected: "null (the study names no quasi-identifiers)") }
        guard summary.quasiIdentifiers == quasiIdentifiers else {
            throw WaveSummaryError.invalid(at: "\(key).quasi_identifiers", expected: "\(quasiIdentifiers.joined(separator: ", ").bounded()), found \(summary.quasiIdentifiers.joined(separator: ", ").bounded())")
        }
        if let empty = summary.counts.values.first(where: { $0 < 1 }) {
            throw WaveSummaryError.invalid(at: "\(key).classes", expected: "classes of 1 respondent or more, found \(empty)")
        }
        try check.adds(Array(summary.counts.values), to: check.rows, at: "\(key).classes", of: "respondents in classes")
        let columns = try quasiIdentifiers.map { try check.variables.dataset.requireColumn($0).values }
        for values in summary.counts.keys {
            try check.sameCount(values.count, columns.count, at: "\(key).classes", of: "values per class (one per quasi-identifier)")
            for (position, (value, column)) in zip(values, columns).enumerated() where !Self.holds(column, value) {
                throw WaveSummaryError.invalid(at: "\(key).classes", expected: "values that \(quasiIdentifiers[position].bounded()) can hold, found \(Self.shown(value))")
            }
        }
    }

    /// Whether a column like `column` can hold `value` (``EquivalenceClasses/CellValue``).
    private static func holds(_ column: ColumnValues, _ value: EquivalenceClasses.CellValue) -> Bool {
        switch (column, value) {
        case (_, .missing): return true
        case (.likert(let likert), .code(let code)): return likert.scale.range.contains(Int(code))
        case (.categorical(let categorical), .code(let code)): return (0..<Int64(categorical.levels.count)).contains(code)
        case (.numeric, .code(let bits)):
            let number = Double(bitPattern: UInt64(bitPattern: bits))
            return number.isFinite && number.bitPattern != (-0.0).bitPattern
        case (.text, .text(let text)): return !text.allSatisfy(\.isWhitespace)
        default: return false
        }
    }

    private static func shown(_ value: EquivalenceClasses.CellValue) -> String {
        switch value {
        case .missing: return "null"
        case .code(let code): return String(code)
        case .text(let text): return "'\(text.bounded())'"
        }
    }

    func finish(_ summary: EquivalenceClasses?, of wave: WaveSummary, into result: inout WaveResult) {
        result.kAnonymity = summary?.kAnonymity(k: k)
    }

    /// Nothing: the k-anonymity counts respondents per class, and the privacy gate reports it.
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] { [] }
}

/// The quasi-identifiers whose k-anonymity the wave's summary counts, and the k it is stated at:
/// the study file's `privacy: {quasi_identifiers: …, k: …}` (``PrivacyPlan``), not a key of
/// `analyses:` (``StudyPlan/privacy`` sets them).
public struct KAnonymitySettings: AnalysisSettings {
    public static let studyFileKeys: [String] = []
    public var quasiIdentifiers: [String]
    public var k: Int

    private enum CodingKeys: String, CodingKey { case quasiIdentifiers = "quasi_identifiers", k }

    public init(quasiIdentifiers: [String] = [], k: Int = PrivacyPlan.defaultK) {
        self.quasiIdentifiers = quasiIdentifiers
        self.k = k
    }

    /// Those of the study's privacy block.
    init(_ privacy: PrivacyPlan) { self.init(quasiIdentifiers: privacy.quasiIdentifiers.map(\.name), k: privacy.k) }

    public init() { self.init(quasiIdentifiers: []) }
    public init(yaml analyses: YAMLValue, references: inout [VariableReference]) { self.init() }
}
