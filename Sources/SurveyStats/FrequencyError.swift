/// Input that cannot make a frequency table.
public enum FrequencyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A value that is neither a declared level nor a user-missing code (`row` zero-based).
    case undeclaredValue(variable: String, value: Double, row: Int)
    /// The number of counts differs from the number of levels.
    case countMismatch(variable: String, levels: Int, counts: Int)
    case negativeCount(variable: String, count: Int)

    public var description: String {
        switch self {
        case let .undeclaredValue(variable, value, row):
            return "\(variable), row \(row + 1): value \(value) is not a declared level or missing code"
        case let .countMismatch(variable, levels, counts):
            return "\(variable): \(counts) counts for \(levels) levels (expected one count per level)"
        case let .negativeCount(variable, count):
            return "\(variable): count \(count) is negative (expected a count of rows)"
        }
    }
}
