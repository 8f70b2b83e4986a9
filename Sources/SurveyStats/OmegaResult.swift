/// McDonald's ω of a scale with the one-factor confirmatory factor analysis it comes from:
/// loadings, residual variances and the fit of the model.
///
/// JSON keys in broom's style: `n, k, n_excluded, omega, omega_observed, std_error, conf_low,
/// conf_high, conf_level, items[name,
/// loading, std_loading, residual_variance, std_residual_variance], fit{statistic, df, p_value,
/// baseline_statistic, baseline_df, cfi, tli, rmsea, rmsea_conf_low, rmsea_conf_high, conf_level,
/// srmr}, warnings`; `fit` is `null` for a just-identified model (3 items, df = 0). Computed by ``Omega``.
public struct OmegaResult: Sendable, Equatable, Codable {
    /// One item: its loading on the factor and its residual variance.
    public struct Item: Sendable, Equatable, Codable {
        public var name: String
        /// λ (factor variance fixed to 1), in the item's units.
        public var loading: Double
        /// λ/σ, σ² = λ² + ψ the model-implied variance (lavaan's `std.all`).
        public var stdLoading: Double
        /// ψ; negative in a Heywood case.
        public var residualVariance: Double
        /// ψ/σ².
        public var stdResidualVariance: Double

        private enum CodingKeys: String, CodingKey {
            case name, loading
            case stdLoading = "std_loading", residualVariance = "residual_variance", stdResidualVariance = "std_residual_variance"
        }

        public init(name: String, loading: Double, stdLoading: Double, residualVariance: Double, stdResidualVariance: Double) {
            self.name = name
            self.loading = loading
            self.stdLoading = stdLoading
            self.residualVariance = residualVariance
            self.stdResidualVariance = stdResidualVariance
        }
    }

    /// The test and indices of the model's fit (df ≥ 1).
    public typealias Fit = ModelFit

    /// Complete cases used (listwise deletion).
    public var n: Int
    /// Number of items.
    public var k: Int
    /// Rows dropped because at least one item was missing.
    public var excludedCases: Int
    /// ω total with the model-implied total variance: (Σλ)²/((Σλ)² + Σψ).
    public var omega: Double
    /// ω total with the observed total variance: (Σλ)²/1ᵀS1.
    public var omegaObserved: Double
    /// The delta-method standard error of ``omega`` (model-implied); `nil` when the information matrix is singular.
    public var stdError: Double?
    /// The Wald interval ``omega`` ± z·``stdError`` at ``confLevel``.
    public var confLow: Double?
    public var confHigh: Double?
    /// Coverage of the interval of ω, 0.95.
    public var confLevel: Double
    public var items: [Item]
    /// `nil` when the model is just identified (df = 0) and its fit cannot be tested.
    public var fit: Fit?
    public var warnings: [ReliabilityWarning]

    private enum CodingKeys: String, CodingKey {
        case n, k, omega, items, fit, warnings
        case excludedCases = "n_excluded", omegaObserved = "omega_observed"
        case stdError = "std_error", confLow = "conf_low", confHigh = "conf_high", confLevel = "conf_level"
    }

    public init(n: Int, k: Int, excludedCases: Int, omega: Double, omegaObserved: Double, stdError: Double?, confLow: Double?,
                confHigh: Double?, confLevel: Double, items: [Item], fit: Fit?, warnings: [ReliabilityWarning]) {
        self.n = n
        self.k = k
        self.excludedCases = excludedCases
        self.omega = omega
        self.omegaObserved = omegaObserved
        self.stdError = stdError
        self.confLow = confLow
        self.confHigh = confHigh
        self.confLevel = confLevel
        self.items = items
        self.fit = fit
        self.warnings = warnings
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(n, forKey: .n)
        try container.encode(k, forKey: .k)
        try container.encode(excludedCases, forKey: .excludedCases)
        try container.encode(omega, forKey: .omega)
        try container.encode(omegaObserved, forKey: .omegaObserved)
        try container.encode(stdError, forKey: .stdError)
        try container.encode(confLow, forKey: .confLow)
        try container.encode(confHigh, forKey: .confHigh)
        try container.encode(confLevel, forKey: .confLevel)
        try container.encode(items, forKey: .items)
        try container.encode(fit, forKey: .fit)
        try container.encode(warnings, forKey: .warnings)
    }
}
