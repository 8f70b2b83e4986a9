import Study

/// A study result that has passed the ``PrivacyGate``, with what the gate did: the only study
/// result Reporting renders (only the gate makes one). results.json holds the result's keys and `privacy`.
public struct GatedStudyResult: Sendable, Encodable {
    public let result: StudyResult
    public let privacy: PrivacyReport

    init(result: StudyResult, privacy: PrivacyReport) {
        self.result = result
        self.privacy = privacy
    }

    private enum CodingKeys: String, CodingKey { case privacy }

    public func encode(to encoder: Encoder) throws {
        try result.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(privacy, forKey: .privacy)
    }
}
