import GSL

/// McDonald's ω total of a scale from a one-factor confirmatory factor analysis fitted by maximum
/// likelihood, with the model's fit (McDonald 1999, *Test Theory: A Unified Treatment*, ch. 6;
/// Brown 2015, *Confirmatory Factor Analysis for Applied Research*, 2nd ed., ch. 3 and 8).
///
/// On the n complete cases (listwise deletion) with S = C/n, the covariance matrix with divisor n
/// (lavaan's default `likelihood = "normal"`), the model Σ = λλᵀ + Ψ is fitted by ``OneFactorModel``
/// (lavaan's `cfa(model, std.lv = TRUE)`). With p items:
///
///     ω          = (Σλᵢ)² / ((Σλᵢ)² + Σψᵢ)          model-implied total variance (semTools `compRelSEM(obs.var = FALSE)`)
///     ω_observed = (Σλᵢ)² / 1ᵀS1                    observed total variance (`compRelSEM(obs.var = TRUE)`)
///     χ²  = n·F_ML,   df = p(p + 1)/2 − 2p,   p-value = P(χ²_df > χ²)
///     χ²₀ = −n·log|R|, df₀ = p(p − 1)/2         the independence model
///     CFI = 1 − max(χ² − df, 0) / max(χ² − df, χ²₀ − df₀, 0)   (1 when both are 0)
///     TLI = (χ²₀/df₀ − χ²/df) / (χ²₀/df₀ − 1)
///     RMSEA = √max(χ²/(n·df) − 1/n, 0),  90% CI √(λ̂/(n·df)) with P(χ²_df(λ̂) ≤ χ²) = .95 and .05
///     SRMR = √(mean over i ≥ j of ((sᵢⱼ − σᵢⱼ)/√(sᵢᵢsⱼⱼ))²)
///
/// (Bentler 1990, *Psychol. Bull.* 107:238; Tucker & Lewis 1973, *Psychometrika* 38:1; Steiger 1990,
/// *Multivariate Behav. Res.* 25:173; MacCallum, Browne & Sugawara 1996, *Psychol. Methods* 1:130),
/// each as lavaan's `fitMeasures` computes it (its RMSEA interval bounds are 0 where the equation
/// has no root, and the upper bound is searched up to max(n, 4χ²)). With 3 items df = 0: ω is
/// reported without fit (``OmegaResult/fit`` is `nil`, with a warning). A negative ψ (Heywood case)
/// is reported as estimated, with a warning, as lavaan does. ML treats the items as continuous.
///
/// Tests: R 4.2.2, lavaan 0.6-14 `cfa(..., std.lv = TRUE)`, `fitMeasures`, semTools 0.5-6
/// `compRelSEM` (`Fixtures/omega/expected.R`), with estimates polished to the minimum of F_ML.
public enum Omega {
    /// Coverage of the RMSEA interval.
    public static let rmseaConfLevel = 0.90

    /// ω and the one-factor CFA of the items summarised by `summary` (already reverse-keyed where
    /// needed), named `names`.
    /// - Throws: ``OmegaError`` for fewer than 3 items, a wrong number of names, a singular
    ///   covariance matrix (including n ≤ p) or a fit that does not converge.
    public static func oneFactor(_ summary: CoMoments, names: [String]) throws -> OmegaResult {
        let p = summary.variableCount
        guard p >= 3 else { throw OmegaError.tooFewItems(p) }
        guard names.count == p else { throw OmegaError.nameCount(names: names.count, items: p) }
        guard summary.count > p else { throw OmegaError.notPositiveDefinite }
        let n = Double(summary.count)
        let covariance = summary.matrix.map { $0 / n }
        let model = try OneFactorModel(covariance: covariance, itemCount: p)

        var warnings: [ReliabilityWarning] = []
        let items = (0..<p).map { i -> OmegaResult.Item in
            let loading = model.loadings[i], residual = model.residualVariances[i]
            let variance = loading * loading + residual
            if residual < 0 {
                warnings.append(ReliabilityWarning(
                    kind: .heywoodCase, item: names[i],
                    message: "\(names[i]) has a negative residual variance (Heywood case); the solution is improper and ω overstates reliability."))
            }
            return OmegaResult.Item(name: names[i], loading: loading,
                                    stdLoading: variance > 0 ? loading / variance.squareRoot() : 0,
                                    residualVariance: residual, stdResidualVariance: variance > 0 ? residual / variance : 0)
        }
        let common = model.loadings.reduce(0, +)
        let commonSquared = common * common
        let residualSum = model.residualVariances.reduce(0, +)
        let observedTotal = covariance.reduce(0, +)

        let df = p * (p + 1) / 2 - 2 * p
        var fit: OmegaResult.Fit?
        if df > 0 {
            fit = Self.fit(discrepancy: model.discrepancy, baseline: model.baselineDiscrepancy, srmr: model.srmr,
                           n: n, df: df, baselineDf: p * (p - 1) / 2)
        } else {
            warnings.append(ReliabilityWarning(
                kind: .justIdentified, item: nil,
                message: "With 3 items the one-factor model is just identified (df = 0): it reproduces the covariances exactly, so its fit cannot be tested; ω is reported without fit indices."))
        }
        return OmegaResult(
            n: summary.count, k: p, nExcluded: summary.incomplete,
            omega: commonSquared / (commonSquared + residualSum),
            omegaObserved: observedTotal > 0 ? commonSquared / observedTotal : 0,
            items: items, fit: fit, warnings: warnings)
    }

    /// χ², CFI, TLI, RMSEA with its interval and SRMR from the minimised discrepancies.
    private static func fit(discrepancy: Double, baseline: Double, srmr: Double, n: Double, df: Int, baselineDf: Int) -> OmegaResult.Fit {
        let chiSquare = n * discrepancy, baselineChiSquare = n * baseline
        let d = Double(df), d0 = Double(baselineDf)
        let excess = Swift.max(chiSquare - d, 0)
        let baselineExcess = Swift.max(chiSquare - d, baselineChiSquare - d0, 0)
        let cfi = baselineExcess == 0 ? 1 : 1 - excess / baselineExcess
        let tliNumerator = baselineChiSquare / d0 - chiSquare / d, tliDenominator = baselineChiSquare / d0 - 1
        let tli = tliNumerator < 0 && tliDenominator < 0 ? 1 : tliNumerator / tliDenominator
        let rmsea = Swift.max(chiSquare / (n * d) - 1 / n, 0).squareRoot()
        func bound(_ probability: Double, searchingUpTo upper: Double) -> Double {
            let noncentrality = root(of: { NoncentralChiSquared.cdf(chiSquare, df: d, noncentrality: $0) - probability },
                                     below: upper)
            return (noncentrality / (n * d)).squareRoot()
        }
        let tail = (1 - rmseaConfLevel) / 2
        return OmegaResult.Fit(
            statistic: chiSquare, df: df, pValue: ChiSquared.upperTail(chiSquare, df: d),
            baselineStatistic: baselineChiSquare, baselineDf: baselineDf, cfi: cfi, tli: tli.isFinite ? tli : 1,
            rmsea: rmsea, rmseaConfLow: bound(1 - tail, searchingUpTo: chiSquare),
            rmseaConfHigh: bound(tail, searchingUpTo: Swift.max(n, 4 * chiSquare)),
            confLevel: rmseaConfLevel, srmr: srmr)
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
