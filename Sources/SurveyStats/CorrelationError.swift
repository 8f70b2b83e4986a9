/// Input that cannot make a correlation matrix.
public enum CorrelationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer than two variables.
    case tooFewVariables(Int)
    /// Variables of different lengths (`lengths` in variable order).
    case unequalLengths(names: [String], lengths: [Int])
    /// A different number of names than variables.
    case nameCount(names: Int, variables: Int)

    public var description: String {
        switch self {
        case let .tooFewVariables(k):
            return "a correlation matrix needs at least 2 variables, got \(k)"
        case let .unequalLengths(names, lengths):
            let pairs = zip(names, lengths).map { "\($0) \($1)" }.joined(separator: ", ")
            return "variables have different numbers of rows (\(pairs)); expected one value per respondent in each"
        case let .nameCount(names, variables):
            return "\(names) names for \(variables) variables (expected one name per variable)"
        }
    }
}
