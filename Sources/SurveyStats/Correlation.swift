import GSL

/// Pearson correlation matrix with a two-sided test of each r.
///
///     r = Sₓᵧ / √(SₓₓSᵧᵧ)                 centred cross-products, two passes (never Σxy − n·x̄ȳ)
///     t = r·√(n − 2) / √(1 − r²),  df = n − 2,  p = 2·P(T_df > |t|)   (GSL `gsl_cdf_tdist_Q`)
///
/// (Pearson 1896; the t test of H₀: ρ = 0, Fisher 1915.) Missing data: listwise deletion by
/// default (one n for the matrix, as SPSS CORRELATIONS /MISSING=LISTWISE), or pairwise (each pair
/// on its own complete rows, as R's `cor.test` on two columns). Computed from the mergeable
/// ``CoMoments`` (listwise) or ``PairwiseCoMoments`` (pairwise), so a wave can be summarised in
/// parts and the parts merged.
///
/// Tests: R 4.2.2 `cor.test(x, y)` (estimate, statistic, p.value, parameter + 2) on
/// `Fixtures/descriptives/likert.csv`, listwise and pairwise.
public enum Correlation {
    /// The Pearson matrix of `columns` (one per variable, `Double.nan` for missing) named `names`:
    /// builds their ``CoMoments`` (listwise) or ``PairwiseCoMoments`` (pairwise) and analyses those.
    /// - Throws: ``CorrelationError`` for fewer than two variables, columns of different lengths or
    ///   a wrong number of names.
    public static func pearson(_ columns: [[Double]], names: [String],
                               deletion: CorrelationResult.Deletion = .listwise) throws -> CorrelationResult {
        try validate(variableCount: columns.count, names: names)
        guard Set(columns.map(\.count)).count == 1 else {
            throw CorrelationError.unequalLengths(names: names, lengths: columns.map(\.count))
        }
        switch deletion {
        case .listwise: return try pearson(CoMoments(columns: columns), names: names)
        case .pairwise: return try pearson(PairwiseCoMoments(columns: columns), names: names)
        }
    }

    /// The listwise Pearson matrix of the variables summarised by `summary` (e.g. merged from
    /// parts of a wave), named `names`: one n, the complete cases, for every pair.
    /// - Throws: ``CorrelationError`` for fewer than two variables or a wrong number of names.
    public static func pearson(_ summary: CoMoments, names: [String]) throws -> CorrelationResult {
        let k = summary.variableCount
        try validate(variableCount: k, names: names)
        var pairs: [CorrelationResult.Pair] = []
        for i in 0..<k {
            for j in (i + 1)..<k {
                pairs.append(pair(names[i], names[j], r: summary.correlation(i, j), n: summary.count))
            }
        }
        return CorrelationResult(variables: names, deletion: .listwise, n: summary.count, pairs: pairs)
    }

    /// The pairwise Pearson matrix of the variables summarised by `summary`, named `names`: each
    /// pair on the rows where both of its variables are present.
    /// - Throws: ``CorrelationError`` for fewer than two variables or a wrong number of names.
    public static func pearson(_ summary: PairwiseCoMoments, names: [String]) throws -> CorrelationResult {
        let k = summary.variableCount
        try validate(variableCount: k, names: names)
        var pairs: [CorrelationResult.Pair] = []
        for i in 0..<k {
            for j in (i + 1)..<k {
                let both = summary.pair(i, j)
                pairs.append(pair(names[i], names[j], r: both.correlation(0, 1), n: both.count))
            }
        }
        return CorrelationResult(variables: names, deletion: .pairwise, n: nil, pairs: pairs)
    }

    /// Throws the ``CorrelationError`` of a matrix that cannot be made whatever the data.
    private static func validate(variableCount k: Int, names: [String]) throws {
        guard k >= 2 else { throw CorrelationError.tooFewVariables(k) }
        guard names.count == k else { throw CorrelationError.nameCount(names: names.count, variables: k) }
    }

    private static func pair(_ x: String, _ y: String, r: Double?, n: Int) -> CorrelationResult.Pair {
        let df = Swift.max(0, n - 2)
        guard let r, n >= 3 else {
            return .init(x: x, y: y, estimate: n >= 2 ? r : nil, statistic: nil, df: df, pValue: nil, n: n)
        }
        guard abs(r) < 1 else {
            return .init(x: x, y: y, estimate: r, statistic: nil, df: df, pValue: 0, n: n)
        }
        let t = r * Double(df).squareRoot() / (1 - r * r).squareRoot()
        return .init(x: x, y: y, estimate: r, statistic: t, df: df,
                     pValue: StudentT.twoSidedP(t, df: Double(df)), n: n)
    }
}
