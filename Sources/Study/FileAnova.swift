import Foundation
import SurveyData
import SurveyStats

/// `paradox anova FILE --dv Y --factor G`: a one-way ANOVA of a data file without a study file.
public enum FileAnova {
    /// The ANOVA of `dependent` across the levels of `factor` (a categorical column, or a numeric
    /// one whose distinct values are the groups, ascending), through the engine (``InferredWave``),
    /// or by ``plain(_:delimiter:dependent:factor:)`` when the file's first rows cannot speak for the
    /// rest; both give the same result (tested).
    public static func run(_ url: URL, delimiter: UInt8?, dependent: String, factor: String) throws -> AnovaResult {
        try routed(url, delimiter: delimiter, dependent: dependent, factor: factor).result
    }

    /// ``run(_:delimiter:dependent:factor:)`` and the path that gave its result.
    static func routed(_ url: URL, delimiter: UInt8?, dependent: String, factor: String) throws -> (result: AnovaResult, route: InferredWave.Route) {
        let engine = InferredWave.analyse(url, delimiter: delimiter) { sample, codebook in
            guard let response = codebook.variable(named: dependent), response.likertScale != nil || response.kind == .numeric,
                  dependent != factor else { throw InferredWave.SampleDoesNotFit() }
            codebook.makeCategorical(factor, levels: try sample.factor(factor).levels)
            codebook.reading(only: [dependent, factor])
            return AnalysisPlan(only: AnovaSettings(anovas: [AnovaPlan(name: "anova", dependent: dependent, factor: factor)]))
        }
        guard let anova = engine?.result.anovas.first?.result else {
            return (try plain(url, delimiter: delimiter, dependent: dependent, factor: factor), .plain)
        }
        return (anova, .engine)
    }

    /// The plain path, oracle of the engine's: the whole file read by `Dataset.infer`, the groups
    /// from `Dataset.factor`, the response exact decimals when its values share leading digits.
    public static func plain(_ url: URL, delimiter: UInt8?, dependent: String, factor: String) throws -> AnovaResult {
        let dataset = try Dataset.infer(contentsOf: url, delimiter: delimiter)
        let groups = try dataset.factor(factor)
        let centered = try dataset.requireColumn(dependent).centered
        return try OneWayANOVA.run(values: try centered?.deviations ?? dataset.numericValues(dependent), groups: groups.intCodes,
                                   levels: groups.levels.map(\.value), factor: factor, offset: centered?.offset ?? 0)
    }
}
