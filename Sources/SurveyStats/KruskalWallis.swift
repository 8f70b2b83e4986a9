import ComputeSupport
import GSL

/// The Kruskal–Wallis rank test with tie correction (Kruskal & Wallis 1952, "Use of ranks in
/// one-criterion variance analysis", *JASA* 47:583): with midranks r over all N cases, group mean
/// ranks R̄ᵢ and ties of sizes t,
/// H = [12/(N(N + 1))]·Σnᵢ(R̄ᵢ − (N + 1)/2)² / [1 − Σ(t³ − t)/(N³ − N)], p = P(χ²(k − 1) > H).
///
/// Tested against R 4.2.2 `kruskal.test(y ~ g)`.
enum KruskalWallisTest {
    /// `nil` when every value is tied (the correction's denominator is 0).
    /// Midranks and ties come from the pooled tally of the groups (a distinct value with t cases
    /// below-count b has midrank b + (t + 1)/2), each group's rank sum from its own tally.
    static func test(_ groups: [OneWayANOVA.GroupSample]) -> AnovaResult.KruskalWallis? {
        let pooled = groups.reduce(ValueTally()) { $0 + $1.tally }
        var midranks: [Double] = []
        var below = 0, ties = 0.0
        for count in pooled.counts {
            midranks.append(Double(below) + Double(count + 1) / 2)
            below += count
            let t = Double(count)
            ties += t * t * t - t
        }
        let rankSums = groups.map { group -> Double in
            var sum = 0.0, j = 0
            for (value, count) in zip(group.tally.values, group.tally.counts) {
                while pooled.values[j] < value { j += 1 }   // both ascending
                sum += Double(count) * midranks[j]
            }
            return sum
        }
        let nn = Double(below)
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
