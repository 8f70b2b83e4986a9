/// Weighted Pearson correlations r_ij = C_ij/√(C_ii·C_jj) from the pooled weighted co-moments
/// C = Σw(x − x̄)(x − x̄)ᵀ: the estimate of the population correlation under sampling weights, the
/// correlation of the replicated rows under frequency weights (R `cov2cor(svyvar(~x + y, design))`,
/// Lumley 2010, *Complex Surveys*, §2.2; the weight type does not change the estimate).
///
/// Tested against R 4.2.2, survey 4.1.1 (`Fixtures/design/design.R`).
public enum DesignCorrelation {
    /// - Throws: ``DesignError/tooFewObservations(n:parameters:)`` below two rows,
    ///   ``DesignError/singularDesign(terms:)`` for a constant variable.
    public static func estimate(_ sums: DesignSums, names: [String]) throws -> DesignCorrelationResult {
        precondition(names.count == sums.variableCount, "one name per variable")
        let all = sums.pooled
        guard all.count >= 2 else { throw DesignError.tooFewObservations(n: all.count, parameters: 1) }
        let p = sums.variableCount
        if let constant = (0..<p).first(where: { !(all.coMoment($0, $0) > 0) }) {
            throw DesignError.singularDesign(terms: [names[constant]])
        }
        var matrix = [Double](repeating: 1, count: p * p)
        for i in 0..<p {
            for j in 0..<p where i != j {
                matrix[i * p + j] = all.coMoment(i, j) / (all.coMoment(i, i) * all.coMoment(j, j)).squareRoot()
            }
        }
        return DesignCorrelationResult(names: names, n: all.count, weightSum: all.weightSum, matrix: matrix)
    }
}
