import SurveyData
import SurveyStats

/// Cronbach's α and McDonald's ω of the plan's scales (by default every scale) from the
/// ``CoMoments`` of each scale's keyed items: exact for Likert items, else the corrected two-pass
/// co-moments of the numbers.
struct ReliabilityAnalysis: BlockAnalysis {
    static let key = "reliability"
    static let title = "scales"
    let scales: [String]
    let codebook: Codebook

    init(_ settings: ReliabilitySettings, codebook: Codebook) {
        scales = settings.scales ?? codebook.scales.map(\.name)
        self.codebook = codebook
    }

    func summarize(_ block: WaveVariables) throws -> [WaveSummary.Named<CoMoments>] {
        try scales.map { name in
            let items = try codebook.requireScale(name).items
            return WaveSummary.Named(name: name, summary: try block.coMoments(integers: block.dataset.keyedItemIntegers(items).map { ($0, nil) },
                                                                            numbers: { try block.dataset.keyedItemValues(items) }))
        }
    }

    /// Per scale, as many means as items, and co-moments that its items' values can give.
    func validate(_ summaries: [WaveSummary.Named<CoMoments>], shape: [WaveSummary.Named<CoMoments>], _ check: SummaryChecker) throws {
        try check.sameNames(summaries, shape, at: Self.key)
        for (i, (scale, expected)) in zip(summaries, shape).enumerated() {
            let path = "\(Self.key)[\(i)] (\(scale.name)).summary"
            try check.sameCount(scale.summary.variableCount, expected.summary.variableCount, at: "\(path).means", of: "means (one per item)")
            try check.coMoments(scale.summary, of: try codebook.requireScale(scale.name).items, at: path)
        }
    }

    /// α of each scale, and ω beside it; a scale the one-factor model cannot fit (e.g. 2 items)
    /// keeps its α and says why it has no ω.
    func finish(_ summaries: [WaveSummary.Named<CoMoments>], of wave: WaveSummary, into result: inout WaveResult) throws {
        result.reliability = try summaries.map { named in
            let scale = try codebook.requireScale(result.labelled(named.name, codebook))
            scale.items.forEach { _ = result.labelled($0, codebook) }
            let reversed = scale.items.filter { item in
                if case .likert(let likert)? = codebook.variable(named: item)?.kind { return likert.reversed }
                return false
            }
            return NamedReliability(scale: named.name, result: try Reliability.cronbachAlpha(named.summary, names: scale.items), reversedItems: reversed)
        }
        result.omega = try summaries.map { named in
            let items = try codebook.requireScale(named.name).items
            do {
                return NamedOmega(scale: named.name, result: try Omega.oneFactor(named.summary, names: items), problem: nil)
            } catch {
                return NamedOmega(scale: named.name, result: nil, problem: "\(error)")
            }
        }
    }

    /// The α and ω of each scale with a dropped item (ω unreported: it goes with α).
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] {
        result.omega.removeAll { codebook.items(of: $0.scale).contains(where: columns.contains) }
        return result.reliability.drop(using: columns, uses: { codebook.items(of: $0.scale) }, named: { "reliability of \($0.scale)" })
    }
}

/// `analyses: {reliability: [a, b] | all}` or `{reliability: {scales: [a, b] | all, ordinal: true}}`:
/// the scales whose α and ω to report, and whether ordinal α and ω too (``OrdinalReliabilityAnalysis``).
public struct ReliabilitySettings: AnalysisSettings {
    public static let studyFileKeys = ["reliability"]
    /// `nil`: every scale.
    public var scales: [String]?
    public var ordinal: Bool

    private enum CodingKeys: String, CodingKey { case scales = "reliability", ordinal = "ordinal_reliability" }

    public init(scales: [String]? = nil, ordinal: Bool = false) {
        self.scales = scales
        self.ordinal = ordinal
    }

    public init() { self.init(scales: nil) }
    public static var none: ReliabilitySettings { ReliabilitySettings(scales: []) }

    public init(yaml analyses: YAMLValue, references: inout [VariableReference]) throws {
        guard let value = try analyses.optional("reliability") else {
            self.init()
            return
        }
        guard value.node.mapping != nil else {
            self.init(scales: try value.variableNames(.scale, references: &references))
            return
        }
        try value.checkKeys(["scales", "ordinal"])
        self.init(scales: try value.optional("scales")?.variableNames(.scale, references: &references),
                  ordinal: try value.optional("ordinal")?.bool() ?? false)
    }
}
