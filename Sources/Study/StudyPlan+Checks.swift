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
                planError($0.location, "privacy keeps '\(Excerpt.excerpt($0.name))', which is not a variable of the codebook")
            }
            + privacy.quasiIdentifierProblems(codebook).map { planError($0.location, $0.message) }
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
            func problem(_ message: String) { problems.append(planError(target.location, "replication \(Excerpt.excerpt(target.id)): \(message)")) }
            if !ids.insert(target.id).inserted { problem("the id is used twice (expected unique ids)") }
            switch target.check {
            case .sampleSize(let anova), .anovaF(let anova), .meansDecreasing(let anova):
                if !analyses[AnovaSettings.self].anovas.contains(where: { $0.name == anova }) {
                    problem("names ANOVA '\(Excerpt.excerpt(anova))', which the study file does not define (ANOVAs: \(Excerpt.excerptList(analyses[AnovaSettings.self].anovas.map(\.name))))")
                }
            case .standardizedCoefficient(let model, let term):
                if let regression = analyses[RegressionSettings.self].models.first(where: { $0.name == model }) {
                    if !regression.terms.contains(term) {
                        problem("names term '\(Excerpt.excerpt(term))', which is not a predictor of regression '\(Excerpt.excerpt(model))'")
                    }
                } else {
                    problem("names regression '\(Excerpt.excerpt(model))', which the study file does not define (regressions: \(Excerpt.excerptList(analyses[RegressionSettings.self].models.map(\.name))))")
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
            return planError(reference.location, message)
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
