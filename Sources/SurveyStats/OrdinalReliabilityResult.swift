/// Ordinal α and ω with the polychoric correlations they come from. Computed by ``OrdinalReliability``.
///
/// JSON keys: `polychoric{n, names, thresholds, matrix}, alpha, omega{…as OmegaResult, without
/// interval and fit}, omega_problem` (why there is no ω, e.g. fewer than three items; else `null`).
public struct OrdinalReliabilityResult: Sendable, Equatable, Encodable {
    public var polychoric: PolychoricResult
    /// Ordinal α, k/(k − 1)·(1 − k/1ᵀR1).
    public var alpha: Double
    /// Ordinal ω from the one-factor model of R; `nil` with ``omegaProblem`` when it cannot be fitted.
    public var omega: OmegaResult?
    public var omegaProblem: String?

    private enum CodingKeys: String, CodingKey { case polychoric, alpha, omega, omegaProblem = "omega_problem" }

    public init(polychoric: PolychoricResult, alpha: Double, omega: OmegaResult?, omegaProblem: String?) {
        self.polychoric = polychoric
        self.alpha = alpha
        self.omega = omega
        self.omegaProblem = omegaProblem
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(polychoric, forKey: .polychoric)
        try container.encode(alpha, forKey: .alpha)
        try container.encode(omega, forKey: .omega)
        try container.encode(omegaProblem, forKey: .omegaProblem)
    }
}
