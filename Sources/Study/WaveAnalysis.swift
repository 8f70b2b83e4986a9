import SurveyData
import SurveyStats

/// Runs an analysis plan on one loaded wave.
enum WaveAnalysis {
    static func run(_ plan: AnalysisPlan, dataset: Dataset, codebook: Codebook, file: String) throws -> WaveResult {
        let variables = try WaveVariables(dataset: dataset, codebook: codebook)
        var labels: [String: String] = [:]
        func labelled(_ name: String) -> String {
            labels[name] = variables.label(name)
            return name
        }

        let descriptives = try (plan.descriptives ?? variables.describableNames).map { name in
            try variables.describe(labelled(name))
        }
        let frequencies = try (plan.frequencies ?? variables.tabulableNames).map { name in
            try dataset.requireColumn(labelled(name)).frequencyTable()
        }
        let reliability = try (plan.reliability ?? codebook.scales.map(\.name)).map { name in
            guard let scale = codebook.scales.first(where: { $0.name == name }) else {
                throw StudyError.unknownScale(name, available: codebook.scales.map(\.name))
            }
            _ = labelled(name)
            scale.items.forEach { _ = labelled($0) }
            return NamedReliability(scale: name, result: try Reliability.cronbachAlpha(dataset.keyedItemValues(scale.items), names: scale.items))
        }
        let correlationNames = plan.correlations ?? codebook.scales.map(\.name)
        let correlation = correlationNames.count >= 2
            ? try Correlation.pearson(correlationNames.map { try variables.numeric(labelled($0)) }, names: correlationNames,
                                      deletion: plan.pairwiseCorrelations ? .pairwise : .listwise)
            : nil
        let regressions = try plan.regressions.map { model in
            let linearModel = LinearModel(
                responseName: labelled(model.dependent), response: try variables.numeric(model.dependent),
                terms: try model.terms.map { try variables.term(labelled($0)) }, intercept: model.intercept,
                blocks: model.blocks.count > 1 ? model.blocks.map(\.terms) : [], hc3: model.robust)
            do {
                return NamedRegression(name: model.name, title: model.title, result: try Regression.fit(linearModel))
            } catch {
                throw StudyError.analysisFailed(analysis: "regression '\(model.name)'", reason: "\(error)")
            }
        }
        let anovas = try plan.anovas.map { anova in
            guard let factor = try variables.categorical(labelled(anova.factor)) else {
                throw StudyError.notCategorical(anova.factor)
            }
            do {
                let result = try OneWayANOVA.run(values: try variables.numeric(labelled(anova.dependent)),
                                                 groups: factor.intCodes, levels: factor.levels.map(\.label),
                                                 factor: variables.label(anova.factor))
                return NamedAnova(name: anova.name, dependent: anova.dependent, factor: anova.factor, result: result)
            } catch {
                throw StudyError.analysisFailed(analysis: "ANOVA '\(anova.name)'", reason: "\(error)")
            }
        }
        return WaveResult(file: file, dataQuality: DataQuality(dataset: dataset), labels: labels,
                          descriptives: descriptives, frequencies: frequencies, reliability: reliability,
                          correlation: correlation, regressions: regressions, anovas: anovas)
    }
}
