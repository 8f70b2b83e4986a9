/// A confirmatory factor analysis of correlated factors: every parameter with its standard error and
/// standardized value, and the model's fit. Computed by ``ConfirmatoryFactorAnalysis``.
///
/// JSON keys: `n, n_excluded, identification, parameters[lhs, op, rhs, estimate, std_error, statistic,
/// p_value, conf_low, conf_high, std_all, std_all_std_error], fit{…as ModelFit}, warnings`; a fixed
/// parameter (a marker loading, a factor variance of 1) has `std_error` etc. `null`. Operators as in
/// lavaan: `=~` a loading (factor =~ item), `~~` a (co)variance.
public struct ConfirmatoryFactorAnalysisResult: Sendable, Equatable, Encodable {
    /// One parameter of the model.
    public struct Parameter: Sendable, Equatable, Encodable {
        public var lhs: String
        /// `=~` or `~~`.
        public var op: String
        public var rhs: String
        public var estimate: Double
        /// `nil` for a fixed parameter.
        public var stdError: Double?
        /// z = estimate / SE.
        public var statistic: Double?
        /// Two-sided p of z.
        public var pValue: Double?
        /// estimate ± z₀.₉₇₅·SE.
        public var confLow: Double?
        public var confHigh: Double?
        /// The completely standardized value (lavaan's `std.all`): loadings λ√φₐₐ/σᵢ, residual
        /// variances ψ/σᵢ², factor covariances as correlations.
        public var stdAll: Double
        /// The delta-method SE of ``stdAll`` (lavaan's `standardizedSolution()`); 0 for a value fixed by
        /// the standardization (a factor variance), `nil` when Cov(θ̂) is singular.
        public var stdAllStdError: Double?

        private enum CodingKeys: String, CodingKey {
            case lhs, op, rhs, estimate, statistic
            case stdError = "std_error", pValue = "p_value", confLow = "conf_low", confHigh = "conf_high"
            case stdAll = "std_all", stdAllStdError = "std_all_std_error"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(lhs, forKey: .lhs)
            try c.encode(op, forKey: .op)
            try c.encode(rhs, forKey: .rhs)
            try c.encode(estimate, forKey: .estimate)
            try c.encode(stdError, forKey: .stdError)
            try c.encode(statistic, forKey: .statistic)
            try c.encode(pValue, forKey: .pValue)
            try c.encode(confLow, forKey: .confLow)
            try c.encode(confHigh, forKey: .confHigh)
            try c.encode(stdAll, forKey: .stdAll)
            try c.encode(stdAllStdError, forKey: .stdAllStdError)
        }
    }

    /// Complete cases used (listwise over every item of the model).
    public var n: Int
    public var excludedCases: Int
    public var identification: ConfirmatoryFactorAnalysis.Identification
    /// Loadings (by factor, then item), residual variances, factor variances, factor covariances.
    public var parameters: [Parameter]
    /// `nil` when df = 0 (the model reproduces S exactly).
    public var fit: ModelFit?
    public var warnings: [ReliabilityWarning]

    private enum CodingKeys: String, CodingKey {
        case n, identification, parameters, fit, warnings
        case excludedCases = "n_excluded"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        try c.encode(excludedCases, forKey: .excludedCases)
        try c.encode(identification, forKey: .identification)
        try c.encode(parameters, forKey: .parameters)
        try c.encode(fit, forKey: .fit)
        try c.encode(warnings, forKey: .warnings)
    }
}
