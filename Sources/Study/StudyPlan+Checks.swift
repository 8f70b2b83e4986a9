import MessageText
import SurveyData

extension StudyPlan {
    /// Every mistake of meaning in the plan, found with its codebook before any data is read, in
    /// the order of the study file's lines: ``AnalysisPlan/problems()``, the analyses' variables
    /// against the codebook (``AnalysisPlan/problems(against:)``), the replication targets, the
    /// columns `privacy: {keep: [...], quasi_identifiers: [...]}` names and the columns the
    /// screening rules read (``ScreeningPlan/problems(against:)``).
    public func problems(against codebook: Codebook) -> [ConfigFileError] {
        let problems = analyses.problems() + analyses.problems(against: codebook) + replicationProblems(codebook)
            + privacy.keep.filter { codebook.variable(named: $0.name) == nil }.map {
                error($0.location, "privacy keeps '\(Excerpt.excerpt($0.name))', which is not a variable of the codebook")
            }
            + privacy.quasiIdentifierProblems(codebook).map { error($0.location, $0.message) }
            + openEnded.flatMap { $0.problems(against: codebook) }
            + (screening?.problems(against: codebook) ?? [])
        return problems.enumerated().sorted {
            ($0.element.line ?? 0, $0.element.column ?? 0, $0.offset) < ($1.element.line ?? 0, $1.element.column ?? 0, $1.offset)
        }.map(\.element)
    }

    /// Replication targets repeating an id or naming an analysis, a term or a variable that is not there.
    private func replicationProblems(_ codebook: Codebook) -> [ConfigFileError] {
        var problems: [ConfigFileError] = []
        var ids = Set<String>()
        for target in replication {
            func problem(_ message: String) { problems.append(error(target.location, "replication \(Excerpt.excerpt(target.id)): \(message)")) }
            if !ids.insert(target.id).inserted { problem("the id is used twice (expected unique ids)") }
            switch target.check {
            case .sampleSize(let anova), .anovaF(let anova), .meansDecreasing(let anova):
                if !analyses.anovas.contains(where: { $0.name == anova }) {
                    problem("names ANOVA '\(Excerpt.excerpt(anova))', which the study file does not define (ANOVAs: \(Excerpt.excerptList(analyses.anovas.map(\.name))))")
                }
            case .standardizedCoefficient(let model, let term):
                if let regression = analyses.regressions.first(where: { $0.name == model }) {
                    if !regression.terms.contains(term) {
                        problem("names term '\(Excerpt.excerpt(term))', which is not a predictor of regression '\(Excerpt.excerpt(model))'")
                    }
                } else {
                    problem("names regression '\(Excerpt.excerpt(model))', which the study file does not define (regressions: \(Excerpt.excerptList(analyses.regressions.map(\.name))))")
                }
            case .mean(let variable):
                if codebook.variable(named: variable) == nil && !codebook.scales.contains(where: { $0.name == variable }) {
                    problem("names '\(Excerpt.excerpt(variable))', which is neither a variable nor a scale of the codebook")
                }
            }
        }
        return problems
    }
}

extension AnalysisPlan {
    /// Mistakes within the plan, each at its line: two regressions or two ANOVAs with one name (their
    /// results and files would collide), a regression whose response is among its predictors or
    /// that names a predictor twice.
    func problems() -> [ConfigFileError] {
        var problems: [ConfigFileError] = []
        for (kind, named) in [("regression", regressions.map { ($0.name, $0.location) }), ("ANOVA", anovas.map { ($0.name, $0.location) })] {
            var seen = Set<String>()
            for (name, location) in named where !seen.insert(name).inserted {
                problems.append(error(location, "a second \(kind) named '\(Excerpt.excerpt(name))' (expected unique names; add name: to tell them apart)"))
            }
        }
        for model in regressions {
            if model.terms.contains(model.dependent) {
                problems.append(error(model.location, "regression '\(Excerpt.excerpt(model.name))' has its dependent variable '\(Excerpt.excerpt(model.dependent))' among its predictors (a variable cannot explain itself)"))
            }
            var seen = Set<String>()
            for term in model.terms where !seen.insert(term).inserted {
                problems.append(error(model.location, "regression '\(Excerpt.excerpt(model.name))' names the predictor '\(Excerpt.excerpt(term))' twice (expected each predictor once, in one block)"))
            }
        }
        return problems
    }

    /// Every variable the plan names, checked against `codebook` before any data is read: it must
    /// exist and be what its analysis needs (``VariableReference/Role``), each problem at the line
    /// of the study file that names it.
    public func problems(against codebook: Codebook) -> [ConfigFileError] {
        let scaleNames = Set(codebook.scales.map(\.name))
        return references.compactMap { reference in
            let kind = codebook.variable(named: reference.name)?.kind
            let isScale = scaleNames.contains(reference.name)
            let fits: Bool
            switch (reference.role, kind) {
            case (.scale, _): fits = isScale
            case (.numeric, .likert?), (.numeric, .numeric?): fits = true
            case (.numeric, _): fits = isScale
            case (.tabulated, .likert?), (.tabulated, .categorical?): fits = true
            case (.predictor, .likert?), (.predictor, .numeric?), (.predictor, .categorical?): fits = true
            case (.predictor, _): fits = isScale
            case (.factor, .categorical?): fits = true
            default: fits = false
            }
            guard !fits else { return nil }
            let found = isScale ? "a scale" : kind.map { "\(Self.article($0)) variable" }
            let message = found.map { "'\(Excerpt.excerpt(reference.name))' is \($0) (expected \(reference.role.expected))" }
                ?? "'\(Excerpt.excerpt(reference.name))' is neither a variable nor a scale of the codebook (expected \(reference.role.expected))"
            return error(reference.location, message)
        }
    }

    /// "a likert", "an id", … for messages.
    private static func article(_ kind: Variable.Kind) -> String {
        switch kind {
        case .likert: return "a likert"
        case .numeric: return "a numeric"
        case .categorical: return "a categorical"
        case .id: return "an id"
        case .text: return "a text"
        case .date: return "a date"
        case .duration: return "a duration"
        case .flag: return "a flag"
        }
    }
}

/// An error at `location`; a plan built in code (no location) names the study plan instead.
private func error(_ location: ConfigFileLocation?, _ message: String) -> ConfigFileError {
    ConfigFileError(at: location ?? ConfigFileLocation(file: "study plan", line: nil, column: nil), message: message)
}
