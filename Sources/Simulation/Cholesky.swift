/// The Cholesky factor of a symmetric matrix: the lower-triangular L with A = LLᵀ, by the
/// Cholesky–Banachiewicz recurrence (Golub & Van Loan 2013, *Matrix Computations*, 4th ed., Alg. 4.2.2):
///
///     Lⱼⱼ = √(Aⱼⱼ − Σₖ<ⱼ Lⱼₖ²),   Lᵢⱼ = (Aᵢⱼ − Σₖ<ⱼ Lᵢₖ Lⱼₖ) / Lⱼⱼ   (i > j).
///
/// Written here because the GSL wrapper factors only inside its determinant and inverse; the
/// matrices are correlation matrices of at most a few hundred columns. A pivot at or below
/// `1e-10 · Aⱼⱼ` counts as not positive definite (the caller then shrinks the matrix).
enum Cholesky {
    /// L (row-major, `size × size`, zeros above the diagonal) of the row-major `matrix`, or `nil`
    /// when it is not (numerically) positive definite.
    static func lowerFactor(of matrix: [Double], size: Int) -> [Double]? {
        var factor = [Double](repeating: 0, count: size * size)
        for i in 0..<size {
            for j in 0...i {
                var sum = matrix[i * size + j]
                for k in 0..<j { sum -= factor[i * size + k] * factor[j * size + k] }
                if i == j {
                    guard sum > 1e-10 * matrix[i * size + i], sum.isFinite else { return nil }
                    factor[i * size + i] = sum.squareRoot()
                } else {
                    factor[i * size + j] = sum / factor[j * size + j]
                }
            }
        }
        return factor
    }
}
