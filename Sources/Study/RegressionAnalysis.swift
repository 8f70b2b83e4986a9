import MessageText
import SurveyData
import SurveyStats

/// The plan's linear regressions (OLS by QR, HC3 on request, hierarchical blocks) from a
/// ``RowTally`` per model: the distinct rows of the response and terms with their counts
/// (categorical terms as level codes).
struct RegressionAnalysis: BlockAnalysis {
    static let key = "regressions"
    static let title = "regressions"
    let models: [RegressionPlan]
    let codebook: Codebook

    init(_ settings: RegressionSettings, codebook: Codebook) {
        models = settings.models
        self.codebook = codebook
    }

    func summarize(_ block: WaveVariables) throws -> [WaveSummary.Named<RowTally>] {
        try models.map { model in
            WaveSummary.Named(name: model.name, summary: RowTally(codedColumns: try ([model.dependent] + model.terms).map(block.codedColumn)))
        }
    }

    /// Per model, a column per variable with values it can take, and complete and excluded cases adding up to the rows.
    func validate(_ tallies: [WaveSummary.Named<RowTally>], shape: [WaveSummary.Named<RowTally>], _ check: SummaryChecker) throws {
        try check.sameNames(tallies, shape, at: Self.key)
        for (i, (model, named)) in zip(models, tallies).enumerated() {
            let path = "\(Self.key)[\(i)] (\(model.name)).summary"
            let tally = named.summary
            let names = [model.dependent] + model.terms
            try check.sameCount(tally.columnCount, names.count, at: "\(path).columns", of: "columns (the response and each term)")
            try check.adds([tally.caseCount, tally.excluded], to: check.rows, at: path, of: "complete and excluded cases")
            for (j, name) in names.enumerated() {
                try check.possible(tally.columnValues[j], of: name, at: "\(path).columns[\(j)]")
            }
        }
    }

    /// The models fitted one after the other: a regression on a large tally passes over its rows on
    /// all cores (`Regression.fit`), and a nested concurrent loop would run on one core.
    func finish(_ tallies: [WaveSummary.Named<RowTally>], of wave: WaveSummary, into result: inout WaveResult) throws {
        for model in models { ([model.dependent] + model.terms).forEach { _ = result.labelled($0, codebook) } }
        result.regressions = try zip(models, tallies).map { model, tally in
            let linearModel = LinearModel(
                responseName: model.dependent, response: [],
                terms: model.terms.map(term), intercept: model.intercept,
                blocks: model.blocks.count > 1 ? model.blocks.map(\.terms) : [], hc3: model.robust)
            do {
                return NamedRegression(name: model.name, title: model.title, result: try Regression.fit(linearModel, tally: tally.summary))
            } catch {
                throw StudyError.analysisFailed(analysis: "\(model.location.map { "\($0): " } ?? "")regression '\(model.name)'", reason: "\(error)")
            }
        }
    }

    /// A regression term without values (they come from the tally): categorical columns as
    /// dummies, scales and other variables as numbers.
    private func term(_ name: String) -> LinearModel.Term {
        if !codebook.scales.contains(where: { $0.name == name }),
           case .categorical(let levels, let reference)? = codebook.variable(named: name)?.kind {
            return .categorical(name: name, codes: [], levels: levels.map(\.label), reference: reference)
        }
        return .numeric(name: name, values: [])
    }

    /// Each model with a dropped response or predictor.
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] {
        result.regressions.drop(using: columns, uses: { fitted in
            models.first { $0.name == fitted.name }.map { [$0.dependent] + $0.terms } ?? []
        }, named: { "regression \($0.name)" })
    }
}

/// `analyses: {regressions: [{name, title, dependent, predictors | blocks, intercept, robust}]}`:
/// the linear models (``RegressionPlan``); none by default.
public struct RegressionSettings: AnalysisSettings {
    public static let studyFileKeys = ["regressions"]
    public var models: [RegressionPlan]

    private enum CodingKeys: String, CodingKey { case models = "regressions" }

    public init(models: [RegressionPlan] = []) { self.models = models }
    public init() { self.init(models: []) }

    public init(yaml analyses: YAMLValue, references: inout [VariableReference]) throws {
        let entries = try analyses.optional("regressions")?.sequence() ?? []
        models = try entries.map(RegressionPlan.init(yaml:))
        for (model, entry) in zip(models, entries) {
            references.append(VariableReference(name: model.dependent, role: .numeric, location: try entry.required("dependent").location))
            let terms = try entry.optional("blocks").map { try $0.sequence().flatMap { try $0.required("terms").namedEntries() } }
                ?? entry.required("predictors").namedEntries()
            references += terms.map { VariableReference(name: $0.name, role: .predictor, location: $0.node.location) }
        }
    }

    /// Two models with one name; a model whose response is among its predictors or that names a
    /// predictor twice.
    public func problems() -> [ConfigFileError] {
        var problems = repeatedNameProblems("regression", models.map { ($0.name, $0.location) })
        for model in models {
            if model.terms.contains(model.dependent) {
                problems.append(planError(model.location, "regression '\(Excerpt.excerpt(model.name))' has its dependent variable '\(Excerpt.excerpt(model.dependent))' among its predictors (a variable cannot explain itself)"))
            }
            var seen = Set<String>()
            for term in model.terms where !seen.insert(term).inserted {
                problems.append(planError(model.location, "regression '\(Excerpt.excerpt(model.name))' names the predictor '\(Excerpt.excerpt(term))' twice (expected each predictor once, in one block)"))
            }
        }
        return problems
    }
}
