import MessageText
import SurveyData
import SurveyStats

/// Ordinal α and ω of the plan's reliability scales from polychoric correlations
/// (`reliability: {scales: …, ordinal: true}`, or `ordinal: true` on a scale of the codebook), from
/// each scale's ``PairwiseContingency``: the cross-tabulations of every pair of its keyed items over
/// its complete rows, their categories the points of the items' Likert scales in the codebook (so
/// every part of a wave has the same tables, and they add). None unless the plan or codebook asks.
struct OrdinalReliabilityAnalysis: BlockAnalysis {
    static let key = "ordinalReliability"
    static let title = "ordinal scales"
    /// The scales that can have ordinal reliability (all items Likert, of at most
    /// ``Polychoric/maxCategories`` points), with their items and each item's categories.
    let scales: [(name: String, items: [String], levels: [[Double]])]
    /// The scales asked for that cannot, each with why.
    let unsupported: [(name: String, problem: String)]
    /// The scales asked for, in the plan's order (that of the results).
    let requested: [String]
    let codebook: Codebook

    init(_ settings: ReliabilitySettings, codebook: Codebook) {
        var scales: [(name: String, items: [String], levels: [[Double]])] = []
        var unsupported: [(name: String, problem: String)] = []
        let reported = settings.scales ?? codebook.scales.map(\.name)
        requested = settings.ordinal ? reported : reported.filter { name in codebook.scales.contains { $0.name == name && $0.ordinal } }
        self.codebook = codebook
        for name in requested {
            guard let scale = codebook.scales.first(where: { $0.name == name }) else { continue }
            func range(_ item: String) -> ClosedRange<Int>? {
                guard case .likert(let likert)? = codebook.variable(named: item)?.kind else { return nil }
                return likert.range
            }
            let ranges = scale.items.compactMap(range)
            if let item = scale.items.first(where: { range($0) == nil }) {
                unsupported.append((name, "\(Excerpt.excerpt(item)) is not a Likert item (expected ordinal items)"))
            } else if let index = ranges.firstIndex(where: { $0.count > Polychoric.maxCategories }) {
                unsupported.append((name, "\(Excerpt.excerpt(scale.items[index])) has more than \(Polychoric.maxCategories) points (expected ordinal items)"))
            } else {
                scales.append((name, scale.items, ranges.map { $0.map(Double.init) }))
            }
        }
        self.scales = scales
        self.unsupported = unsupported
    }

    /// Each item's keyed answers as indices into its scale's points (reverse keying maps the points
    /// onto themselves).
    func summarize(_ block: WaveVariables) throws -> [WaveSummary.Named<PairwiseContingency>] {
        try scales.map { scale in
            guard let answers = try block.dataset.keyedItemIntegers(scale.items) else {
                throw StudyError.analysisFailed(analysis: "ordinal reliability of \(scale.name.bounded())", reason: "its items are not Likert items in the data")
            }
            let categories = zip(answers, scale.levels).map { column, levels in
                column.map { $0 == .min ? nil : Int($0) - Int(levels[0]) }
            }
            return WaveSummary.Named(name: scale.name, summary: PairwiseContingency(levels: scale.levels, categories: categories))
        }
    }

    /// Per scale, the items' categories of the codebook, and complete and incomplete cases adding
    /// up to the rows (the tables' own invariants are checked as they are decoded).
    func validate(_ summaries: [WaveSummary.Named<PairwiseContingency>], shape: [WaveSummary.Named<PairwiseContingency>], _ check: SummaryChecker) throws {
        try check.sameNames(summaries, shape, at: Self.key)
        for (i, (scale, expected)) in zip(summaries, shape).enumerated() {
            let path = "\(Self.key)[\(i)] (\(scale.name)).summary"
            guard scale.summary.levels == expected.summary.levels else {
                throw WaveSummaryError.invalid(at: "\(path).levels", expected: "the points of the items' Likert scales in the codebook")
            }
            try check.adds([scale.summary.count, scale.summary.excluded], to: check.rows, at: path, of: "complete and incomplete cases")
        }
    }

    /// Ordinal α and ω of each scale; one whose polychoric correlations or one-factor model cannot
    /// be estimated, or whose items are not ordinal, says why.
    func finish(_ summaries: [WaveSummary.Named<PairwiseContingency>], of wave: WaveSummary, into result: inout WaveResult) {
        let analysed = zip(scales, summaries).map { scale, summary in
            do {
                return NamedOrdinalReliability(scale: scale.name, result: try OrdinalReliability.analyse(summary.summary, names: scale.items), problem: nil)
            } catch {
                return NamedOrdinalReliability(scale: scale.name, result: nil, problem: "\(error)")
            }
        }
        let all = analysed + unsupported.map { NamedOrdinalReliability(scale: $0.name, result: nil, problem: $0.problem) }
        result.ordinalReliability = requested.compactMap { name in all.first { $0.scale == name } }
    }

    /// The ordinal α and ω of each scale with a dropped item, unreported: they go with its α
    /// (``ReliabilityAnalysis``).
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] {
        result.ordinalReliability.drop(using: columns, uses: { codebook.items(of: $0.scale) }, named: { _ in nil })
    }
}

/// Ordinal α and ω of a scale, or why they could not be estimated.
public struct NamedOrdinalReliability: Sendable, Encodable {
    public var scale: String
    /// `nil` when they cannot be estimated; `problem` says why.
    public var result: OrdinalReliabilityResult?
    public var problem: String?

    enum CodingKeys: String, CodingKey { case scale, result, problem }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(scale, forKey: .scale)
        try c.encode(result, forKey: .result)
        try c.encode(problem, forKey: .problem)
    }
}
