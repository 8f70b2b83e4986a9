import SurveyStats

/// What `paradox reliability` reports for a set of items: Cronbach's α, McDonald's ω beside it, and
/// (with `--ordinal`) ordinal α and ω.
///
/// JSON: α's keys at the top level (as ``ReliabilityResult``), then `omega` (``OmegaResult`` or
/// `null`), `omega_problem` (why there is no ω, else `null`) and `ordinal`
/// (``OrdinalReliabilityResult``, `null` unless asked for).
public struct FileReliabilityResult: Sendable, Encodable {
    public var alpha: ReliabilityResult
    public var omega: NamedOmega
    public var ordinal: OrdinalReliabilityResult?

    private enum CodingKeys: String, CodingKey { case omega, omegaProblem = "omega_problem", ordinal }

    public init(alpha: ReliabilityResult, omega: NamedOmega, ordinal: OrdinalReliabilityResult?) {
        self.alpha = alpha
        self.omega = omega
        self.ordinal = ordinal
    }

    public func encode(to encoder: Encoder) throws {
        try alpha.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(omega.result, forKey: .omega)
        try container.encode(omega.problem, forKey: .omegaProblem)
        try container.encode(ordinal, forKey: .ordinal)
    }
}
