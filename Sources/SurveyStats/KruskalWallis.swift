import GSL

/// The Kruskal–Wallis rank test with tie correction (Kruskal & Wallis 1952, "Use of ranks in
/// one-criterion variance analysis", *JASA* 47:583): with midranks r over all N cases, group mean
/// ranks R̄ᵢ and ties of sizes t,
/// H = [12/(N(N + 1))]·Σnᵢ(R̄ᵢ − (N + 1)/2)² / [1 − Σ(t³ − t)/(N³ − N)], p = P(χ²(k − 1) > H).
///
/// Tested against R 4.2.2 `kruskal.test(y ~ g)`.
enum KruskalWallisTest {
    /// `nil` when every value is tied (the correction's denominator is 0).
    static func test(_ groups: [OneWayANOVA.GroupSample]) -> AnovaResult.KruskalWallis? {
        var pooled: [(value: Double, group: Int)] = []
        for (index, g) in groups.enumerated() { for v in g.values { pooled.append((v, index)) } }
        pooled.sort { $0.value < $1.value }
        let n = pooled.count
        var rankSums = [Double](repeating: 0, count: groups.count)
        var ties = 0.0
        var start = 0
        while start < n {
            var end = start
            while end + 1 < n, pooled[end + 1].value == pooled[start].value { end += 1 }
            let midrank = Double(start + end) / 2 + 1
            for i in start...end { rankSums[pooled[i].group] += midrank }
            let t = Double(end - start + 1)
            ties += t * t * t - t
            start = end + 1
        }
        let nn = Double(n)
        let correction = 1 - ties / (nn * nn * nn - nn)
        guard correction > 0 else { return nil }
        var sum = CompensatedSum()
        for (r, g) in zip(rankSums, groups) {
            let d = r / Double(g.n) - (nn + 1) / 2
            sum.add(Double(g.n) * d * d)
        }
        let h = 12 / (nn * (nn + 1)) * sum.value / correction
        let df = groups.count - 1
        return AnovaResult.KruskalWallis(statistic: h, df: df, pValue: ChiSquared.upperTail(h, df: Double(df)))
    }
}
