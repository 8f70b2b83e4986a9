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

    init(_ settings: DescriptivesSettings, codebook: Codebook) {
        described = settings.variables ?? codebook.describableNames
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

    /// A dropped column leaves the descriptives, unreported (no analysis of others is lost).
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] {
        result.descriptives.removeAll { columns.contains($0.name) }
        return []
    }
}

/// `analyses: {descriptives: [a, b] | all}`: the variables and scales to describe (numbers).
public struct DescriptivesSettings: AnalysisSettings {
    public static let studyFileKeys = ["descriptives"]
    /// `nil`: every Likert and numeric item and every scale.
    public var variables: [String]?

    private enum CodingKeys: String, CodingKey { case variables = "descriptives" }

    public init(variables: [String]? = nil) { self.variables = variables }
    public init() { self.init(variables: nil) }
    public static var none: DescriptivesSettings { DescriptivesSettings(variables: []) }

    public init(yaml analyses: YAMLValue, references: inout [VariableReference]) throws {
        variables = try analyses.optional("descriptives")?.variableNames(.numeric, references: &references)
    }
}
