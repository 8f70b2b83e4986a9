import GSL

/// The confirmatory factor model of correlated factors with simple structure, Σ = ΛΦΛᵀ + Ψ (each
/// item loads on one factor, Φ the factor correlation matrix, Ψ diagonal), fitted to a covariance
/// matrix S by maximum likelihood (Jöreskog 1969, *Psychometrika* 34:183):
///
///     F_ML = log|Σ| + tr(SΣ⁻¹) − log|S| − p,   G = Σ⁻¹(Σ − S)Σ⁻¹,
///     ∂F/∂λᵢ = 2Σⱼ Gᵢⱼλⱼφ_f(i)f(j),   ∂F/∂φₐᵦ = 2Σ_{i∈a, j∈b} Gᵢⱼλᵢλⱼ,   ∂F/∂ψᵢ = Gᵢᵢ
///
/// minimised by ``PolishedMinimum`` in the correlation metric R = D⁻¹SD⁻¹ (F_ML is scale-free) and
/// mapped back: λᵢ = Dᵢλ*ᵢ, ψᵢ = Dᵢ²ψ*ᵢ, Φ unchanged. Start: ψ*ᵢ = 1 − SMCᵢ, λ*ᵢ = √SMCᵢ (SMC kept
/// within [.1, .9]) signed as the item's correlation with its factor's most correlated item, Φ = I.
/// A factor's sign is not identified; it is chosen so that its loadings sum to 0 or more. ψ and φ
/// are unconstrained, so improper solutions (ψᵢ < 0, |φₐᵦ| > 1) show as such, as in lavaan.
///
/// With one factor it is the model of McDonald's ω (``Omega``). BFGS iterations are bounded (100 + 20
/// per parameter; nine items as one factor converge in about 25) so that a model without a proper
/// minimum (e.g. a handful of cases) fails fast as not converged.
///
/// Tested through ``ConfirmatoryFactorAnalysis`` and ``Omega`` against lavaan 0.6-14 `cfa(std.lv = TRUE)`.
struct CorrelatedFactorsModel {
    /// λ, in the units of the items.
    var loadings: [Double]
    /// Φ, m × m, row-major, 1 on the diagonal.
    var correlations: [Double]
    /// ψ; negative in a Heywood case.
    var residualVariances: [Double]
    /// F_ML at the minimum, and −log|R| of the independence model.
    var discrepancy: Double, baselineDiscrepancy: Double
    /// √(mean over i ≥ j of (rᵢⱼ − σ*ᵢⱼ)²).
    var srmr: Double

    /// Largest gradient norm, in the correlation metric, at which the minimum is accepted.
    static let gradientTolerance = 1e-10

    /// Fits the model with `factorOf[i]` the factor (0 ..< factorCount) of item i to the p × p
    /// covariance matrix `covariance` (row-major).
    /// - Throws: ``ConfirmatoryFactorAnalysisError/notPositiveDefinite`` or `.notConverged`.
    init(covariance s: [Double], factorOf: [Int], factorCount m: Int) throws {
        let p = factorOf.count
        let scale = (0..<p).map { s[$0 * p + $0].squareRoot() }
        guard scale.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw ConfirmatoryFactorAnalysisError.notPositiveDefinite }
        var r = Matrix(rows: p, columns: p)
        for i in 0..<p { for j in 0..<p { r[i, j] = i == j ? 1 : s[i * p + j] / (scale[i] * scale[j]) } }
        guard let (rInverse, logDetR) = try? r.inverseSPD() else { throw ConfirmatoryFactorAnalysisError.notPositiveDefinite }

        let pairs = Self.pairs(m)
        let smc = (0..<p).map { Swift.min(0.9, Swift.max(0.1, 1 - 1 / rInverse[$0, $0])) }
        let anchors = (0..<m).map { a in
            let items = (0..<p).filter { factorOf[$0] == a }
            return items.max { x, y in
                items.reduce(0) { $0 + abs(r[x, $1]) } < items.reduce(0) { $0 + abs(r[y, $1]) }
            } ?? 0
        }
        let start = (0..<p).map { (r[$0, anchors[factorOf[$0]]] < 0 ? -1 : 1) * smc[$0].squareRoot() }
            + [Double](repeating: 0, count: pairs.count) + smc.map { 1 - $0 }

