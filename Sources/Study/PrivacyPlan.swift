import Foundation
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
    /// The columns an attacker could know of a respondent from elsewhere (age group, gender, region…),
    /// each with its study-file location; the report states their k-anonymity (``EquivalenceClasses``).
    public var quasiIdentifiers: [(name: String, location: ConfigFileLocation)]
    /// The k of k-anonymity: the report counts the respondents in equivalence classes smaller than k.
    public var k: Int
    /// A file of names (one a line) that the gate replaces in every quoted text besides those its
    /// detectors find (the interviewees', the respondents' names); `nil`: none.
    public var names: FileReference?

    public static let defaultMinCell = 5
    public static let defaultK = 5
    /// The largest `min_cell` (and `k`) accepted (a bound that catches a mistyped value; statistical offices use 3 to 10).
    public static let maximumMinCell = 1_000

    public init(keep: [(name: String, location: ConfigFileLocation)] = [], minCell: Int = PrivacyPlan.defaultMinCell,
                idKeyEnvironment: (name: String, location: ConfigFileLocation)? = nil,
                quasiIdentifiers: [(name: String, location: ConfigFileLocation)] = [], k: Int = PrivacyPlan.defaultK,
                names: FileReference? = nil) {
        self.keep = keep
        self.minCell = minCell
        self.idKeyEnvironment = idKeyEnvironment
        self.quasiIdentifiers = quasiIdentifiers
        self.k = k
        self.names = names
    }

    init(yaml node: YAMLValue, base: URL) throws {
        try node.checkKeys(["keep", "min_cell", "id_key_env", "quasi_identifiers", "k", "names"])
        func count(_ key: String, default value: Int) throws -> Int {
            guard let countNode = try node.optional(key) else { return value }
            let count = try countNode.int()
            guard (1...Self.maximumMinCell).contains(count) else {
                throw countNode.error("\(count) (expected a whole number from 1 to \(Self.maximumMinCell))")
            }
            return count
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
                  minCell: try count("min_cell", default: Self.defaultMinCell), idKeyEnvironment: environment,
                  quasiIdentifiers: try node.optional("quasi_identifiers")?.namedEntries().map { ($0.name, $0.node.location) } ?? [],
                  k: try count("k", default: Self.defaultK),
                  names: try node.optional("names").map { FileReference(written: try $0.string(), relativeTo: base) })
    }
}

extension PrivacyPlan {
    /// Quasi-identifiers that are not variables of the codebook, are respondent IDs (every class
    /// would be of one) or are named twice.
    func quasiIdentifierProblems(_ codebook: Codebook) -> [(location: ConfigFileLocation, message: String)] {
        var seen = Set<String>()
        return quasiIdentifiers.compactMap { name, location in
            let quoted = "'\(Excerpt.excerpt(name))'"
            guard let variable = codebook.variable(named: name) else {
                return (location, "privacy names the quasi-identifier \(quoted), which is not a variable of the codebook")
            }
            if case .id = variable.kind {
                return (location, "privacy names the quasi-identifier \(quoted), which is a respondent ID (expected a column that describes respondents, e.g. age group or region)")
            }
            guard seen.insert(name).inserted else {
                return (location, "privacy names the quasi-identifier \(quoted) twice (expected each column once)")
            }
            return nil
        }
    }
}
