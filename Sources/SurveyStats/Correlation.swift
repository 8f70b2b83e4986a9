import GSL

/// Pearson correlation matrix with a two-sided test of each r.
///
///     r = Sₓᵧ / √(SₓₓSᵧᵧ)                 centred cross-products, two passes (never Σxy − n·x̄ȳ)
///     t = r·√(n − 2) / √(1 − r²),  df = n − 2,  p = 2·P(T_df > |t|)   (GSL `gsl_cdf_tdist_Q`)
///
/// (Pearson 1896; the t test of H₀: ρ = 0, Fisher 1915.) Missing data: listwise deletion by
/// default (one n for the matrix, as SPSS CORRELATIONS /MISSING=LISTWISE), or pairwise (each pair
/// on its own complete rows, as R's `cor.test` on two columns).
///
/// Tests: R 4.2.2 `cor.test(x, y)` (estimate, statistic, p.value, parameter + 2) on
/// `Fixtures/descriptives/likert.csv`, listwise and pairwise.
public enum Correlation {
    /// The Pearson matrix of `columns` (one per variable, `Double.nan` for missing) named `names`.
    /// - Throws: ``CorrelationError`` for fewer than two variables, columns of different lengths or
    ///   a wrong number of names.
    public static func pearson(_ columns: [[Double]], names: [String],
                               deletion: CorrelationResult.Deletion = .listwise) throws -> CorrelationResult {
        let k = columns.count
        guard k >= 2 else { throw CorrelationError.tooFewVariables(k) }
        guard names.count == k else { throw CorrelationError.nameCount(names: names.count, variables: k) }
        guard Set(columns.map(\.count)).count == 1 else {
            throw CorrelationError.unequalLengths(names: names, lengths: columns.map(\.count))
        }
        var pairs: [CorrelationResult.Pair] = []
        switch deletion {
        case .listwise:
            let products = CrossProducts(columns: columns, rows: completeRows(columns))
            for i in 0..<k {
                for j in (i + 1)..<k {
                    pairs.append(pair(names[i], names[j], r: products.correlation(i, j), n: products.n))
                }
            }
            return CorrelationResult(variables: names, deletion: deletion, n: products.n, pairs: pairs)
        case .pairwise:
            for i in 0..<k {
                for j in (i + 1)..<k {
                    let products = CrossProducts(columns: [columns[i], columns[j]],
                                                 rows: completeRows([columns[i], columns[j]]))
                    pairs.append(pair(names[i], names[j], r: products.correlation(0, 1), n: products.n))
                }
            }
            return CorrelationResult(variables: names, deletion: deletion, n: nil, pairs: pairs)
        }
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
