import ComputeSupport
import GSL

/// Welch's F test of equal means without assuming equal variances (Welch 1951, "On the
/// comparison of several mean values: an alternative approach", *Biometrika* 38:330):
/// wᵢ = nᵢ/sᵢ², W = Σwᵢ, ȳ_w = Σwᵢȳᵢ/W, Λ = Σ(1 − wᵢ/W)²/(nᵢ − 1),
/// F = [Σwᵢ(ȳᵢ − ȳ_w)²/(k − 1)] / [1 + 2(k − 2)Λ/(k² − 1)] on (k − 1, (k² − 1)/(3Λ)) df.
///
/// Tested against R 4.2.2 `oneway.test(y ~ g, var.equal = FALSE)` and pingouin 0.7.0 `welch_anova`.
enum WelchANOVA {
    /// `nil` when a group has fewer than two cases or zero variance (its weight is undefined).
    static func test(_ groups: [OneWayANOVA.GroupSample]) -> AnovaResult.FTest? {
        var weights: [Double] = []
        for g in groups {
            guard let v = g.variance, v > 0 else { return nil }
            weights.append(Double(g.n) / v)
        }
        let k = Double(groups.count)
        var total = CompensatedSum(), weightedMean = CompensatedSum()
        for (w, g) in zip(weights, groups) { total.add(w); weightedMean.add(w * g.mean) }
        let sumW = total.value
        let mean = weightedMean.value / sumW
        var between = CompensatedSum(), lambda = CompensatedSum()
        for (w, g) in zip(weights, groups) {
            let d = g.mean - mean
            between.add(w * d * d)
            let h = 1 - w / sumW
            lambda.add(h * h / Double(g.n - 1))
        }
        let f = (between.value / (k - 1)) / (1 + 2 * (k - 2) * lambda.value / (k * k - 1))
        let df2 = (k * k - 1) / (3 * lambda.value)
        return AnovaResult.FTest(statistic: f, df: k - 1, dfResidual: df2,
                                 pValue: FisherF.upperTail(f, df1: k - 1, df2: df2))
    }
}
