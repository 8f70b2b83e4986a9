/// A weighted least-squares fit with standard errors by weight type and design, in broom's
/// vocabulary. See ``DesignRegression``.
public struct DesignRegressionResult: Sendable, Equatable, Codable {
    public struct Term: Sendable, Equatable, Codable {
        public var term: String
        public var estimate: Double
        public var stdError: Double
        public var statistic: Double
        public var pValue: Double
        public var confLow: Double
        public var confHigh: Double

        private enum CodingKeys: String, CodingKey {
            case term, estimate, stdError = "std_error", statistic, pValue = "p_value", confLow = "conf_low", confHigh = "conf_high"
        }
    }

    public var weightType: WeightType
    public var nobs: Int
    public var weightSum: Double
    /// Residual df of the t tests: design df + 1 − p for sampling weights (R `svyglm`), Σw − p for
    /// frequency and n − p for analytic weights (R `lm`).
    public var dfResidual: Double
    public var confLevel: Double
    public var terms: [Term]
    /// The Wald test that every slope is 0: F = β̂ᵀV̂⁻¹β̂/q on (q, dfResidual) (R `regTermTest`
    /// with its default `method = "Wald"`; for a one-way design on the group indicators, the
    /// design-based comparison of the group means).
    public var statistic: Double
    public var df: Int
    public var pValue: Double

    private enum CodingKeys: String, CodingKey {
        case weightType = "weight_type", nobs, weightSum = "weight_sum", dfResidual = "df_residual", confLevel = "conf_level",
             terms, statistic, df, pValue = "p_value"
    }
}
