import GSL

/// The covariance matrix of maximum-likelihood estimates θ̂ of a covariance structure Σ(θ) under
/// multivariate normality, from the expected (Fisher) information per case
///
///     I(θ)ₐᵦ = ½ tr(Σ⁻¹ ∂Σ/∂θₐ Σ⁻¹ ∂Σ/∂θᵦ),     Cov(θ̂) = I(θ̂)⁻¹ / n
///
/// (Browne 1984, *Br. J. Math. Stat. Psychol.* 37:62, eq. 2.12; Bollen 1989, *Structural Equations
/// with Latent Variables*, §4.4), as lavaan computes standard errors by default for `estimator = "ML"`
/// on complete data (`information = "expected"`, `likelihood = "normal"`: n, not n − 1).
/// Tested through ``Omega`` and ``ConfirmatoryFactorAnalysis`` against lavaan 0.6-14 standard errors.
enum ExpectedInformation {
    /// Cov(θ̂) from Σ at the estimates and the derivatives ∂Σ/∂θₐ (each p × p, symmetric), for n cases;
    /// `nil` when the information matrix is singular (a parameter not identified, e.g. in an improper solution).
    static func covariance(sigma: Matrix, derivatives: [Matrix], n: Double) -> Matrix? {
        guard let (inverse, _) = try? sigma.inverseSPD() else { return nil }
        let p = sigma.rows, m = derivatives.count
        // Bₐ = Σ⁻¹ ∂Σ/∂θₐ, then Iₐᵦ = ½ Σᵢⱼ (Bₐ)ᵢⱼ (Bᵦ)ⱼᵢ.
        let products = derivatives.map { derivative -> [Double] in
            var b = [Double](repeating: 0, count: p * p)
            for i in 0..<p {
                for k in 0..<p where inverse[i, k] != 0 {
                    let v = inverse[i, k]
                    for j in 0..<p { b[i * p + j] += v * derivative[k, j] }
                }
            }
            return b
        }
        var information = Matrix(rows: m, columns: m)
        for a in 0..<m {
            for c in 0...a {
                var sum = 0.0
                for i in 0..<p { for j in 0..<p { sum += products[a][i * p + j] * products[c][j * p + i] } }
                information[a, c] = n * sum / 2
                information[c, a] = n * sum / 2
            }
        }
        return try? information.inverseSPD().inverse
    }
}
