import CGSL

/// Linear least squares min ‖y − Xb‖ by column-pivoted Householder QR, never the normal equations.
///
/// The method (Golub & Van Loan 2013, *Matrix Computations*, 4th ed., §5.4.1 and §5.5.6; Björck 1996,
/// *Numerical Methods for Least Squares Problems*, §2.5.3 and §2.9):
/// 1. Every column of X is divided by its Euclidean norm dⱼ, so that the pivoting compares directions,
///    not units (NIST Filip's columns x⁰…x¹⁰ span 10 orders of magnitude; scaling divides the
///    condition number that QR sees by about 10⁶).
/// 2. `gsl_linalg_QRPT_decomp` factors the scaled matrix as A·P = Q·R with |R₁₁| ≥ |R₂₂| ≥ ….
/// 3. The numerical rank r is the number of diagonal elements with |Rᵢᵢ| > τ·|R₁₁|, with
///    τ = max(n, p)·ε (ε = 2.22·10⁻¹⁶, the relative precision of a double; the tolerance LAPACK's and
///    NumPy's rank decisions use). An exactly dependent column leaves |Rᵢᵢ| at the level of rounding,
///    about ε·√n, and is declared aliased; Filip (smallest scaled |Rᵢᵢ|/|R₁₁| ≈ 10⁻¹⁰) keeps all
///    eleven columns, where R's `lm` (τ = 10⁻⁷) drops one.
/// 4. b solves R₁₁·z = (Qᵀy)₁…ᵣ by back substitution and is then refined by Björck's iterative
///    refinement of the augmented system [I A; Aᵀ 0]·[r; z] = [y; 0] (Björck 1967, "Iterative
///    refinement of linear least squares solutions I", *BIT* 7:257), with the residuals y − r − Xb
///    and Aᵀr accumulated in double-double arithmetic (``DotAccumulator``). Unlike refining b alone,
///    this also removes the κ²-sized error of large-residual problems (NIST Wampler4/5), and it
///    recovers exact coefficients for exactly fitting data (Wampler1: residuals exactly 0).
/// 5. The unscaled covariance (XᵀX)⁻¹ = T·Tᵀ with T = D⁻¹·P·R₁₁⁻¹ comes from the triangular factor.
///
/// Tested on all eleven NIST StRD linear regression sets (`NISTRegressionTests`) and in
/// `LeastSquaresTests`.
public enum LeastSquares {
    /// The rank tolerance factor τ for an n × p design: max(n, p)·ε.
    public static func rankTolerance(rows: Int, columns: Int) -> Double {
        Double(max(rows, columns)) * Double.ulpOfOne
    }

