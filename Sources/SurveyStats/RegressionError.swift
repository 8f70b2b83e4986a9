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
            return "term \(term) has \(actual) values, expected \(expected) (one per case of the response)"
        case let .nonFiniteValue(term, index):
            return "term \(term) has an infinite value at case \(index + 1) (expected a finite number or missing)"
        case let .invalidLevelCode(term, index, code, count):
            return "term \(term) has level code \(code) at case \(index + 1), expected -1 (missing) or 0..<\(count)"
        case let .invalidFactor(term, count, reference):
            return "factor \(term) has \(count) level(s) and reference \(reference); expected at least 2 levels and a reference index below \(count)"
        case let .invalidBlocks(reason):
            return "invalid hierarchical blocks: \(reason)"
        case let .tooFewObservations(n, parameters):
            return "\(n) complete case(s) for \(parameters) parameter(s); a regression needs more cases than parameters"
        case let .constantPredictor(term, value):
            return "predictor \(term) is constant (\(value)) in the estimation sample; it cannot be separated from the intercept"
        case let .emptyLevel(term, level):
            return "level \(level) of factor \(term) has no complete case; its dummy cannot be estimated"
        case let .perfectCollinearity(term, others):
            return others.isEmpty
                ? "term \(term) is perfectly collinear (all zero in the estimation sample)"
                : "term \(term) is a perfect linear combination of \(others.joined(separator: ", "))"
        case let .tallyColumnMismatch(expected, actual):
            return "the row tally has \(actual) column(s), expected \(expected) (the response and one per term)"
        case let .invalidTalliedLevelCode(term, value, count):
            return "term \(term) has tallied value \(value), expected a level code 0..<\(count)"
        case let .numerical(reason):
            return "numerical failure: \(reason)"
        }
    }
}
