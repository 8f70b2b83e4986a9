/// Everything a study run produces, as plain values: one result per wave, the replication checks.
public struct StudyResult: Sendable, Encodable {
    public var title: String
    public var runDate: String?
    public var notices: [String]
    public var codebook: String
    public var waves: [WaveResult]
    public var replication: [ReplicationCheckResult]
    public var interviews: InterviewResult?
    /// Per screened wave, who was excluded by which rule; `nil` when the study screens no one.
    public var screening: [ParticipantFlow]?

    enum CodingKeys: String, CodingKey {
        case title, notices, codebook, waves, replication, interviews, screening
        case runDate = "run_date"
    }
}
