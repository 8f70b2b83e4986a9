/// Input that cannot give polychoric correlations.
public enum PolychoricError: Error, Equatable, Sendable, CustomStringConvertible {
    /// More distinct values than an ordinal item has.
    case tooManyCategories(item: String, count: Int)
    /// Every complete case gave the same answer: the item has no threshold and no correlation.
    case constantItem(String)
    /// No complete cases.
    case noCases

    public var description: String {
        switch self {
        case let .tooManyCategories(item, count):
            return "\(item) has \(count) distinct values; polychoric correlations expect ordinal items of at most \(Polychoric.maxCategories) categories"
        case let .constantItem(item):
            return "\(item) has the same answer in every complete case; polychoric correlations need at least two categories used"
        case .noCases:
            return "no complete cases; polychoric correlations need rows where every item is answered"
        }
    }
}
