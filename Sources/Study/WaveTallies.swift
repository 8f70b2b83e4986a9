import SurveyData
import SurveyStats

/// What the comparison of waves keeps of one wave: per compared variable (every variable and scale
/// the plan describes) the exact tally of its values, a few numbers however many respondents.
public struct WaveTallies: Sendable {
    /// The wave's name (its file stem).
    public var wave: String
    public var variables: [Variable]

    public struct Variable: Sendable {
        public var name: String
        public var label: String
        public var isScale: Bool
        public var tally: ValueTally

        public init(name: String, label: String, isScale: Bool, tally: ValueTally) {
            self.name = name
            self.label = label
            self.isScale = isScale
            self.tally = tally
        }
    }

    public init(wave: String, variables: [Variable]) {
        self.wave = wave
        self.variables = variables
    }

    /// The tallies of the variables the wave's summary describes.
    init(wave: String, summary: WaveSummary, codebook: Codebook) {
        self.init(wave: wave, variables: summary[DescriptivesAnalysis.self].map { named in
            Variable(name: named.name, label: codebook.label(named.name),
                     isScale: codebook.scales.contains { $0.name == named.name }, tally: named.summary)
        })
    }
}
