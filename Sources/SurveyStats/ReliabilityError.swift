import MessageText

/// Input that cannot make a reliability analysis.
public enum ReliabilityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer than two items.
    case tooFewItems(Int)
    /// Items of different lengths (`lengths` in item order).
    case unequalLengths(names: [String], lengths: [Int])
    /// A different number of names than items.
    case nameCount(names: Int, items: Int)
    /// A confidence level outside (0, 1).
    case confidenceLevel(Double)
    /// Reverse-keying bounds that are not finite with min < max.
    case invalidScale(min: Double, max: Double)
    /// A reverse-keyed item's value outside its scale's [min, max].
    case outsideScale(item: String, value: Double, min: Double, max: Double)

    public var description: String {
        switch self {
        case let .tooFewItems(k):
            return "reliability needs at least 2 items, got \(k)"
        case let .unequalLengths(names, lengths):
            let pairs = Excerpt.excerptList(zip(names, lengths).map { "\($0) \($1)" })
            return "items have different numbers of rows (\(pairs)); expected one value per respondent in each"
        case let .nameCount(names, items):
            return "\(names) names for \(items) items (expected one name per item)"
        case let .confidenceLevel(level):
            return "confidence level \(level) is not between 0 and 1 (expected e.g. 0.95)"
        case let .invalidScale(min, max):
            return "scale from \(min) to \(max) (expected finite bounds with the lowest point below the highest, e.g. 1 to 5)"
        case let .outsideScale(item, value, min, max):
            return "item \(Excerpt.excerpt(item)) has the value \(value), outside its scale from \(min) to \(max) (expected a scale point to reverse)"
        }
    }
}
