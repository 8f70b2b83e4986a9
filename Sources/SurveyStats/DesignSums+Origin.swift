extension DesignSums.RowPSUSums {
    /// The same rows' sums about the origin `to` instead of `from` (per variable of x; empty: 0).
    ///
    /// With y = x − from and y′ = x − to = y + δ, δ = from − to, the vector v = (y, yₐy_b for a ≤ b)
    /// maps affinely: y′ₐ = yₐ + δₐ and y′ₐy′_b = yₐy_b + δ_b·yₐ + δₐ·y_b + δₐδ_b, so v′ = A·v + t,
    /// the means become A·μ + t and the co-moments A·C·Aᵀ (each row of A has at most three entries).
    func rebased(variableCount m: Int, from: [Double], to: [Double]) -> Self {
        let delta = (0..<m).map { (from.isEmpty ? 0 : from[$0]) - (to.isEmpty ? 0 : to[$0]) }
        guard squared.weightSum > 0, delta.contains(where: { $0 != 0 }) else { return self }
        let dimension = squared.variableCount
        precondition(dimension == m + m * (m + 1) / 2, "moments of x and of its products")
        // Row i of A as (column, coefficient) pairs, and t.
        var terms = (0..<dimension).map { [(column: $0, coefficient: 1.0)] }
        var shift = [Double](repeating: 0, count: dimension)
        for a in 0..<m { shift[a] = delta[a] }
        var index = m
        for a in 0..<m {
            for b in a..<m {
                terms[index] += a == b ? [(a, 2 * delta[a])] : [(a, delta[b]), (b, delta[a])]
                shift[index] = delta[a] * delta[b]
                index += 1
            }
        }
        let means = (0..<dimension).map { i in terms[i].reduce(shift[i]) { $0 + $1.coefficient * squared.means[$1.column] } }
        var left = [Double](repeating: 0, count: dimension * dimension)   // A·C
        for i in 0..<dimension {
            for (k, coefficient) in terms[i] where coefficient != 0 {
                for j in 0..<dimension { left[i * dimension + j] += coefficient * squared.coMoments[k * dimension + j] }
            }
        }
        var coMoments = [Double](repeating: 0, count: dimension * dimension)   // A·C·Aᵀ
        for i in 0..<dimension {
            for j in i..<dimension {
                let value = terms[j].reduce(0.0) { $0 + $1.coefficient * left[i * dimension + $1.column] }
                coMoments[i * dimension + j] = value
                coMoments[j * dimension + i] = value
            }
        }
        return Self(rows: rows, squared: WeightedMoments(count: squared.count, weightSum: squared.weightSum,
                                                         squaredWeightSum: squared.squaredWeightSum, means: means, coMoments: coMoments))
    }
}

extension DesignSums {
    /// The same sums with the fourth moments about `origin` (one value per variable).
    func rebased(to origin: [Double]) -> DesignSums {
        guard keepsFourthMoments, origin != self.origin else { return self }
        var moved = self
        moved.rowStrata = rowStrata.mapValues { $0.rebased(variableCount: variableCount, from: self.origin, to: origin) }
        moved.origin = origin
        return moved
    }
}
