import SurveyData

/// The study file's `privacy:` block: what the Privacy gate may let through (format:
/// `Codebooks/README.md`, "Privacy"). The defaults protect: nothing kept, cells below 5 suppressed.
public struct PrivacyPlan: Sendable {
    /// Columns kept in the outputs although they are (or look like) personal data, each with the
    /// study-file location that keeps it (the report warns about each).
    public var keep: [(name: String, location: ConfigFileLocation)]
    /// The smallest count a frequency or group table shows; smaller positive counts print as "< min_cell".
    public var minCell: Int

    public static let defaultMinCell = 5
    /// The largest `min_cell` accepted (a bound that catches a mistyped value; statistical offices use 3 to 10).
    public static let maximumMinCell = 1_000

    public init(keep: [(name: String, location: ConfigFileLocation)] = [], minCell: Int = PrivacyPlan.defaultMinCell) {
        self.keep = keep
        self.minCell = minCell
    }

    init(yaml node: YAMLValue) throws {
        try node.checkKeys(["keep", "min_cell"])
        var minCell = Self.defaultMinCell
        if let minNode = try node.optional("min_cell") {
            minCell = try minNode.int()
            guard (1...Self.maximumMinCell).contains(minCell) else {
                throw minNode.error("\(minCell) (expected a whole number from 1 to \(Self.maximumMinCell))")
            }
        }
        self.init(keep: try node.optional("keep")?.namedEntries().map { ($0.name, $0.node.location) } ?? [],
                  minCell: minCell)
    }
}
