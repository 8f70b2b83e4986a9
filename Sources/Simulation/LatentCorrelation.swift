import SurveyStats

/// The correlation matrix of the latent normals behind a wave's columns, and its Cholesky factor.
///
/// Each pair of columns gets the two-step polychoric correlation of their coarsened categories
/// (``ColumnMarginal/estimationCategories``) over the rows where both are answered (pairwise
/// deletion), by ``Polychoric``; a pair with no such row or a column with one category used gets 0.
/// A matrix of pairwise estimates need not be positive definite; it is then shrunk toward the
/// identity, R(λ) = (1 − λ)·R + λ·I, with the least λ in steps of 0.01 whose ``Cholesky`` factor
/// exists (λ = 1 always does). Cost: p(p − 1)/2 polychoric fits for p columns.
struct LatentCorrelation {
    /// Row-major p × p.
    let matrix: [Double]
    /// L with R(λ) = LLᵀ, row-major.
    let factor: [Double]
    /// The λ applied (0 when the pairwise matrix was positive definite).
    let shrinkage: Double

    /// λ moves in steps of 1/100.
    static let shrinkageSteps = 100

    init(_ marginals: [ColumnMarginal]) {
        let p = marginals.count
        var matrix = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            matrix[i * p + i] = 1
            for j in (i + 1)..<p {
                let rho = Self.polychoric(marginals[i], marginals[j])
                matrix[i * p + j] = rho
                matrix[j * p + i] = rho
            }
        }
        for step in 0...Self.shrinkageSteps {
            let lambda = Double(step) / Double(Self.shrinkageSteps)
            let shrunk = matrix.indices.map { $0 % (p + 1) == 0 ? 1 : (1 - lambda) * matrix[$0] }
            if let factor = Cholesky.lowerFactor(of: shrunk, size: p) {
                (self.matrix, self.factor, shrinkage) = (shrunk, factor, lambda)
                return
            }
        }
        // λ = 1 is the identity, whose factor always exists; this line is not reached.
        (self.matrix, self.factor, shrinkage) = (matrix, matrix.indices.map { $0 % (p + 1) == 0 ? 1 : 0 }, 1)
    }

    /// The polychoric correlation of two columns over the rows where both are answered; 0 when it
    /// cannot be estimated.
    static func polychoric(_ a: ColumnMarginal, _ b: ColumnMarginal) -> Double {
        let levels = [a, b].map { marginal in (0..<marginal.estimationCategoryCount).map(Double.init) }
        let table = PairwiseContingency(levels: levels, categories: [a.estimationCategories, b.estimationCategories])
        guard let result = try? Polychoric.correlations(table, names: [a.name, b.name]) else { return 0 }
        return result.correlation(0, 1)
    }
}
