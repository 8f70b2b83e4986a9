import SurveyData
import SurveyStats

/// Runs an analysis plan on one wave: every statistic from the wave's ``WaveSummary``, so that a
/// wave read in one pass and a wave merged from the summaries of its parts give the same results.
public enum WaveAnalysis {
    /// The statistics of the plan from the summary of a wave made for that plan and codebook.
    /// - Throws: ``StudyError`` when an analysis cannot be computed (e.g. a regression whose
    ///   predictors are collinear), or when the summary does not fit the plan.
    public static func run(_ plan: AnalysisPlan, summary: WaveSummary, codebook: Codebook, file: String) throws -> WaveResult {
        var labels: [String: String] = [:]
        func labelled(_ name: String) -> String {
            labels[name] = codebook.label(name)
            return name
        }
        let descriptives = summary.tallies.map { Descriptives.describe($0.summary, name: labelled($0.name)) }
        let frequencies = try (plan.frequencies ?? codebook.tabulableNames).map { name in
            guard let variable = codebook.variable(named: name), let column = summary.column(name), let counts = column.levels else {
                throw StudyError.notTabulable(name)
            }
            return try DataColumn.frequencyTable(name: labelled(name), kind: variable.kind, counts: counts,
                                                 missing: column.missing(codes: variable.missingCodes))
        }
        let reliability = try summary.reliability.map { named in
            let scale = try codebook.requireScale(labelled(named.name))
            scale.items.forEach { _ = labelled($0) }
            return NamedReliability(scale: named.name, result: try Reliability.cronbachAlpha(named.summary, names: scale.items))
        }
        // ω beside α; a scale the one-factor model cannot fit (e.g. 2 items) keeps its α and says why it has no ω.
        let omega = try summary.reliability.map { named in
            let items = try codebook.requireScale(named.name).items
            do {
                return NamedOmega(scale: named.name, result: try Omega.oneFactor(named.summary, names: items), problem: nil)
            } catch {
                return NamedOmega(scale: named.name, result: nil, problem: "\(error)")
            }
        }
        let correlationNames = (plan.correlations ?? codebook.scales.map(\.name)).map(labelled)
        let correlation: CorrelationResult?
        switch summary.correlation {
        case .listwise(let coMoments)?: correlation = try Correlation.pearson(coMoments, names: correlationNames)
        case .pairwise(let coMoments)?: correlation = try Correlation.pearson(coMoments, names: correlationNames)
        case nil: correlation = nil
        }
        // A regression on a large tally passes over its rows on all cores (`Regression.fit`), so the
        // models are fitted one after the other (a nested concurrent loop would run on one core);
        // the ANOVAs (the studentized range makes those the slow part) run side by side.
        for model in plan.regressions { ([model.dependent] + model.terms).forEach { _ = labelled($0) } }
        for anova in plan.anovas { [anova.dependent, anova.factor].forEach { _ = labelled($0) } }
        let regressions = try zip(plan.regressions, summary.regressions).map { model, tally in
            let linearModel = LinearModel(
                responseName: model.dependent, response: [],
                terms: model.terms.map { term($0, codebook: codebook) }, intercept: model.intercept,
                blocks: model.blocks.count > 1 ? model.blocks.map(\.terms) : [], hc3: model.robust)
            do {
                return NamedRegression(name: model.name, title: model.title, result: try Regression.fit(linearModel, tally: tally.summary))
            } catch {
                throw StudyError.analysisFailed(analysis: "\(model.location.map { "\($0): " } ?? "")regression '\(model.name)'", reason: "\(error)")
            }
        }
        let anovas = try Array(zip(plan.anovas, summary.anovas)).concurrentMap { anova, groups in
            guard case .categorical(let levels, _)? = codebook.variable(named: anova.factor)?.kind else {
                throw StudyError.notCategorical(anova.factor)
            }
            do {
                let result = try OneWayANOVA.run(tallies: groups.summary.levels, levels: levels.map(\.label),
                                                 factor: codebook.label(anova.factor),
                                                 casesWithoutLevel: groups.summary.casesWithoutLevel)
                return NamedAnova(name: anova.name, dependent: anova.dependent, factor: anova.factor, result: result)
            } catch {
                throw StudyError.analysisFailed(analysis: "\(anova.location.map { "\($0): " } ?? "")ANOVA '\(anova.name)'", reason: "\(error)")
            }
        }
        return WaveResult(file: file, dataQuality: DataQuality(summary: summary, codebook: codebook), labels: labels,
                          descriptives: descriptives, frequencies: frequencies, reliability: reliability, omega: omega,
                          correlation: correlation, regressions: regressions, anovas: anovas)
    }

    /// A regression term without values (they come from the tally): categorical columns as
    /// dummies, scales and other variables as numbers.
    private static func term(_ name: String, codebook: Codebook) -> LinearModel.Term {
        if !codebook.scales.contains(where: { $0.name == name }),
           case .categorical(let levels, let reference)? = codebook.variable(named: name)?.kind {
            return .categorical(name: name, codes: [], levels: levels.map(\.label), reference: reference)
        }
        return .numeric(name: name, values: [])
    }
}

extension WaveSummary {
    func column(_ name: String) -> ColumnCounts? { columns.first { $0.name == name } }
}

extension WaveSummary.ColumnCounts {
    /// The missing cells with the codebook's user-missing codes.
    func missing(codes: [MissingCode]) -> MissingSummary {
        MissingSummary(blank: blank, userMissing: zip(codes, userMissing).map { MissingSummary.UserMissingCount(code: $0, count: $1) })
    }
}
