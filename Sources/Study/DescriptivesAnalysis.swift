import SurveyData
import SurveyStats

/// Descriptive statistics of the plan's described variables and scales (by default every
/// describable one) from the exact ``ValueTally`` of each one's values; the comparison of waves
/// uses the same tallies (``WaveTallies``).
struct DescriptivesAnalysis: BlockAnalysis {
    static let key = "tallies"
    static let title = "described variables"
    let described: [String]
    let codebook: Codebook

    init(plan: AnalysisPlan, codebook: Codebook) {
        described = plan.descriptives ?? codebook.describableNames
        self.codebook = codebook
    }

    func summarize(_ block: WaveVariables) throws -> [WaveSummary.Named<ValueTally>] {
        try described.map { WaveSummary.Named(name: $0, summary: try block.tally($0)) }
    }

    /// Per described variable, valid and missing cases adding up to the rows, and values it can take.
    func validate(_ tallies: [WaveSummary.Named<ValueTally>], shape: [WaveSummary.Named<ValueTally>], _ check: SummaryChecker) throws {
        try check.sameNames(tallies, shape, at: Self.key)
        for (i, tally) in tallies.enumerated() {
            try check.tally(tally.summary, of: tally.name, at: "\(Self.key)[\(i)] (\(tally.name)).summary")
        }
    }

    func finish(_ tallies: [WaveSummary.Named<ValueTally>], of wave: WaveSummary, into result: inout WaveResult) {
        result.descriptives = tallies.map { Descriptives.describe($0.summary, name: result.labelled($0.name, codebook)) }
    }
}
