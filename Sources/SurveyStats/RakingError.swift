import MessageText

/// Why weights cannot be raked to the margins given.
public enum RakingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A level has a positive target but no row (or only rows of weight 0): no weight can reach it.
    case emptyCell(margin: String, level: String, target: Double)
    /// A level with rows has target 0, which would give them weight 0.
    case zeroTarget(margin: String, level: String, rows: Int)
    /// No rows, or a base weight that is negative or not finite.
    case invalidBaseWeights(String)

    public var description: String {
        switch self {
        case let .emptyCell(margin, level, target):
            return "margin \(quoted(margin)) level \(quoted(level)) has target \(target) but no row with a positive weight (expected a level present in the data, or merge it with a neighbour)"
        case let .zeroTarget(margin, level, rows):
            return "margin \(quoted(margin)) level \(quoted(level)) has target 0 but \(rows) rows (expected a positive target, or drop those rows first)"
        case let .invalidBaseWeights(reason):
            return reason
        }
    }

    private func quoted(_ text: String) -> String { "'" + Excerpt.excerpt(text) + "'" }
}
