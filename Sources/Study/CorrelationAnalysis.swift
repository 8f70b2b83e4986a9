import MessageText
import SurveyData
import SurveyStats

/// Pearson correlations of the plan's correlated variables (by default every scale; none for fewer
/// than two) from their co-moments over complete cases (listwise) or per pair (pairwise).
struct CorrelationAnalysis: BlockAnalysis {
    static let key = "correlation"
    static let title = "correlations"
    let correlated: [String]
    let pairwise: Bool
    let codebook: Codebook

    init(_ settings: CorrelationSettings, codebook: Codebook) {
        correlated = settings.variables ?? codebook.scales.map(\.name)
        pairwise = settings.pairwise
        self.codebook = codebook
    }

    func summarize(_ block: WaveVariables) throws -> WaveSummary.CorrelationSummary? {
        guard correlated.count >= 2 else { return nil }
        let numbers = { try correlated.map(block.numeric) }
        if pairwise { return .pairwise(PairwiseCoMoments(columns: try numbers())) }
        return .listwise(try block.coMoments(integers: block.scaledIntegers(correlated), numbers: numbers))
    }

    /// Listwise, pairwise or no co-moments as the plan asks, of as many variables, that their values can give.
    func validate(_ summary: WaveSummary.CorrelationSummary?, shape: WaveSummary.CorrelationSummary?, _ check: SummaryChecker) throws {
        let key = Self.key
        switch (summary, shape) {
        case (nil, nil): break
        case let (.listwise(coMoments)?, .listwise(expected)?):
            try check.sameCount(coMoments.variableCount, expected.variableCount, at: "\(key).listwise.means", of: "means (one per variable)")
            try check.coMoments(coMoments, of: correlated, at: "\(key).listwise")
        case let (.pairwise(coMoments)?, .pairwise(expected)?):
            try check.sameCount(coMoments.variableCount, expected.variableCount, at: "\(key).pairwise.variables", of: "variables")
            var m = 0
            for i in correlated.indices {
                for j in correlated.indices.dropFirst(i + 1) {
                    try check.coMoments(coMoments.pair(i, j), of: [correlated[i], correlated[j]], at: "\(key).pairwise.pairs[\(m)]")
                    m += 1
                }
            }
        case (_, nil): throw WaveSummaryError.invalid(at: key, expected: "no correlation (the plan correlates fewer than two variables)")
        case (_, .listwise?): throw WaveSummaryError.invalid(at: key, expected: "listwise co-moments (the plan's correlations are listwise)")
        case (_, .pairwise?): throw WaveSummaryError.invalid(at: key, expected: "pairwise co-moments (the plan's correlations are pairwise)")
        }
    }

    func finish(_ summary: WaveSummary.CorrelationSummary?, of wave: WaveSummary, into result: inout WaveResult) throws {
        let names = correlated.map { result.labelled($0, codebook) }
        switch summary {
        case .listwise(let coMoments)?: result.correlation = try Correlation.pearson(coMoments, names: names)
        case .pairwise(let coMoments)?: result.correlation = try Correlation.pearson(coMoments, names: names)
        case nil: result.correlation = nil
        }
    }

    /// The correlation matrix, when one of its variables is dropped.
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] {
        guard let correlation = result.correlation, correlation.variables.contains(where: columns.contains) else { return [] }
        result.correlation = nil
        return ["correlations"]
    }
}

/// `analyses: {correlations: [a, b] | all}` or `{correlations: {variables: [a, b] | all, missing:
/// listwise | pairwise}}`: the variables to correlate (numbers) and how missing values are handled.
public struct CorrelationSettings: AnalysisSettings {
    public static let studyFileKeys = ["correlations"]
    /// `nil`: every scale.
    public var variables: [String]?
    /// Co-moments per pair of variables (pairwise deletion) rather than over complete cases.
    public var pairwise: Bool

    private enum CodingKeys: String, CodingKey { case variables = "correlations", pairwise = "pairwiseCorrelations" }

    public init(variables: [String]? = nil, pairwise: Bool = false) {
        self.variables = variables
        self.pairwise = pairwise
    }

    public init() { self.init(variables: nil) }
    public static var none: CorrelationSettings { CorrelationSettings(variables: []) }

    public init(yaml analyses: YAMLValue, references: inout [VariableReference]) throws {
        guard let value = try analyses.optional("correlations") else {
            self.init()
            return
        }
        guard value.node.mapping != nil else {
            self.init(variables: try value.variableNames(.numeric, references: &references))
            return
        }
        try value.checkKeys(["variables", "missing"])
        self.init(variables: try value.optional("variables")?.variableNames(.numeric, references: &references))
        if let missing = try value.optional("missing") {
            switch try missing.string() {
            case "listwise": pairwise = false
            case "pairwise": pairwise = true
            case let other: throw missing.error("unknown missing-data rule '\(Excerpt.excerpt(other))' (expected listwise or pairwise)")
            }
        }
    }
}

extension WaveSummary {
    /// The correlated variables' co-moments over complete cases (listwise) or per pair (pairwise).
    public enum CorrelationSummary: Sendable, Equatable, Codable, MergeableSummary {
        case listwise(CoMoments)
        case pairwise(PairwiseCoMoments)

        public mutating func add(_ other: CorrelationSummary) throws {
            switch (self, other) {
            case let (.listwise(a), .listwise(b)): self = .listwise(try a.adding(b))
            case let (.pairwise(a), .pairwise(b)): self = .pairwise(try a.adding(b))
            default: throw WaveSummaryError.mismatch("listwise vs. pairwise")
            }
        }
    }
}
