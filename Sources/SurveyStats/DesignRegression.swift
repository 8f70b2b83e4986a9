import GSL

/// Weighted least squares y = α + xᵀβ + e from a ``DesignSums`` of the predictors followed by the
/// response (the last variable), with
///
/// - sampling weights: the design-based sandwich V = A⁻¹·V_design(U)·A⁻¹ (Binder 1983; Lumley
///   2010, *Complex Surveys*, §5.2; R `svyglm`), A = XᵀWX, U_hi = Σ_{k∈hi} wₖxₖeₖ the PSU score
///   totals, V_design from ``DesignSums/linearisedVariance(dimension:influence:squaredInfluence:)``; t on design
///   df + 1 − p (R `summary.svyglm`);
/// - frequency weights: σ̂² = Σwe²/(W − p), V = σ̂²A⁻¹ (R `lm` on the replicated rows);
/// - analytic weights: σ̂² = Σwe²/(n − p), V = σ̂²A⁻¹ (R `lm(weights = w)`).
///
/// Computed in the centred parameterisation x − x̄ (pooled weighted means), where A is block
/// diagonal, diag(W, C_xx), and the PSU scores come from each PSU's moments:
/// Σw·e = W_hi·ē_hi and Σw(x − x̄)e = C_hi[x, y] − C_hi[x, x]β + W_hi(x̄_hi − x̄)ē_hi with
/// ē_hi = ȳ_hi − ȳ − (x̄_hi − x̄)ᵀβ; then mapped back to the intercept α = ȳ − x̄ᵀβ by the linear
/// map J = [1 −x̄ᵀ; 0 I], V = J·V_c·Jᵀ (the sandwich is equivariant). β solves C_xx β = C_xy by
/// Cholesky: the summary has no rows to factor by QR, so the accuracy is about κ(C_xx)·ε.
///
/// Tested against R 4.2.2, survey 4.1.1 (`svyglm`, `regTermTest`) and `lm` (`Fixtures/design/design.R`).
public enum DesignRegression {
    /// - Parameters:
    ///   - sums: the predictors x₁…x_k then the response, per PSU.
    ///   - predictors: the k predictors' names.
    /// - Throws: ``DesignError``.
    public static func fit(_ sums: DesignSums, predictors: [String], confidenceLevel: Double = 0.95) throws -> DesignRegressionResult {
        let k = predictors.count
        precondition(k >= 1 && sums.variableCount == k + 1, "at least one predictor, then the response")
        let all = sums.pooled
        let p = k + 1
        guard all.count > p else { throw DesignError.tooFewObservations(n: all.count, parameters: p) }
        let w = all.weightSum
        let response = k
        var cxx = Matrix(rows: k, columns: k)
        for i in 0..<k { for j in 0..<k { cxx[i, j] = all.coMoment(i, j) } }
        guard let inverse = try? cxx.inverseSPD().inverse else { throw DesignError.singularDesign(terms: predictors) }
        let beta = (0..<k).map { i in (0..<k).reduce(0.0) { $0 + inverse[i, $1] * all.coMoment($1, response) } }
        let xbar = Array(all.means.prefix(k))
        let intercept = all.means[response] - zip(xbar, beta).reduce(0.0) { $0 + $1.0 * $1.1 }

        // V_c, the covariance of (ȳ-intercept, β) in the centred parameterisation.
        var centred = [Double](repeating: 0, count: p * p)
        let dfResidual: Double
        switch sums.weightType {
        case .sampling:
            let v = try sums.linearisedVariance(dimension: p, influence: { cell in
                guard cell.weightSum > 0 else { return [Double](repeating: 0, count: p) }
                let d = (0..<k).map { cell.means[$0] - xbar[$0] }
                let meanResidual = cell.means[response] - all.means[response] - zip(d, beta).reduce(0.0) { $0 + $1.0 * $1.1 }
                var score = [cell.weightSum * meanResidual / w]
                for i in 0..<k {
                    let residualCoMoment = cell.coMoment(i, response) - (0..<k).reduce(0.0) { $0 + cell.coMoment(i, $1) * beta[$1] }
                    score.append(residualCoMoment + cell.weightSum * d[i] * meanResidual)
                }
                // Influence A_c⁻¹U: the intercept's by 1/W, the slopes' by C_xx⁻¹.
                let slopes = (0..<k).map { i in (0..<k).reduce(0.0) { $0 + inverse[i, $1] * score[1 + $1] } }
                return [score[0]] + slopes
            }, squaredInfluence: { squared in
                // Rows as PSUs: u = w·L_a(x)·e(x) with affine L_a (1/W; C_xx⁻¹(x − x̄)) and residual
                // e = y − ȳ − (x − x̄)ᵀβ, so Σuuᵀ = L_aᵀ·(Σw²e²zzᵀ)·L_b over z = (1, x − c, y − c_y), the
                // fourth moments' origin c: each form's constant is taken at c, as differences c − x̄.
                precondition(sums.keepsFourthMoments, "a regression on rows as PSUs needs the fourth moments")
                let size = p + 1
                let origin = sums.origin.isEmpty ? [Double](repeating: 0, count: p) : sums.origin
                var residual = [Double](repeating: 0, count: size)
                residual[0] = origin[response] - all.means[response]
                for j in 0..<k {
                    residual[0] -= beta[j] * (origin[j] - xbar[j])
                    residual[1 + j] = -beta[j]
                }
                residual[size - 1] = 1
                let moments = FourthMoments(squared, variableCount: p).weighted(bySquareOf: residual)
                var forms = [[Double]](repeating: [Double](repeating: 0, count: size), count: p)
                forms[0][0] = 1 / w
                for j in 0..<k {
                    for l in 0..<k {
                        forms[1 + j][0] += inverse[j, l] * (origin[l] - xbar[l])
                        forms[1 + j][1 + l] = inverse[j, l]
                    }
                }
                var products = [Double](repeating: 0, count: p * p)
                for a in 0..<p {
                    for b in 0..<p {
                        var total = 0.0
                        for r in 0..<size { for s in 0..<size { total += forms[a][r] * moments[r * size + s] * forms[b][s] } }
                        products[a * p + b] = total
                    }
                }
                return products
            })
            centred = v
            dfResidual = sums.degreesOfFreedom + 1 - Double(p)
        case .frequency, .analytic:
            let residualSS = all.coMoment(response, response) - (0..<k).reduce(0.0) { $0 + beta[$1] * all.coMoment($1, response) }
            dfResidual = sums.weightType == .frequency ? w - Double(p) : Double(all.count - p)
            // Analytic weights rescaled to sum to n: σ̂²A⁻¹ is unchanged by the scale.
            let sigma2 = residualSS / dfResidual
            centred[0] = sigma2 / w
            for i in 0..<k { for j in 0..<k { centred[(1 + i) * p + 1 + j] = sigma2 * inverse[i, j] } }
        }
        guard dfResidual > 0 else { throw DesignError.tooFewObservations(n: all.count, parameters: p) }
        // V = J·V_c·Jᵀ with J = [1 −x̄ᵀ; 0 I].
        var j = Matrix(rows: p, columns: p)
        for i in 0..<p { j[i, i] = 1 }
        for i in 0..<k { j[0, 1 + i] = -xbar[i] }
        let covariance = (0..<p).map { a in (0..<p).map { b in
            (0..<p).reduce(0.0) { sa, c in sa + (0..<p).reduce(0.0) { $0 + j[a, c] * centred[c * p + $1] * j[b, $1] } }
        } }
        let estimates = [intercept] + beta
        let names = ["(Intercept)"] + predictors
        let tQuantile = StudentT.quantile(1 - (1 - confidenceLevel) / 2, df: dfResidual)
        let terms = (0..<p).map { i -> DesignRegressionResult.Term in
            let se = covariance[i][i].squareRoot()
            let t = estimates[i] / se
            return .init(term: names[i], estimate: estimates[i], stdError: se, statistic: t,
                         pValue: StudentT.twoSidedP(t, df: dfResidual),
                         confLow: estimates[i] - tQuantile * se, confHigh: estimates[i] + tQuantile * se)
        }
        // Wald test of the slopes: βᵀV_ββ⁻¹β/k.
        var slopeCovariance = Matrix(rows: k, columns: k)
        for a in 0..<k { for b in 0..<k { slopeCovariance[a, b] = covariance[1 + a][1 + b] } }
        guard let slopeInverse = try? slopeCovariance.inverseSPD().inverse else { throw DesignError.singularDesign(terms: predictors) }
        let chiSquare = (0..<k).reduce(0.0) { s, a in s + (0..<k).reduce(0.0) { $0 + beta[a] * slopeInverse[a, $1] * beta[$1] } }
        let f = chiSquare / Double(k)
        return DesignRegressionResult(weightType: sums.weightType, nobs: all.count, weightSum: w, dfResidual: dfResidual,
                                      confLevel: confidenceLevel, terms: terms, statistic: f, df: k,
                                      pValue: FisherF.upperTail(f, df1: Double(k), df2: dfResidual))
    }
}
