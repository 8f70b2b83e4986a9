import GSL

/// Variance inflation factors per design column and generalized VIFs per term.
///
/// With C the correlation matrix of the coefficient estimates (`cov2cor` of (XᵀX)⁻¹ without the
/// intercept row and column), the generalized VIF of a term with columns S is
/// GVIF = det(C_SS)·det(C_S̄S̄)/det(C) (Fox & Monette 1992, "Generalized collinearity diagnostics",
/// *JASA* 87:178, eq. 10), reported with Df = |S| and GVIF^(1/(2·Df)). For one column it is the
/// classical VIF 1/(1 − R²ⱼ), R²ⱼ from regressing column j on the others. Determinants by Cholesky.
/// Without an intercept the whole matrix is used, as `car::vif` does (with its warning that VIFs
/// may not be sensible).
///
/// Tested against R 4.2.2 `car::vif` 3.1-1 (`RegressionTests`).
struct VarianceInflation {
    /// VIF per design column; `nil` for the intercept.
    let columnVIF: [Double?]
    let terms: [RegressionResult.GeneralizedVIF]

    init(covariance: Matrix, interceptColumn: Int?, termColumns: [(term: String, columns: [Int])]) {
        let p = covariance.rows
        let kept = (0..<p).filter { $0 != interceptColumn }
        var correlation = Matrix(rows: kept.count, columns: kept.count)
        for (a, i) in kept.enumerated() {
            for (b, j) in kept.enumerated() {
                correlation[a, b] = covariance[i, j] / (covariance[i, i] * covariance[j, j]).squareRoot()
            }
        }
        let logDetAll = try? correlation.logDeterminantSPD()
        func gvif(_ subset: [Int]) -> Double? {
            guard let logDetAll else { return nil }
            let inside = subset.compactMap { kept.firstIndex(of: $0) }
            let outside = (0..<kept.count).filter { !inside.contains($0) }
            guard let a = try? correlation.submatrix(rows: inside, columns: inside).logDeterminantSPD(),
                  let b = try? correlation.submatrix(rows: outside, columns: outside).logDeterminantSPD()
            else { return nil }
            return Elementary.exp(a + b - logDetAll)
        }
        columnVIF = (0..<p).map { $0 == interceptColumn ? nil : gvif([$0]) }
        terms = termColumns.compactMap { term in
            gvif(term.columns).map {
                RegressionResult.GeneralizedVIF(term: term.term, gvif: $0, df: term.columns.count,
                                                adjustedGVIF: Elementary.pow($0, 1 / Double(2 * term.columns.count)))
            }
        }
    }
}