    /// Solves min ‖y − Xb‖₂.
    /// - Parameters:
    ///   - design: X, n × p with n ≥ 1 and p ≥ 1.
    ///   - response: y, n values (finite).
    ///   - representedRows: when [X y] is the reduction Qᵀ[X′ y′] of a taller system by orthogonal
    ///     transformations (same solution, same column norms), the number of rows of X′, so that the
    ///     rank tolerance — and with it the rank and aliasing decisions — is that of X′; `nil` = n.
    /// - Throws: ``GSLError`` if GSL reports a failure.
    public static func solve(_ design: Matrix, _ response: [Double], representedRows: Int? = nil) throws -> LeastSquaresFit {
        let n = design.rows, p = design.columns
        precondition(n >= 1 && p >= 1 && response.count == n, "least squares needs n ≥ 1 rows, p ≥ 1 columns and n responses")
        GSLRuntime.ready

        // 1. Column norms and the scaled copy A = X·D⁻¹.
        var norms = [Double](repeating: 0, count: p)
        for j in 0..<p {
            var scale = 0.0
            for i in 0..<n { scale = max(scale, abs(design[i, j])) }
            var sum = 0.0
            if scale > 0 { for i in 0..<n { let v = design[i, j] / scale; sum += v * v } }
            norms[j] = scale > 0 ? scale * sum.squareRoot() : 1
        }
        let a = gsl_matrix_alloc(n, p)!
        defer { gsl_matrix_free(a) }
        for i in 0..<n { for j in 0..<p { gsl_matrix_set(a, i, j, design[i, j] / norms[j]) } }

        // 2. A·P = Q·R.
        let k = min(n, p)
        let tau = gsl_vector_alloc(k)!, work = gsl_vector_alloc(p)!
        let permutation = gsl_permutation_alloc(p)!
        defer { gsl_vector_free(tau); gsl_vector_free(work); gsl_permutation_free(permutation) }
        var signum: Int32 = 0
        try check(gsl_linalg_QRPT_decomp(a, tau, permutation, &signum, work), "gsl_linalg_QRPT_decomp")
        let order = (0..<p).map { gsl_permutation_get(permutation, $0) }   // position → original column

        // 3. Numerical rank.
        let r00 = abs(gsl_matrix_get(a, 0, 0))
        let threshold = rankTolerance(rows: representedRows ?? n, columns: p) * r00
        var rank = 0
        while rank < k, r00 > 0, abs(gsl_matrix_get(a, rank, rank)) > threshold { rank += 1 }

        // R₁₁ (rank × rank, upper triangular) and its inverse.
        var r11 = Matrix(rows: rank, columns: rank)
        for i in 0..<rank { for j in i..<rank { r11[i, j] = gsl_matrix_get(a, i, j) } }
        let r11Inverse = upperTriangularInverse(r11)

        // Aliased columns and the kept columns each depends on: R₁₁·u = R₁₂[:, c].
        var dependencies: [Int: [Int]] = [:]
        for position in rank..<p {
            var u = (0..<rank).map { gsl_matrix_get(a, $0, position) }
            backSubstitute(r11, &u)
            let largest = u.map(abs).max() ?? 0
            let involved = (0..<rank).filter { largest > 0 && abs(u[$0]) > 1e-6 * largest }.map { order[$0] }
            dependencies[order[position]] = involved.sorted()
        }

        // 4. Solve in the scaled, permuted coordinates, then refine (Björck's augmented system).
        let work1 = gsl_vector_alloc(n)!
        defer { gsl_vector_free(work1) }
        let kept = Array(order[0..<rank])
        /// Solves r + A·z = f, Aᵀ·r = g for (z, r) with A = Q·R: h = R⁻ᵀg, d = Qᵀf,
        /// z = R⁻¹(d₁ − h), r = Q·[h; d₂] (Björck 1996, §2.9.3).
        func solveAugmented(_ f: [Double], _ g: [Double]) throws -> (z: [Double], r: [Double]) {
            var h = g
            forwardSubstituteTransposed(r11, &h)
            for i in 0..<n { gsl_vector_set(work1, i, f[i]) }
            try check(gsl_linalg_QR_QTvec(a, tau, work1), "gsl_linalg_QR_QTvec")
            var z = (0..<rank).map { gsl_vector_get(work1, $0) - h[$0] }
            backSubstitute(r11, &z)
            for i in 0..<rank { gsl_vector_set(work1, i, h[i]) }
            try check(gsl_linalg_QR_Qvec(a, tau, work1), "gsl_linalg_QR_Qvec")
            return (z, (0..<n).map { gsl_vector_get(work1, $0) })
        }
        var coefficients = [Double](repeating: 0, count: p)
        var residuals = [Double](repeating: 0, count: n)
        let initial = try solveAugmented(response, [Double](repeating: 0, count: rank))
        for (m, column) in kept.enumerated() { coefficients[column] = initial.z[m] / norms[column] }
        residuals = initial.r
        for _ in 0..<refinementSteps {
            // f = y − r − Xb and g = −Aᵀr, each accumulated in double-double.
            let f = exactResiduals(design, response, coefficients, minus: residuals)
            let g = kept.map { column in
                -design.elements.withUnsafeBufferPointer {
                    dot2(UnsafeBufferPointer(rebasing: $0[column...]), stride: p, residuals)
                } / norms[column]
            }
            let (dz, dr) = try solveAugmented(f, g)
            var changed = false
            for (m, column) in kept.enumerated() {
                let updated = coefficients[column] + dz[m] / norms[column]
                if updated != coefficients[column] { changed = true }
                coefficients[column] = updated
            }
            for i in 0..<n { residuals[i] += dr[i] }
            if !changed { break }
        }
        residuals = exactResiduals(design, response, coefficients, minus: nil)

        // 5. T = D⁻¹·P·R₁₁⁻¹ (p × rank; rows of aliased columns are zero).
        var factor = Matrix(rows: p, columns: rank)
        for position in 0..<rank {
            let column = order[position]
            for m in 0..<rank { factor[column, m] = r11Inverse[position, m] / norms[column] }
        }
        let aliased = order[rank...].sorted()
        return LeastSquaresFit(
            coefficients: (0..<p).map { aliased.contains($0) ? nil : coefficients[$0] },
            rank: rank,
            aliasedDependencies: dependencies,
            residuals: residuals,
            inverseFactor: factor)
    }

