/// Something a reader of a reliability analysis (α or ω) should be told, as a typed value with its message.
public struct ReliabilityWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// The item correlates negatively with the sum of the other items: probably not reverse-keyed.
        case negativeItemRest = "negative_item_rest_correlation"
        /// The item has the same answer in every complete case: its correlations are undefined.
        case constantItem = "constant_item"
        /// Fewer than two complete cases: nothing can be estimated.
        case tooFewCases = "too_few_cases"
        /// A negative residual variance in the one-factor model (an improper solution).
        case heywoodCase = "heywood_case"
        /// Three items: the one-factor model reproduces their covariances exactly (df = 0), so its fit cannot be tested.
        case justIdentified = "just_identified"
        /// A factor correlation beyond ±1 in a factor model (an improper solution).
        case factorCorrelationBeyondOne = "factor_correlation_beyond_one"
    }

    public var kind: Kind
    /// The item concerned, if any.
    public var item: String?
    /// The message as shown under the table.
    public var message: String

    private enum CodingKeys: String, CodingKey { case kind, item, message }

    public init(kind: Kind, item: String?, message: String) {
        self.kind = kind
        self.item = item
        self.message = message
    }

    public var description: String { message }
}
