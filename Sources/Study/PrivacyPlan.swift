import MessageText
import SurveyData

/// The study file's `privacy:` block: what the Privacy gate may let through (format:
/// `Codebooks/README.md`, "Privacy"). The defaults protect: nothing kept, cells below 5 suppressed.
public struct PrivacyPlan: Sendable {
    /// Columns kept in the outputs although they are (or look like) personal data, each with the
    /// study-file location that keeps it (the report warns about each).
    public var keep: [(name: String, location: ConfigFileLocation)]
    /// The smallest count a frequency or group table shows; smaller positive counts print as "< min_cell".
    public var minCell: Int
    /// The environment variable holding the key of the interviewees' pseudonymous IDs
    /// (HMAC-SHA256), with its study-file location; `nil`: IDs as the transcripts write them.
    public var idKeyEnvironment: (name: String, location: ConfigFileLocation)?

    public static let defaultMinCell = 5
    /// The largest `min_cell` accepted (a bound that catches a mistyped value; statistical offices use 3 to 10).
    public static let maximumMinCell = 1_000

    public init(keep: [(name: String, location: ConfigFileLocation)] = [], minCell: Int = PrivacyPlan.defaultMinCell,
                idKeyEnvironment: (name: String, location: ConfigFileLocation)? = nil) {
        self.keep = keep
        self.minCell = minCell
        self.idKeyEnvironment = idKeyEnvironment
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
        var environment: (name: String, location: ConfigFileLocation)?
        if let envNode = try node.optional("id_key_env") {
            let name = try envNode.string()
            let allowed = { (byte: UInt8) in byte == UInt8(ascii: "_") || (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
            guard !name.isEmpty, name.utf8.allSatisfy(allowed) else {
                throw envNode.error("'\(Excerpt.excerpt(name))' (expected the name of an environment variable: letters, digits and _)")
            }
            environment = (name, envNode.location)
        }
        self.init(keep: try node.optional("keep")?.namedEntries().map { ($0.name, $0.node.location) } ?? [],
                  minCell: minCell, idKeyEnvironment: environment)
    }
}
