/// Tukey–Kramer honestly significant differences (Tukey 1953; Kramer 1956, "Extension of multiple
/// range tests to group means with unequal numbers of replications", *Biometrics* 12:307): for
/// levels i < j, d = ȳⱼ − ȳᵢ, SE = √[MS_within(1/nᵢ + 1/nⱼ)], q = |d|/(SE/√2),
/// p = P(Q(k, N − k) > q) and CI d ∓ q₁₋α(k, N − k)·SE/√2, Q the studentized range (``StudentizedRange``).
///
/// Tested against R 4.2.2 `TukeyHSD(aov(y ~ g))` (diff, lwr, upr, p adj; R's p is good to about 1e-8).
enum TukeyHSD {
    static func compare(_ groups: [OneWayANOVA.GroupSample], names: [String], meanSquareWithin: Double,
                        dfWithin: Double, confidenceLevel: Double) -> [AnovaResult.PairwiseComparison] {
        let k = groups.count
        let critical = StudentizedRange.quantile(confidenceLevel, groups: k, df: dfWithin)
        var rows: [AnovaResult.PairwiseComparison] = []
        for i in 0..<k {
            for j in (i + 1)..<k {
                let d = groups[j].mean - groups[i].mean
                let se = (meanSquareWithin * (1 / Double(groups[i].n) + 1 / Double(groups[j].n))).squareRoot()
                let q = abs(d) / (se / 2.0.squareRoot())
                let halfWidth = critical * se / 2.0.squareRoot()
                rows.append(AnovaResult.PairwiseComparison(
                    group1: names[i], group2: names[j], estimate: d, stdError: se, statistic: q,
                    pValue: StudentizedRange.upperTail(q, groups: k, df: dfWithin),
                    confLow: d - halfWidth, confHigh: d + halfWidth, df: nil))
            }
        }
        return rows
    }
}
