/// Who was received, who each screening rule excluded and who was analysed, for one wave: the
/// participant flow a report opens its data section with (in the manner of a CONSORT diagram).
public struct ParticipantFlow: Sendable, Equatable, Encodable {
    /// The wave's file, as the study file names it.
    public var file: String
    public var received: Int
    /// The rules applied, in order, each with the respondents it excluded (of those still in).
    public var steps: [Step]
    /// Where the excluded rows were written (inside the output folder), if asked for.
    public var excludedOut: String?
    /// The audit file's bytes (``ScreenedRows``) when ``excludedOut`` is set; not in results.json.
    public var excludedCSV: [UInt8]?

    public var analysed: Int { received - steps.reduce(0) { $0 + $1.excluded } }

    public struct Step: Sendable, Equatable, Codable {
        public var rule: Rule
        /// What the rule checked, in words (e.g. "duration below 1/3 of the median, 212 s").
        public var criterion: String
        public var excluded: Int
    }

    public enum Rule: String, Sendable, Equatable, Codable {
        case preview, unfinished, duplicate, speeder, straightliner, attention

        /// The rule's name as a report's reader knows it.
        public var title: String {
            switch self {
            case .preview: return "Preview or test response"
            case .unfinished: return "Did not finish"
            case .duplicate: return "Duplicate"
            case .speeder: return "Speeder"
            case .straightliner: return "Straightliner"
            case .attention: return "Failed attention check"
            }
        }
    }

    enum CodingKeys: String, CodingKey { case file, received, steps, analysed, excludedOut = "excluded_out" }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(received, forKey: .received)
        try container.encode(steps, forKey: .steps)
        try container.encode(analysed, forKey: .analysed)
        try container.encodeIfPresent(excludedOut, forKey: .excludedOut)
    }
}
