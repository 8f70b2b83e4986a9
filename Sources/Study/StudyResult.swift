/// Everything a study run produces, as plain values: one result per wave, the replication checks.
public struct StudyResult: Sendable, Encodable {
    public var title: String
    public var runDate: String?
    public var notices: [String]
    public var codebook: String
    public var waves: [WaveResult]
    public var replication: [ReplicationCheckResult]
    public var interviews: InterviewResult?

    enum CodingKeys: String, CodingKey {
        case title, notices, codebook, waves, replication, interviews
        case runDate = "run_date"
    }
}
