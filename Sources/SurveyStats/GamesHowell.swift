/// The Games–Howell procedure for unequal variances (Games & Howell 1976, "Pairwise multiple
/// comparison procedures with unequal n's and/or variances", *J. Educ. Stat.* 1:113): for levels
/// i < j, d = ȳⱼ − ȳᵢ, SE = √(sᵢ²/nᵢ + sⱼ²/nⱼ), Welch–Satterthwaite
/// ν = SE⁴ / [(sᵢ²/nᵢ)²/(nᵢ − 1) + (sⱼ²/nⱼ)²/(nⱼ − 1)], q = |d|/(SE/√2), p = P(Q(k, ν) > q),
/// CI d ∓ q₁₋α(k, ν)·SE/√2. The quantile is computed once per distinct ν (pairs of equal n and
/// variance share it).
///
/// Tested against pingouin 0.7.0 `pairwise_gameshowell` (se, df; its p uses scipy's
/// studentized_range) and the same formulas evaluated in R 4.2.2 with `ptukey`/`qtukey`.
enum GamesHowell {
    static func compare(_ groups: [OneWayANOVA.GroupSample], names: [String],
                        confidenceLevel: Double) -> [AnovaResult.PairwiseComparison] {
        let k = groups.count
        var rows: [AnovaResult.PairwiseComparison] = []
        var critical: [Double: Double] = [:]
        for i in 0..<k {
            for j in (i + 1)..<k {
                let d = groups[j].mean - groups[i].mean
                guard let vi = groups[i].variance, let vj = groups[j].variance, vi + vj > 0 else {
                    rows.append(AnovaResult.PairwiseComparison(
                        group1: names[i], group2: names[j], estimate: d, stdError: nil, statistic: nil,
                        pValue: nil, confLow: nil, confHigh: nil, df: nil))
                    continue
                }
                let a = vi / Double(groups[i].n), b = vj / Double(groups[j].n)
                let se = (a + b).squareRoot()
                let df = (a + b) * (a + b) / (a * a / Double(groups[i].n - 1) + b * b / Double(groups[j].n - 1))
                let q = abs(d) / (se / 2.0.squareRoot())
                let quantile = critical[df] ?? StudentizedRange.quantile(confidenceLevel, groups: k, df: df)
                critical[df] = quantile
                let halfWidth = quantile * se / 2.0.squareRoot()
                rows.append(AnovaResult.PairwiseComparison(
                    group1: names[i], group2: names[j], estimate: d, stdError: se, statistic: q,
                    pValue: StudentizedRange.upperTail(q, groups: k, df: df),
                    confLow: d - halfWidth, confHigh: d + halfWidth, df: df))
            }
        }
        return rows
    }
}
