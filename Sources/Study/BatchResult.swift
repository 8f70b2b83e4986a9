/// What a batch over several waves produces besides each wave's own report: how every wave went and
/// the comparison of the analysed waves.
public struct BatchResult: Sendable, Encodable {
    public var title: String
    public var runDate: String?
    public var notices: [String]
    public var codebook: String
    /// Every wave in order, analysed or failed.
    public var waves: [WaveStatus]
    /// The comparison of the analysed waves, one entry per described variable in the plan's order.
    public var variables: [VariableComparison]

    /// The analysed waves, in order (the change is from the first to the last of them).
    public var analysedWaves: [WaveStatus] { waves.filter { $0.error == nil } }
    public var failedWaves: [WaveStatus] { waves.filter { $0.error != nil } }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(title, forKey: .title)
        try c.encode(runDate, forKey: .runDate)
        try c.encode(notices, forKey: .notices)
        try c.encode(codebook, forKey: .codebook)
        try c.encode(waves, forKey: .waves)
        let compared = analysedWaves.count >= 2
        try c.encode(compared ? analysedWaves.first?.name : nil, forKey: .changeFrom)
        try c.encode(compared ? analysedWaves.last?.name : nil, forKey: .changeTo)
        try c.encode(variables, forKey: .variables)
    }

    enum CodingKeys: String, CodingKey {
        case title, notices, codebook, waves, variables
        case runDate = "run_date"
        case changeFrom = "change_from"
        case changeTo = "change_to"
    }
}
