import GSL

/// The χ² test of a covariance-structure model fitted by maximum likelihood and its fit indices,
/// each as lavaan's `fitMeasures` computes it (lavaan 0.6-14, `estimator = "ML"`), from the minimised
/// discrepancy F_ML of the model and of the independence model Σ = diag S, with n cases:
///
///     χ²  = n·F_ML, p-value = P(χ²_df > χ²);   χ²₀ = n·F₀ on df₀ = p(p − 1)/2
///     CFI = 1 − max(χ² − df, 0) / max(χ² − df, χ²₀ − df₀, 0)   (1 when both are 0)      (Bentler 1990, *Psychol. Bull.* 107:238)
///     TLI = (χ²₀/df₀ − χ²/df) / (χ²₀/df₀ − 1)                                           (Tucker & Lewis 1973, *Psychometrika* 38:1)
///     RMSEA = √max(χ²/(n·df) − 1/n, 0),  90% CI √(λ̂/(n·df)) with P(χ²_df(λ̂) ≤ χ²) = .95 and .05   (Steiger 1990; MacCallum, Browne & Sugawara 1996)
///     SRMR = √(mean over i ≥ j of ((sᵢⱼ − σᵢⱼ)/√(sᵢᵢsⱼⱼ))²)
///
/// lavaan's RMSEA interval bounds are 0 where the equation has no root, and the upper bound is
/// searched up to max(n, 4χ²). JSON keys `statistic, df, p_value, baseline_statistic, baseline_df,
/// cfi, tli, rmsea, rmsea_conf_low, rmsea_conf_high, conf_level, srmr`. Tested through ``Omega``
/// and ``ConfirmatoryFactorAnalysis`` against lavaan.
public struct ModelFit: Sendable, Equatable, Codable {
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

    /// Coverage of the RMSEA interval.
    public static let rmseaConfLevel = 0.90

    /// χ², CFI, TLI, RMSEA with its interval and SRMR from the minimised discrepancies.
    init(discrepancy: Double, baseline: Double, srmr: Double, n: Double, df: Int, baselineDf: Int) {
        let chiSquare = n * discrepancy, baselineChiSquare = n * baseline
        let d = Double(df), d0 = Double(baselineDf)
        let excess = Swift.max(chiSquare - d, 0)
        let baselineExcess = Swift.max(chiSquare - d, baselineChiSquare - d0, 0)
        let cfi = baselineExcess == 0 ? 1 : 1 - excess / baselineExcess
        let tliNumerator = baselineChiSquare / d0 - chiSquare / d, tliDenominator = baselineChiSquare / d0 - 1
        let tli = tliNumerator < 0 && tliDenominator < 0 ? 1 : tliNumerator / tliDenominator
        let rmsea = Swift.max(chiSquare / (n * d) - 1 / n, 0).squareRoot()
        func bound(_ probability: Double, searchingUpTo upper: Double) -> Double {
            let noncentrality = Self.root(of: { NoncentralChiSquared.cdf(chiSquare, df: d, noncentrality: $0) - probability },
                                     below: upper)
            return (noncentrality / (n * d)).squareRoot()
        }
        let tail = (1 - Self.rmseaConfLevel) / 2
        self.init(
            statistic: chiSquare, df: df, pValue: ChiSquared.upperTail(chiSquare, df: d),
            baselineStatistic: baselineChiSquare, baselineDf: baselineDf, cfi: cfi, tli: tli.isFinite ? tli : 1,
            rmsea: rmsea, rmseaConfLow: bound(1 - tail, searchingUpTo: chiSquare),
            rmseaConfHigh: bound(tail, searchingUpTo: Swift.max(n, 4 * chiSquare)),
            confLevel: Self.rmseaConfLevel, srmr: srmr)
    }

    /// The root in [0, upper] of f, decreasing, by bisection to the last bit; 0 when f(0) < 0 or
    /// f(upper) > 0 (no root in the interval, lavaan's convention).
    private static func root(of f: (Double) -> Double, below upper: Double) -> Double {
        guard upper > 0, f(0) >= 0, f(upper) <= 0 else { return 0 }
        var low = 0.0, high = upper
        while true {
            let middle = low + (high - low) / 2
            if middle <= low || middle >= high { return middle }
            if f(middle) > 0 { low = middle } else { high = middle }
        }
    }
}
