/// McDonald's ω of a scale with the one-factor confirmatory factor analysis it comes from:
/// loadings, residual variances and the fit of the model.
///
/// JSON keys in broom's style: `n, k, n_excluded, omega, omega_observed, items[name,
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
    public struct Fit: Sendable, Equatable, Codable {
        /// χ² = n·F_ML.
        public var statistic: Double
        public var df: Int
        public var pValue: Double
        /// χ² and df of the independence model (the baseline of CFI and TLI).
        public var baselineStatistic: Double
        public var baselineDf: Int
        public var cfi: Double
        public var tli: Double
        public var rmsea: Double
        public var rmseaConfLow: Double
        public var rmseaConfHigh: Double
        /// Coverage of the RMSEA interval, 0.90.
        public var confLevel: Double
        public var srmr: Double

        private enum CodingKeys: String, CodingKey {
            case statistic, df, cfi, tli, rmsea, srmr
            case pValue = "p_value", baselineStatistic = "baseline_statistic", baselineDf = "baseline_df"
            case rmseaConfLow = "rmsea_conf_low", rmseaConfHigh = "rmsea_conf_high", confLevel = "conf_level"
        }

        public init(statistic: Double, df: Int, pValue: Double, baselineStatistic: Double, baselineDf: Int,
                    cfi: Double, tli: Double, rmsea: Double, rmseaConfLow: Double, rmseaConfHigh: Double,
                    confLevel: Double, srmr: Double) {
            self.statistic = statistic
            self.df = df
            self.pValue = pValue
            self.baselineStatistic = baselineStatistic
            self.baselineDf = baselineDf
            self.cfi = cfi
            self.tli = tli
            self.rmsea = rmsea
            self.rmseaConfLow = rmseaConfLow
            self.rmseaConfHigh = rmseaConfHigh
            self.confLevel = confLevel
            self.srmr = srmr
        }
    }

    /// Complete cases used (listwise deletion).
    public var n: Int
    /// Number of items.
    public var k: Int
    /// Rows dropped because at least one item was missing.
    public var nExcluded: Int
    /// ω total with the model-implied total variance: (Σλ)²/((Σλ)² + Σψ).
    public var omega: Double
    /// ω total with the observed total variance: (Σλ)²/1ᵀS1.
    public var omegaObserved: Double
    public var items: [Item]
    /// `nil` when the model is just identified (df = 0) and its fit cannot be tested.
    public var fit: Fit?
    public var warnings: [ReliabilityWarning]

    private enum CodingKeys: String, CodingKey {
        case n, k, omega, items, fit, warnings
        case nExcluded = "n_excluded", omegaObserved = "omega_observed"
    }

    public init(n: Int, k: Int, nExcluded: Int, omega: Double, omegaObserved: Double, items: [Item], fit: Fit?, warnings: [ReliabilityWarning]) {
        self.n = n
        self.k = k
        self.nExcluded = nExcluded
        self.omega = omega
        self.omegaObserved = omegaObserved
        self.items = items
        self.fit = fit
        self.warnings = warnings
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(n, forKey: .n)
        try container.encode(k, forKey: .k)
        try container.encode(nExcluded, forKey: .nExcluded)
        try container.encode(omega, forKey: .omega)
        try container.encode(omegaObserved, forKey: .omegaObserved)
        try container.encode(items, forKey: .items)
        try container.encode(fit, forKey: .fit)
        try container.encode(warnings, forKey: .warnings)
    }
}
