extension Agreement {
    /// Fleiss' κ for several coders: `counts[i][j]` is the number of coders who put unit i in
    /// category j, every unit rated by the same number m ≥ 2 of coders. With N units,
    /// P_i = Σ_j n_ij (n_ij − 1) / (m (m − 1)), P̄ = Σ_i P_i / N, p_j = Σ_i n_ij / (N m), P_e = Σ_j p_j²:
    /// κ = (P̄ − P_e) / (1 − P_e) (Fleiss 1971, "Measuring nominal scale agreement among many raters",
    /// Psychol. Bull. 76(5)). Nil when there are no units, fewer than two coders, unequal numbers of
    /// coders, or P_e = 1 (every coder always chose one category). Test values: statsmodels
    /// `fleiss_kappa(aggregate_raters(...)[0], method="fleiss")` (`Fixtures/agreement/make_panel_fixture.py`).
    public static func fleissKappa(_ counts: [[Int]]) -> Double? {
        guard let m = counts.first?.reduce(0, +), m >= 2, counts.allSatisfy({ $0.reduce(0, +) == m }) else { return nil }
        let n = Double(counts.count), raters = Double(m)
        var meanObserved = 0.0
        var categoryTotals = [Double](repeating: 0, count: counts.map(\.count).max() ?? 0)
        for unit in counts {
            meanObserved += unit.reduce(0.0) { $0 + Double($1) * Double($1 - 1) } / (raters * (raters - 1))
            for (j, count) in unit.enumerated() { categoryTotals[j] += Double(count) }
        }
        meanObserved /= n
        let expected = categoryTotals.reduce(0.0) { $0 + ($1 / (n * raters)) * ($1 / (n * raters)) }
        guard expected < 1 else { return nil }
        return (meanObserved - expected) / (1 - expected)
    }
}