        let objective = { (theta: [Double]) in Self.discrepancy(theta, r: r, logDetR: logDetR, factorOf: factorOf, pairs: pairs) }
        let minimum = try PolishedMinimum(start: start, gradientTolerance: Self.gradientTolerance,
                                          maxIterations: 100 + 20 * start.count, objective: objective)
        guard minimum.converged(below: Self.gradientTolerance) else {
            throw ConfirmatoryFactorAnalysisError.notConverged(iterations: minimum.iterations, gradientNorm: norm(minimum.gradient))
        }
        let theta = minimum.point
        let signs = (0..<m).map { a -> Double in
            (0..<p).filter { factorOf[$0] == a }.reduce(0) { $0 + theta[$1] } < 0 ? -1 : 1
        }
        let l = (0..<p).map { signs[factorOf[$0]] * theta[$0] }
        var phi = [Double](repeating: 0, count: m * m)
        for a in 0..<m { phi[a * m + a] = 1 }
        for (k, (a, b)) in pairs.enumerated() {
            phi[a * m + b] = signs[a] * signs[b] * theta[p + k]
            phi[b * m + a] = phi[a * m + b]
        }
        let u = Array(theta[(p + pairs.count)...])
        loadings = (0..<p).map { l[$0] * scale[$0] }
        correlations = phi
        residualVariances = (0..<p).map { u[$0] * scale[$0] * scale[$0] }
        discrepancy = Swift.max(0, minimum.value)
        baselineDiscrepancy = Swift.max(0, -logDetR)
        var squares = 0.0
        for i in 0..<p {
            for j in 0...i {
                let residual = r[i, j] - (l[i] * l[j] * phi[factorOf[i] * m + factorOf[j]] + (i == j ? u[i] : 0))
                squares += residual * residual
            }
        }
        srmr = (squares / Double(p * (p + 1) / 2)).squareRoot()
    }

    /// The factor pairs a < b in the order (0,1), (0,2), …, (1,2), ….
    static func pairs(_ m: Int) -> [(Int, Int)] {
        (0..<m).flatMap { a in ((a + 1)..<m).map { (a, $0) } }
    }

    /// F_ML and its gradient at θ = (λ*, φ over pairs, ψ*) for R; +∞ where Σ is not positive definite.
    private static func discrepancy(_ theta: [Double], r: Matrix, logDetR: Double, factorOf: [Int], pairs: [(Int, Int)]) -> (value: Double, gradient: [Double]) {
        let p = factorOf.count, m = (factorOf.max() ?? 0) + 1
        var phi = [Double](repeating: 0, count: m * m)
        for a in 0..<m { phi[a * m + a] = 1 }
        for (k, (a, b)) in pairs.enumerated() { phi[a * m + b] = theta[p + k]; phi[b * m + a] = theta[p + k] }
        let psiOffset = p + pairs.count
        var sigma = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in 0..<p {
                sigma[i, j] = theta[i] * theta[j] * phi[factorOf[i] * m + factorOf[j]] + (i == j ? theta[psiOffset + i] : 0)
            }
        }
        guard let (inverse, logDet) = try? sigma.inverseSPD() else {
            return (.infinity, [Double](repeating: 0, count: theta.count))
        }
        var a = Matrix(rows: p, columns: p)
        var trace = 0.0
        for i in 0..<p {
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<p { sum += inverse[i, k] * r[k, j] }
                a[i, j] = sum
            }
            trace += a[i, i]
        }
        var g = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<p { sum += a[i, k] * inverse[k, j] }
                g[i, j] = inverse[i, j] - sum
            }
        }
        var gradient = [Double](repeating: 0, count: theta.count)
        var factorSums = [Double](repeating: 0, count: m * m)
        for i in 0..<p {
            var sum = 0.0
            for j in 0..<p {
                sum += (g[i, j] + g[j, i]) * theta[j] * phi[factorOf[i] * m + factorOf[j]]
                factorSums[factorOf[i] * m + factorOf[j]] += g[i, j] * theta[i] * theta[j]
            }
            gradient[i] = sum
            gradient[psiOffset + i] = g[i, i]
        }
        for (k, (a, b)) in pairs.enumerated() { gradient[p + k] = factorSums[a * m + b] + factorSums[b * m + a] }
        return (logDet + trace - logDetR - Double(p), gradient)
    }
}
