import ComputeSupport
import GSL

/// The Brown–Forsythe F* test of equal means under unequal variances (Brown & Forsythe 1974,
/// "The small sample behavior of some statistics which test the equality of several means",
/// *Technometrics* 16:129): F* = Σnᵢ(ȳᵢ − ȳ)² / Σ(1 − nᵢ/N)sᵢ² on (k − 1, f) df with
/// Satterthwaite's 1/f = Σcᵢ²/(nᵢ − 1), cᵢ = (1 − nᵢ/N)sᵢ² / Σⱼ(1 − nⱼ/N)sⱼ².
///
/// Tested against statsmodels 0.15.0 `statsmodels.stats.oneway.anova_oneway(use_var="bf")`.
enum BrownForsytheMeans {
    /// `nil` when a group has fewer than two cases or all variances are zero.
    static func test(_ groups: [OneWayANOVA.GroupSample]) -> AnovaResult.FTest? {
        let n = Double(groups.reduce(0) { $0 + $1.n })
        var terms: [Double] = []
        for g in groups {
            guard let v = g.variance else { return nil }
            terms.append((1 - Double(g.n) / n) * v)
        }
        var denominator = CompensatedSum()
        for t in terms { denominator.add(t) }
        guard denominator.value > 0 else { return nil }
        let classical = OneWayANOVA.ClassicalF(groups)
        var inverseDF = CompensatedSum()
        for (t, g) in zip(terms, groups) {
            let c = t / denominator.value
            inverseDF.add(c * c / Double(g.n - 1))
        }
        let f = classical.ssBetween / denominator.value
        let df1 = Double(groups.count - 1), df2 = 1 / inverseDF.value
        return AnovaResult.FTest(statistic: f, df: df1, dfResidual: df2,
                                 pValue: FisherF.upperTail(f, df1: df1, df2: df2))
    }
}
