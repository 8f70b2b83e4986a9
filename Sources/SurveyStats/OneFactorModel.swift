import GSL

/// The one-factor model Σ = λλᵀ + Ψ (factor variance 1, Ψ diagonal) fitted to a covariance matrix
/// by maximum likelihood: λ and ψ minimise the discrepancy (Jöreskog 1969, *Psychometrika* 34:183)
///
///     F_ML(λ, ψ) = log|Σ| + tr(SΣ⁻¹) − log|S| − p,     ∂F/∂λ = 2Gλ,  ∂F/∂ψᵢ = Gᵢᵢ,  G = Σ⁻¹(Σ − S)Σ⁻¹
///
/// with GSL's BFGS finished by Newton steps (``PolishedMinimum``) until ‖∇F‖ < 10⁻¹⁰, ψ unconstrained
/// so that a Heywood case (ψᵢ < 0) shows as one, as in lavaan. F_ML is scale-free, so the model is fitted to the correlation matrix R = D⁻¹SD⁻¹
/// (D² = diag S) and mapped back: λᵢ = Dᵢλ*ᵢ, ψᵢ = Dᵢ²ψ*ᵢ. Start: uniquenesses 1 − SMCᵢ (squared
/// multiple correlations, Rᵢ² = 1 − 1/(R⁻¹)ᵢᵢ, kept within [.1, .9]) and loadings √SMCᵢ, signed as
/// the item's correlation with the item of the largest total absolute correlation. The sign of λ is
/// not identified; it is chosen so that Σλᵢ ≥ 0.
///
/// Tested through ``Omega`` against lavaan 0.6-14 `cfa(..., std.lv = TRUE)` (`OmegaTests`).
struct OneFactorModel {
    /// λ, in the units of the items.
    var loadings: [Double]
    /// ψ, the residual (unique) variances; negative in a Heywood case.
    var residualVariances: [Double]
    /// F_ML at the minimum (0 or more).
    var discrepancy: Double
    /// −log|R| = F_ML of the independence model Σ = diag S (the baseline of CFI and TLI).
    var baselineDiscrepancy: Double
    /// The root mean square of the residual correlations rᵢⱼ − σᵢⱼ/√(sᵢᵢsⱼⱼ) over i ≥ j (SRMR).
    var srmr: Double

    /// Largest gradient norm, in the correlation metric, at which the minimum is accepted.
    static let gradientTolerance = 1e-10
    /// BFGS iterations at most for p items: ample (nine items converge in about 25), and bounded so
    /// that a model without a proper minimum (e.g. a handful of cases) fails fast as not converged.
    static func maxIterations(itemCount p: Int) -> Int { 100 + 20 * p }
    /// Fits the model to the covariance matrix `covariance` (p × p, row-major, p ≥ 3).
    /// - Throws: ``OmegaError/notPositiveDefinite`` when S is singular (a constant item, or items
    ///   that are exact linear combinations of each other, or no more cases than items);
    ///   ``OmegaError/notConverged(iterations:gradientNorm:)`` when the minimiser stops short.
    init(covariance s: [Double], itemCount p: Int) throws {
        let scale = (0..<p).map { s[$0 * p + $0].squareRoot() }
        guard scale.allSatisfy({ $0 > 0 && $0.isFinite }) else { throw OmegaError.notPositiveDefinite }
        var r = Matrix(rows: p, columns: p)
        for i in 0..<p { for j in 0..<p { r[i, j] = i == j ? 1 : s[i * p + j] / (scale[i] * scale[j]) } }
        guard let (rInverse, logDetR) = try? r.inverseSPD() else { throw OmegaError.notPositiveDefinite }

        let anchor = (0..<p).max { a, b in
            (0..<p).reduce(0) { $0 + abs(r[a, $1]) } < (0..<p).reduce(0) { $0 + abs(r[b, $1]) }
        } ?? 0
        let smc = (0..<p).map { Swift.min(0.9, Swift.max(0.1, 1 - 1 / rInverse[$0, $0])) }
        let start = (0..<p).map { (r[$0, anchor] < 0 ? -1 : 1) * smc[$0].squareRoot() } + smc.map { 1 - $0 }

        let objective = { (theta: [Double]) in Self.discrepancy(theta, r: r, logDetR: logDetR, p: p) }
        let minimum = try PolishedMinimum(start: start, gradientTolerance: Self.gradientTolerance,
                                          maxIterations: Self.maxIterations(itemCount: p), objective: objective)
        guard minimum.converged(below: Self.gradientTolerance) else {
            throw OmegaError.notConverged(iterations: minimum.iterations, gradientNorm: norm(minimum.gradient))
        }
        let theta = minimum.point, value = minimum.value
        let sign: Double = theta[0..<p].reduce(0, +) < 0 ? -1 : 1
        let l = theta[0..<p].map { sign * $0 }, u = Array(theta[p...])
        loadings = (0..<p).map { l[$0] * scale[$0] }
        residualVariances = (0..<p).map { u[$0] * scale[$0] * scale[$0] }
        discrepancy = Swift.max(0, value)
        baselineDiscrepancy = Swift.max(0, -logDetR)
        var squares = 0.0
        for i in 0..<p {
            for j in 0...i {
                let residual = r[i, j] - (l[i] * l[j] + (i == j ? u[i] : 0))
                squares += residual * residual
            }
        }
        srmr = (squares / Double(p * (p + 1) / 2)).squareRoot()
    }

    /// F_ML and its gradient at θ = (λ*, ψ*) for the correlation matrix R; +∞ where Σ is not
    /// positive definite (the line search then steps back).
    private static func discrepancy(_ theta: [Double], r: Matrix, logDetR: Double, p: Int) -> (value: Double, gradient: [Double]) {
        var sigma = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in 0..<p { sigma[i, j] = theta[i] * theta[j] + (i == j ? theta[p + i] : 0) }
        }
        guard let (inverse, logDet) = try? sigma.inverseSPD() else {
            return (.infinity, [Double](repeating: 0, count: 2 * p))
        }
        // tr(RΣ⁻¹) and A = Σ⁻¹R
        var trace = 0.0
        var a = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<p { sum += inverse[i, k] * r[k, j] }
                a[i, j] = sum
            }
            trace += a[i, i]
        }
        // G = Σ⁻¹ − Σ⁻¹RΣ⁻¹ = Σ⁻¹ − AΣ⁻¹
        var g = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in 0..<p {
                var sum = 0.0
                for k in 0..<p { sum += a[i, k] * inverse[k, j] }
                g[i, j] = inverse[i, j] - sum
            }
        }
        var gradient = [Double](repeating: 0, count: 2 * p)
        for i in 0..<p {
            var sum = 0.0
            for j in 0..<p { sum += (g[i, j] + g[j, i]) * theta[j] }
            gradient[i] = sum
            gradient[p + i] = g[i, i]
        }
        return (logDet + trace - logDetR - Double(p), gradient)
    }
}
