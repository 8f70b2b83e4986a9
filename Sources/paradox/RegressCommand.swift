import ArgumentParser
import Foundation
import Reporting
import Study
import SurveyData
import SurveyStats

/// `paradox regress FILE --dv Y --iv A,B,C [--categorical G] [--reference G=level] [--no-intercept] [--robust hc3]`.
struct Regress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "OLS regression, without a study file.",
        discussion: """
        Solved by pivoted Householder QR; listwise deletion. Every predictor is numeric unless named in
        --categorical: a text cell in it is an error naming its line. Categorical predictors enter as
        treatment dummies G[level] against the reference level (the first, or --reference G=level). JSON in broom's vocabulary: coefficients (term, estimate, std_error,
        statistic, p_value, conf_low, conf_high, std_estimate, vif), model (nobs, r_squared,
        adj_r_squared, sigma, statistic, p_value, df, df_residual) and anova (Regression, Residual).
        """)

    @OptionGroup var data: DataFileOptions

    @Option(help: "The dependent variable (a numeric column).")
    var dv: String

    @Option(help: "Comma-separated predictors.", transform: commaList)
    var iv: [String]

    @Option(help: "Comma-separated predictors to treat as categorical even if coded as numbers.", transform: commaList)
    var categorical: [String] = []

    @Option(help: "Reference level of a categorical predictor, as G=level (repeatable).")
    var reference: [String] = []

    @Flag(help: "Fit the model without an intercept (R² is then uncentered, as R reports it).")
    var noIntercept = false

    @Option(help: "Heteroscedasticity-consistent standard errors: hc3.")
    var robust: Robust?

    enum Robust: String, ExpressibleByArgument { case hc3 }

    func validate() throws {
        guard !iv.isEmpty else { throw ValidationError("--iv needs at least one predictor") }
        for entry in reference where !entry.contains("=") {
            throw ValidationError("--reference '\(entry)' is not of the form G=level")
        }
    }

    func run() throws {
        try failing {
            let references = Dictionary(reference.map { entry -> (String, String) in
                let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
                return (parts[0], parts.count > 1 ? parts[1] : "")
            }, uniquingKeysWith: { $1 })
            let predictors = iv + categorical.filter { !iv.contains($0) }
            if let stray = references.keys.sorted().first(where: { !predictors.contains($0) }) {
                throw ValidationError("--reference names '\(stray)', which is not a predictor")
            }
            let model = FileRegression.Model(dependent: dv, predictors: predictors, categorical: Set(categorical), references: references,
                                             intercept: !noIntercept, robust: robust == .hc3)
            let result = try FileRegression.run(URL(fileURLWithPath: data.file), delimiter: data.delimiter?.byte, model: model)
            print(try render([.regression(result, id: "regression", title: "Regression of \(dv)")], json: result, format: data.format), terminator: "")
        }
    }
}
