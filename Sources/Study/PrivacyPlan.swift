import MessageText
import SurveyData

/// The study file's `privacy:` block: what the Privacy gate may let through (format:
/// `Codebooks/README.md`, "Privacy"). The defaults protect: nothing kept, cells below 5 suppressed.
public struct PrivacyPlan: Sendable, Equatable {
    /// Columns kept in the outputs although they are (or look like) personal data, each with the
    /// study-file location that keeps it (the report warns about each).
    public var keep: [(name: String, location: ConfigFileLocation)]
    /// The smallest count a frequency or group table shows; smaller positive counts print as "< min_cell".
    public var minCell: Int
    /// The environment variable holding the key of the pseudonymous IDs (HMAC-SHA256), if the study names one.
    public var idKeyEnvironment: String?

    public static let defaultMinCell = 5
    /// The largest `min_cell` accepted (a larger one would hide every table of any survey).
    public static let maximumMinCell = 1_000

    public init(keep: [(name: String, location: ConfigFileLocation)] = [], minCell: Int = PrivacyPlan.defaultMinCell,
                idKeyEnvironment: String? = nil) {
        self.keep = keep
        self.minCell = minCell
        self.idKeyEnvironment = idKeyEnvironment
    }

    public static func == (a: PrivacyPlan, b: PrivacyPlan) -> Bool {
        a.keep.map(\.name) == b.keep.map(\.name) && a.minCell == b.minCell && a.idKeyEnvironment == b.idKeyEnvironment
    }

    init(yaml node: YAMLValue) throws {
        try node.checkKeys(["keep", "min_cell", "id_key_env"])
        var minCell = Self.defaultMinCell
        if let minNode = try node.optional("min_cell") {
            minCell = try minNode.int()
            guard (1...Self.maximumMinCell).contains(minCell) else {
                throw minNode.error("\(minCell) (expected a whole number from 1 to \(Self.maximumMinCell))")
            }
        }
        var environment: String?
        if let envNode = try node.optional("id_key_env") {
            let name = try envNode.string()
            guard !name.isEmpty, name.utf8.allSatisfy({ $0 == UInt8(ascii: "_") || (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw envNode.error("'\(Excerpt.excerpt(name))' (expected the name of an environment variable: letters, digits and _)")
            }
            environment = name
        }
        self.init(keep: try node.optional("keep")?.namedEntries().map { ($0.name, $0.node.location) } ?? [],
                  minCell: minCell, idKeyEnvironment: environment)
    }
}
