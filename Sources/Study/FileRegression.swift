import Foundation
import SurveyData
import SurveyStats

/// `paradox regress FILE --dv Y --iv A,B`: an OLS regression of a data file without a study file.
public enum FileRegression {
    /// What to fit: every predictor is numeric unless it is in `categorical` or has a reference
    /// level in `references` (level value or label).
    public struct Model: Sendable {
        public var dependent: String
        public var predictors: [String]
        public var categorical: Set<String>
        public var references: [String: String]
        public var intercept: Bool
        public var robust: Bool

        public init(dependent: String, predictors: [String], categorical: Set<String> = [], references: [String: String] = [:],
                    intercept: Bool = true, robust: Bool = false) {
            self.dependent = dependent
            self.predictors = predictors
            self.categorical = categorical
            self.references = references
            self.intercept = intercept
            self.robust = robust
        }

        func isFactor(_ name: String) -> Bool { categorical.contains(name) || references[name] != nil }

        /// The index of the factor's reference level: the one `references` names, or the first.
        func reference(of name: String, levels: [Level]) throws -> Int {
            guard let wanted = references[name] else { return 0 }
            guard let index = levels.firstIndex(where: { $0.value == wanted || $0.label == wanted }) else {
                throw FileAnalysisError.noSuchReferenceLevel(variable: name, level: wanted, levels: levels.map(\.value))
            }
            return index
        }
    }

    /// The fit through the engine (``InferredWave``: the rows tallied as they stream, the model
    /// fitted from the tally), or by ``plain(_:delimiter:model:)`` when the file's first rows cannot
    /// speak for the rest; both give the same result (tested).
    public static func run(_ url: URL, delimiter: UInt8?, model: Model) throws -> RegressionResult {
        try routed(url, delimiter: delimiter, model: model).result
    }

    /// ``run(_:delimiter:model:)`` and the path that gave its result.
    static func routed(_ url: URL, delimiter: UInt8?, model: Model) throws -> (result: RegressionResult, route: InferredWave.Route) {
        let engine = InferredWave.analyse(url, delimiter: delimiter) { sample, codebook in
            for name in [model.dependent] + model.predictors where !model.isFactor(name) {
                guard let variable = codebook.variable(named: name), variable.likertScale != nil || variable.kind == .numeric else {
                    throw InferredWave.SampleDoesNotFit()
                }
            }
            for name in model.predictors where model.isFactor(name) {
                let levels = try sample.factor(name).levels
                codebook.makeCategorical(name, levels: levels, reference: try model.reference(of: name, levels: levels))
            }
            codebook.reading(only: Set([model.dependent] + model.predictors))
            let plan = RegressionPlan(name: "regression", title: "Regression of \(model.dependent)", dependent: model.dependent,
                                      blocks: [.init(name: "", terms: model.predictors)], intercept: model.intercept, robust: model.robust)
            return AnalysisPlan(only: RegressionSettings(models: [plan]))
        }
        guard let fit = engine?.result.regressions.first?.result else {
            return (try plain(url, delimiter: delimiter, model: model), .plain)
        }
        return (fit, .engine)
    }

    /// The plain path, oracle of the engine's: the whole file read by `Dataset.infer`, the design
    /// matrix of every case solved by `Regression.fit` (pivoted QR).
    public static func plain(_ url: URL, delimiter: UInt8?, model: Model) throws -> RegressionResult {
        let dataset = try Dataset.infer(contentsOf: url, delimiter: delimiter)
        let terms = try model.predictors.map { name -> LinearModel.Term in
            guard model.isFactor(name) else {
                return .numeric(name: name, values: try dataset.numericValues(name, hint: "name it in --categorical if it is a factor"))
            }
            let factor = try dataset.factor(name)
            return .categorical(name: name, codes: factor.intCodes, levels: factor.levels.map(\.value),
                                reference: try model.reference(of: name, levels: factor.levels))
        }
        return try Regression.fit(LinearModel(responseName: model.dependent, response: try dataset.numericValues(model.dependent),
                                              terms: terms, intercept: model.intercept, hc3: model.robust))
    }
}
