import Foundation
import MessageText

/// Why a regression cannot be estimated. Each case names the terms involved.
public enum RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The model has no terms and no intercept.
    case emptyModel
    /// A column has a different number of values than the response.
    case lengthMismatch(term: String, expected: Int, actual: Int)
    /// A value is infinite (missing values are NaN; infinities are an input error).
    case nonFiniteValue(term: String, case: Int)
    /// A categorical code is outside `-1..<levels.count`.
    case invalidLevelCode(term: String, case: Int, code: Int, levelCount: Int)
    /// A factor needs at least two levels and a reference level among them.
    case invalidFactor(term: String, levelCount: Int, reference: Int)
    /// Two terms share a name, or a block names an unknown term, or a term is in no or several blocks.
    case invalidBlocks(String)
    /// The estimation sample has no more cases than parameters (n ≤ p).
    case tooFewObservations(n: Int, parameters: Int)
    /// The response takes one value in the estimation sample: there is nothing to explain.
    case constantResponse(response: String, value: Double)
    /// The response is also one of the predictors.
    case responseAmongPredictors(response: String)
    /// The predictors reproduce the response exactly (R's "essentially perfect fit"): the
    /// coefficients are the exact equation, but standard errors, t, p and F are meaningless.
    /// `terms` and `coefficients` give that equation (design column names, in order).
    case perfectFit(response: String, terms: [String], coefficients: [Double])
    /// A numeric predictor takes one value in the estimation sample (aliased with the intercept).
    case constantPredictor(term: String, value: Double)
    /// A level of a factor has no case in the estimation sample (its dummy is all zero).
    case emptyLevel(term: String, level: String)
    /// A design column is an exact linear combination of others.
    case perfectCollinearity(term: String, dependsOn: [String])
    /// A row tally has a different number of columns than the model (response + one per term).
    case tallyColumnMismatch(expected: Int, actual: Int)
    /// A categorical term's tallied value is not a level code.
    case invalidTalliedLevelCode(term: String, value: Double, levelCount: Int)
    /// The linear algebra library reported a failure.
    case numerical(String)

    public var description: String {
        switch self {
        case .emptyModel:
            return "the model has no predictors and no intercept"
        case let .lengthMismatch(term, expected, actual):
            return "term \(Excerpt.excerpt(term)) has \(actual) values, expected \(expected) (one per case of the response)"
        case let .nonFiniteValue(term, index):
            return "term \(Excerpt.excerpt(term)) has an infinite value at case \(index + 1) (expected a finite number or missing)"
        case let .invalidLevelCode(term, index, code, count):
            return "term \(Excerpt.excerpt(term)) has level code \(code) at case \(index + 1), expected -1 (missing) or 0..<\(count)"
        case let .invalidFactor(term, count, reference):
            return "factor \(Excerpt.excerpt(term)) has \(count) level(s) and reference \(reference); expected at least 2 levels and a reference index below \(count)"
        case let .invalidBlocks(reason):
            return "invalid hierarchical blocks: \(reason)"
        case let .tooFewObservations(n, parameters):
            return "\(n) complete case(s) for \(parameters) parameter(s); a regression needs more cases than parameters"
        case let .constantResponse(response, value):
            return "the response \(Excerpt.excerpt(response)) is constant (\(value)) in the estimation sample; there is no variation to explain"
        case let .responseAmongPredictors(response):
            return "the response \(Excerpt.excerpt(response)) is also a predictor; a variable cannot explain itself"
        case let .perfectFit(response, terms, coefficients):
            // Rounding noise (below 1e-10 of the largest coefficient) shown as the 0 it stands for.
            let scale = coefficients.map(abs).max() ?? 0
            let shown = zip(terms, coefficients).prefix(Self.equationTermsShown).map { term, coefficient in
                let value = abs(coefficient) <= 1e-10 * scale ? "0" : coefficient.formatted6
                return term == LinearModel.interceptName ? value : "\(value) × \(Excerpt.excerpt(term))"
            }
            let more = terms.count > Self.equationTermsShown ? " + …" : ""
            return "the predictors reproduce the response \(Excerpt.excerpt(response)) exactly (residual sum of squares 0 relative to the fitted values: "
                + "\(Excerpt.excerpt(response)) = \(shown.joined(separator: " + "))\(more)); standard errors, t, p and F are undefined — "
                + "is the response computed from its predictors (e.g. a sum score among its items)?"
        case let .constantPredictor(term, value):
            return "predictor \(Excerpt.excerpt(term)) is constant (\(value)) in the estimation sample; it cannot be separated from the intercept"
        case let .emptyLevel(term, level):
            return "level \(Excerpt.excerpt(level)) of factor \(Excerpt.excerpt(term)) has no complete case; its dummy cannot be estimated"
        case let .perfectCollinearity(term, others):
            return others.isEmpty
                ? "term \(Excerpt.excerpt(term)) is perfectly collinear (all zero in the estimation sample)"
                : "term \(Excerpt.excerpt(term)) is a perfect linear combination of \(Excerpt.excerptList(others))"
        case let .tallyColumnMismatch(expected, actual):
            return "the row tally has \(actual) column(s), expected \(expected) (the response and one per term)"
        case let .invalidTalliedLevelCode(term, value, count):
            return "term \(Excerpt.excerpt(term)) has tallied value \(value), expected a level code 0..<\(count)"
        case let .numerical(reason):
            return "numerical failure: \(reason)"
        }
    }

    /// How many terms of an exact equation ``perfectFit(response:terms:coefficients:)`` shows.
    static let equationTermsShown = 8
}

private extension Double {
    /// Six significant digits, e.g. `1`, `0.333333`, `1.5e-08`.
    var formatted6: String { String(format: "%.6g", self) }
}
