/// The raw fourth-order sums Σw²·z_r·z_s·z_c·z_d of a stratum's rows (z_0 = 1, z_1…z_m its
/// variables) from their moments under the weights w² of the vector (x, xₐx_b for a ≤ b), as
/// ``DesignSums/RowPSUSums`` keeps them: with S = Σw², μ the w²-weighted means and C the co-moments,
/// Σw²·xₐx_b = S·μ_ab, Σw²·xₐx_bx_c = C_ab,c + S·μ_ab·μ_c and Σw²·xₐx_bx_cx_d = C_ab,cd + S·μ_ab·μ_cd.
///
/// A regression's linearised value for a row is w·L₁(x)·L₂(x) with affine L (its design row times
/// its residual), so Σ_k uₖuₖᵀ of a stratum whose rows are its PSUs is a contraction of these sums.
struct FourthMoments {
    let variableCount: Int
    let moments: WeightedMoments

    init(_ squared: WeightedMoments, variableCount m: Int) {
        precondition(squared.variableCount == m + m * (m + 1) / 2, "moments of x and of its products")
        variableCount = m
        moments = squared
    }

    /// Where xₐx_b (0-based, a ≤ b) lies in the moments' variables.
    private func product(_ a: Int, _ b: Int) -> Int {
        variableCount + a * variableCount - a * (a - 1) / 2 + (b - a)
    }

    /// Σw²·z_a·z_b·z_c·z_d (0 the constant, 1…m the variables).
    func sum(_ a: Int, _ b: Int, _ c: Int, _ d: Int) -> Double {
        // The variables among the four, 0-based and ascending (a sorting network on four).
        var v = (a - 1, b - 1, c - 1, d - 1)
        if v.0 > v.1 { swap(&v.0, &v.1) }
        if v.2 > v.3 { swap(&v.2, &v.3) }
        if v.0 > v.2 { swap(&v.0, &v.2) }
        if v.1 > v.3 { swap(&v.1, &v.3) }
        if v.1 > v.2 { swap(&v.1, &v.2) }
        let s = moments.weightSum
        let mu = moments.means
        // -1 marks the constant; after sorting, constants come first.
        switch (v.0 >= 0, v.1 >= 0, v.2 >= 0) {
        case (true, _, _):
            let q = product(v.0, v.1), r = product(v.2, v.3)
            return moments.coMoment(q, r) + s * mu[q] * mu[r]
        case (false, true, _):
            let q = product(v.1, v.2)
            return moments.coMoment(q, v.3) + s * mu[q] * mu[v.3]
        case (false, false, true):
            return s * mu[product(v.2, v.3)]
        default:
            return v.3 >= 0 ? s * mu[v.3] : s
        }
    }

    /// Σw²·L(x)²·z zᵀ, (m + 1) × (m + 1) row-major, for the affine form L(x) = l·z (l₀ the constant).
    func weighted(bySquareOf l: [Double]) -> [Double] {
        let size = variableCount + 1
        var result = [Double](repeating: 0, count: size * size)
        for r in 0..<size {
            for s in r..<size {
                var total = 0.0
                for c in 0..<size where l[c] != 0 {
                    for d in 0..<size where l[d] != 0 { total += l[c] * l[d] * sum(r, s, c, d) }
                }
                result[r * size + s] = total
                result[s * size + r] = total
            }
        }
        return result
    }
}
