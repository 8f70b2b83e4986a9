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

    init(plan: AnalysisPlan, codebook: Codebook) {
        correlated = plan.correlations ?? codebook.scales.map(\.name)
        pairwise = plan.pairwiseCorrelations
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
