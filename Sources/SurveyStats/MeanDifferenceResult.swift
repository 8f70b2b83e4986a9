/// The difference between the means of two samples (see ``MeanDifference/welch(from:to:confidenceLevel:)``),
/// in R broom's vocabulary (`tidy.htest`). Undefined values are `nil` (JSON `null`), never NaN.
public struct MeanDifferenceResult: Sendable, Equatable, Codable {
    /// M₂ − M₁: the second sample's mean minus the first's.
    public let estimate: Double
    /// √(s₁²/n₁ + s₂²/n₂).
    public let stdError: Double
    /// Welch's t = estimate/SE; `nil` when SE = 0.
    public let statistic: Double?
    /// Welch–Satterthwaite degrees of freedom; `nil` when SE = 0.
    public let df: Double?
    /// Two-sided p of t; `nil` when SE = 0.
    public let pValue: Double?
    /// estimate ∓ t(1 − α/2, df)·SE; `nil` when SE = 0.
    public let confLow: Double?
    public let confHigh: Double?
    /// Hedges' g: the difference over the pooled SD, times the small-sample correction J; `nil`
    /// when the pooled SD is 0.
    public let hedgesG: Double?

    public init(estimate: Double, stdError: Double, statistic: Double?, df: Double?, pValue: Double?,
                confLow: Double?, confHigh: Double?, hedgesG: Double?) {
        self.estimate = estimate
        self.stdError = stdError
        self.statistic = statistic
        self.df = df
        self.pValue = pValue
        self.confLow = confLow
        self.confHigh = confHigh
        self.hedgesG = hedgesG
    }

    enum CodingKeys: String, CodingKey {
        case estimate, statistic, df
        case stdError = "std_error"
        case pValue = "p_value"
        case confLow = "conf_low"
        case confHigh = "conf_high"
        case hedgesG = "hedges_g"
    }
}
