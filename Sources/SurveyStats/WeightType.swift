/// What a weight column means; the three give different variances of the same weighted mean
/// (Lumley 2010, *Complex Surveys*, §1.4; Stata's `[pweight]`, `[fweight]`, `[aweight]`).
public enum WeightType: String, Sendable, Codable, CaseIterable {
    /// Sampling (probability) weights, wₖ = 1/πₖ: each row stands for wₖ population members; variances
    /// are design-based (Taylor linearisation over PSUs within strata, as R `survey`).
    case sampling
    /// Frequency weights: row k stands for wₖ identical rows (whole numbers); n = Σw.
    case frequency
    /// Analytic (inverse-variance) weights: row k is a mean of wₖ observations; the weights are
    /// rescaled to sum to n (rows), as Stata's `aweight` and R's `lm(weights =)`.
    case analytic
}
