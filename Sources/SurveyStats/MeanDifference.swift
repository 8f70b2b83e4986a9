import GSL

/// The difference between two independent means from their summaries (n, mean, SD), without
/// assuming equal variances, and its standardized size.
///
/// - Welch's t (Welch 1947, "The generalization of 'Student's' problem when several different
///   population variances are involved", *Biometrika* 34:28): SE = √(s₁²/n₁ + s₂²/n₂),
///   t = (M₂ − M₁)/SE on ν = SE⁴ / [(s₁²/n₁)²/(n₁ − 1) + (s₂²/n₂)²/(n₂ − 1)] df, CI
///   (M₂ − M₁) ∓ t(1 − α/2, ν)·SE.
/// - Hedges' g (Hedges & Olkin 1985, *Statistical Methods for Meta-Analysis*, eq. 5.10):
///   g = J·(M₂ − M₁)/s_p with s_p = √[((n₁ − 1)s₁² + (n₂ − 1)s₂²)/(n₁ + n₂ − 2)] and
///   J = 1 − 3/(4(n₁ + n₂) − 9), as pingouin's `compute_effsize(eftype="hedges")`.
///
/// Tested against R 4.2.2 `t.test(x2, x1, var.equal = FALSE)` and g computed by hand in R
/// (`WaveComparisonTests`).
public enum MeanDifference {
    /// M₂ − M₁ with Welch's t, CI and Hedges' g; `nil` unless both samples have n ≥ 2.
    public static func welch(from first: SampleSummary, to second: SampleSummary,
                             confidenceLevel: Double = 0.95) -> MeanDifferenceResult? {
        guard let m1 = first.mean, let m2 = second.mean, let s1 = first.sd, let s2 = second.sd else { return nil }
        let n1 = Double(first.n), n2 = Double(second.n)
        let v1 = s1 * s1 / n1, v2 = s2 * s2 / n2
        let se = (v1 + v2).squareRoot()
        let estimate = m2 - m1
        let pooled = (((n1 - 1) * s1 * s1 + (n2 - 1) * s2 * s2) / (n1 + n2 - 2)).squareRoot()
        let g: Double? = pooled > 0 ? (1 - 3 / (4 * (n1 + n2) - 9)) * estimate / pooled : nil
        guard se > 0 else {
            return MeanDifferenceResult(estimate: estimate, stdError: se, statistic: nil, df: nil, pValue: nil,
                                        confLow: nil, confHigh: nil, hedgesG: g)
        }
        let df = (v1 + v2) * (v1 + v2) / (v1 * v1 / (n1 - 1) + v2 * v2 / (n2 - 1))
        let t = estimate / se
        let half = StudentT.quantile(1 - (1 - confidenceLevel) / 2, df: df) * se
        return MeanDifferenceResult(estimate: estimate, stdError: se, statistic: t, df: df,
                                    pValue: StudentT.twoSidedP(t, df: df),
                                    confLow: estimate - half, confHigh: estimate + half, hedgesG: g)
    }
}
