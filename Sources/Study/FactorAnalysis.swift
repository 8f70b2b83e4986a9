import SurveyData
import SurveyStats

/// The plan's confirmatory factor analyses (`cfa:`): per analysis, the ``CoMoments`` of the keyed
/// items of its scales together (listwise over all of them: exact for Likert items, else the
/// corrected two-pass co-moments), fitted by ``ConfirmatoryFactorAnalysis`` as correlated factors.
/// `paradox cfa` runs the same analysis (``FileFactorAnalysis``).
struct FactorAnalysis: BlockAnalysis {
    static let key = "cfa"
    static let title = "factor analyses"
    let models: [Model]
    let codebook: Codebook

    /// One analysis of the plan with its scales from the codebook.
    struct Model: Sendable {
        var plan: FactorAnalysisPlan
        /// Its scales, each with its items.
        var scales: [ScaleDefinition]
        /// The items of its scales, each once, in the order of the scales.
        var items: [String]

        /// The factors as positions in ``items``.
        var factors: [ConfirmatoryFactorAnalysis.Factor] {
            scales.map { scale in .init(name: scale.name, items: scale.items.compactMap { items.firstIndex(of: $0) }) }
        }
    }

    init(_ settings: FactorAnalysisSettings, codebook: Codebook) {
        models = settings.analyses.map { request in
            let scales = (request.scales ?? codebook.scales.map(\.name)).compactMap { name in codebook.scales.first { $0.name == name } }
            var seen = Set<String>()
            return Model(plan: request, scales: scales, items: scales.flatMap(\.items).filter { seen.insert($0).inserted })
        }
        self.codebook = codebook
    }

    func summarize(_ block: WaveVariables) throws -> [WaveSummary.Named<CoMoments>] {
        try models.map { model in
            WaveSummary.Named(name: model.plan.name, summary: try block.coMoments(integers: block.dataset.keyedItemIntegers(model.items).map { ($0, nil) },
                                                                                  numbers: { try block.dataset.keyedItemValues(model.items) }))
        }
    }

    /// Per analysis, as many means as items, and co-moments that its items' values can give.
    func validate(_ summaries: [WaveSummary.Named<CoMoments>], shape: [WaveSummary.Named<CoMoments>], _ check: SummaryChecker) throws {
        try check.sameNames(summaries, shape, at: Self.key)
        for (i, (model, (summary, expected))) in zip(models, zip(summaries, shape)).enumerated() {
            let path = "\(Self.key)[\(i)] (\(summary.name)).summary"
            try check.sameCount(summary.summary.variableCount, expected.summary.variableCount, at: "\(path).means", of: "means (one per item)")
            try check.coMoments(summary.summary, of: model.items, at: path)
        }
    }

    /// Each model fitted; one that cannot be (too few items, not identified, a covariance matrix
    /// that is not positive definite) says why.
    func finish(_ summaries: [WaveSummary.Named<CoMoments>], of wave: WaveSummary, into result: inout WaveResult) {
        result.factorAnalyses = zip(models, summaries).map { model, summary in
            model.scales.forEach { _ = result.labelled($0.name, codebook) }
            do {
                return NamedFactorAnalysis(name: model.plan.name, scales: model.scales.map(\.name), result: try Self.fit(model, summary.summary), problem: nil)
            } catch {
                return NamedFactorAnalysis(name: model.plan.name, scales: model.scales.map(\.name), result: nil, problem: "\(error)")
            }
        }
    }

    /// The correlated-factors model of `model` fitted to the co-moments of its items.
    /// - Throws: ``ConfirmatoryFactorAnalysisError``.
    static func fit(_ model: Model, _ moments: CoMoments) throws -> ConfirmatoryFactorAnalysisResult {
        try ConfirmatoryFactorAnalysis.fit(moments, names: model.items, factors: model.factors, identification: model.plan.identification)
    }

    /// Each analysis with a dropped item in one of its scales.
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] {
        result.factorAnalyses.drop(using: columns, uses: { $0.scales.flatMap(codebook.items(of:)) }, named: { "CFA \($0.name)" })
    }
}

/// `analyses: {cfa: …}`: the confirmatory factor analyses (``FactorAnalysisPlan``); none by default.
public struct FactorAnalysisSettings: AnalysisSettings {
    public static let studyFileKeys = ["cfa"]
    public var analyses: [FactorAnalysisPlan]

    private enum CodingKeys: String, CodingKey { case analyses = "cfa" }

    public init(analyses: [FactorAnalysisPlan] = []) { self.analyses = analyses }
    public init() { self.init(analyses: []) }

    public init(yaml analyses: YAMLValue, references: inout [VariableReference]) throws {
        self.analyses = try FactorAnalysisPlan.list(analyses.optional("cfa"), references: &references)
    }
}

/// A confirmatory factor analysis of the study file, or why its model could not be fitted.
public struct NamedFactorAnalysis: Sendable, Encodable {
    public var name: String
    /// The scales that are its factors.
    public var scales: [String]
    /// `nil` when the model cannot be fitted; `problem` says why.
    public var result: ConfirmatoryFactorAnalysisResult?
    public var problem: String?

    enum CodingKeys: String, CodingKey { case name, scales, result, problem }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(scales, forKey: .scales)
        try c.encode(result, forKey: .result)
        try c.encode(problem, forKey: .problem)
    }
}
