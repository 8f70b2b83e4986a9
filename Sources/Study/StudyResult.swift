import SurveyData

/// Everything a study run produces, as plain values: one result per wave, the replication checks.
public struct StudyResult: Sendable, Encodable {
    public var title: String
    public var runDate: String?
    public var notices: [String]
    public var codebook: String
    /// The codebook the run used (not in results.json): the privacy gate reads its `pii` types
    /// from it rather than reading or importing the codebook again.
    public var codebookUsed: Codebook
    public var waves: [WaveResult]
    public var replication: [ReplicationCheckResult]
    public var interviews: InterviewResult?
    /// Per screened wave, who was excluded by which rule; `nil` when the study screens no one.
    public var screening: [ParticipantFlow]?
    /// Per wave and open-ended question, its coded answers (empty when the study codes none).
    public var openEnded: [OpenEndedResult] = []
    /// Which parts of the report to write, in which order (not in results.json, which keeps every result).
    public var report = ReportPlan()

    enum CodingKeys: String, CodingKey {
        case title, notices, codebook, waves, replication, interviews, screening
        case openEnded = "open_ended"
        case runDate = "run_date"
    }

    /// `open_ended` only when the study codes open-ended answers (results.json of other studies unchanged).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(runDate, forKey: .runDate)
        try c.encode(notices, forKey: .notices)
        try c.encode(codebook, forKey: .codebook)
        try c.encode(waves, forKey: .waves)
        try c.encode(replication, forKey: .replication)
        try c.encodeIfPresent(interviews, forKey: .interviews)
        try c.encodeIfPresent(screening, forKey: .screening)
        if !openEnded.isEmpty { try c.encode(openEnded, forKey: .openEnded) }
    }
}
