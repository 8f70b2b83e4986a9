/// Means and the matrix of centred cross-products Sᵢⱼ = Σᵣ (xᵣᵢ − x̄ᵢ)(xᵣⱼ − x̄ⱼ) of columns over
/// chosen rows, by two passes (corrected two-pass means from ``Moments``, then compensated sums of
/// the products of deviations); never from raw sums Σxy − n·x̄ȳ. Covariances are Sᵢⱼ/(n − 1) and
/// correlations Sᵢⱼ/√(SᵢᵢSⱼⱼ).
struct CrossProducts {
    let n: Int
    let means: [Double]
    /// Symmetric k × k.
    let matrix: [[Double]]

    init(columns: [[Double]], rows: [Int]) {
        n = rows.count
        means = columns.map { column in Moments(rows.lazy.map { column[$0] }).mean }
        let k = columns.count
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for i in 0..<k {
            for j in i..<k {
                var sum = CompensatedSum()
                let (a, b, ma, mb) = (columns[i], columns[j], means[i], means[j])
                for r in rows { sum.add((a[r] - ma) * (b[r] - mb)) }
                matrix[i][j] = sum.value
                matrix[j][i] = sum.value
            }
        }
        self.matrix = matrix
    }

    /// Pearson r of columns i and j; `nil` when either has zero variance.
    func correlation(_ i: Int, _ j: Int) -> Double? {
        let denominator = (matrix[i][i] * matrix[j][j]).squareRoot()
        guard denominator > 0 else { return nil }
        return Swift.max(-1, Swift.min(1, matrix[i][j] / denominator))
    }
}

/// Indices of the rows where every column holds a value (listwise deletion).
func completeRows(_ columns: [[Double]]) -> [Int] {
    let count = columns.first?.count ?? 0
    return (0..<count).filter { r in columns.allSatisfy { !$0[r].isNaN } }
}