    /// Björck refinement steps after the first solve (each stops early once b no longer changes).
    static let refinementSteps = 4

    /// y − Xb (− r when given) with each row's sum accumulated in double-double arithmetic
    /// (``DotAccumulator``).
    static func exactResiduals(_ x: Matrix, _ y: [Double], _ b: [Double], minus r: [Double]?) -> [Double] {
        var residuals = [Double](repeating: 0, count: x.rows)
        x.elements.withUnsafeBufferPointer { e in
            let p = x.columns
            for i in 0..<x.rows {
                var sum = DotAccumulator()
                sum.add(y[i])
                if let r { sum.add(-r[i]) }
                for j in 0..<p where b[j] != 0 { sum.addProduct(-e[i * p + j], b[j]) }
                residuals[i] = sum.value
            }
        }
        return residuals
    }

    /// Σ aᵢbᵢ in double-double arithmetic (``DotAccumulator``).
    static func dot2(_ a: UnsafeBufferPointer<Double>, stride: Int, _ b: [Double]) -> Double {
        var sum = DotAccumulator()
        for i in 0..<b.count { sum.addProduct(a[i * stride], b[i]) }
        return sum.value
    }

    /// Solves Uᵀ·x = v in place for upper-triangular U.
    static func forwardSubstituteTransposed(_ u: Matrix, _ v: inout [Double]) {
        for i in 0..<u.rows {
            var s = v[i]
            for j in 0..<i { s -= u[j, i] * v[j] }
            v[i] = s / u[i, i]
        }
    }

    /// Solves U·x = v in place for upper-triangular U.
    static func backSubstitute(_ u: Matrix, _ v: inout [Double]) {
        for i in stride(from: u.rows - 1, through: 0, by: -1) {
            var s = v[i]
            for j in (i + 1)..<u.rows { s -= u[i, j] * v[j] }
            v[i] = s / u[i, i]
        }
    }

    /// U⁻¹ of an upper-triangular U, column by column.
    static func upperTriangularInverse(_ u: Matrix) -> Matrix {
        let m = u.rows
        var inverse = Matrix(rows: m, columns: m)
        for column in 0..<m {
            var e = [Double](repeating: 0, count: m)
            e[column] = 1
            backSubstitute(u, &e)
            for i in 0..<m { inverse[i, column] = e[i] }
        }
        return inverse
    }
}

/// The solution of a least-squares problem (see ``LeastSquares/solve(_:_:)``).
public struct LeastSquaresFit: Sendable, Equatable {
    /// b per column of X; `nil` for an aliased column (linearly dependent on earlier pivots).
    public let coefficients: [Double?]
    /// The numerical rank of X.
    public let rank: Int
    /// For each aliased column, the kept columns it is (numerically) a linear combination of.
    public let aliasedDependencies: [Int: [Int]]
    /// y − Xb.
    public let residuals: [Double]
    /// T (p × rank) with X·T = Q₁, the orthonormal basis of the column space, and T·Tᵀ = (XᵀX)⁻¹.
    /// Rows of aliased columns are zero. Leverages are hᵢᵢ = ‖xᵢᵀT‖².
    public let inverseFactor: Matrix

    /// Indices of the aliased columns, ascending.
    public var aliasedColumns: [Int] { aliasedDependencies.keys.sorted() }

    /// Σ residuals², with Neumaier's compensated summation.
    public var residualSumOfSquares: Double {
        var sum = 0.0, compensation = 0.0
        for r in residuals {
            let term = r * r
            let t = sum + term
            compensation += abs(sum) >= term ? (sum - t) + term : (term - t) + sum
            sum = t
        }
        return sum + compensation
    }

    /// The unscaled covariance (XᵀX)⁻¹ = T·Tᵀ, p × p (zero rows and columns for aliased columns).
    public var unscaledCovariance: Matrix {
        let p = inverseFactor.rows, r = inverseFactor.columns
        var v = Matrix(rows: p, columns: p)
        for i in 0..<p {
            for j in i..<p {
                var s = 0.0
                for m in 0..<r { s += inverseFactor[i, m] * inverseFactor[j, m] }
                v[i, j] = s
                v[j, i] = s
            }
        }
        return v
    }
}
