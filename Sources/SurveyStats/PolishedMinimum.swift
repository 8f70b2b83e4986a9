import GSL

/// The minimum of a smooth discrepancy function (F_ML of a covariance structure) to the rounding
/// of its gradient: GSL's BFGS (``Minimizer``) from a start, then Newton steps θ ← θ − H⁻¹∇F with H
/// by central differences of the analytic gradient (step 10⁻⁵, symmetrised), since BFGS stalls where
/// the changes of F reach its rounding (a gradient norm near 10⁻⁸). A Newton step is taken only
/// while it shrinks the gradient and H is positive definite.
struct PolishedMinimum {
    var point: [Double]
    var value: Double
    var gradient: [Double]
    /// BFGS iterations taken.
    var iterations: Int

    /// Newton steps at most after BFGS.
    static let newtonSteps = 8

    /// Whether ‖∇F‖ is below `tolerance` at a finite value.
    func converged(below tolerance: Double) -> Bool { norm(gradient) < tolerance && value.isFinite }

    /// Minimises `objective` (value and gradient; +∞ where undefined) from `start`.
    init(start: [Double], gradientTolerance: Double, maxIterations: Int,
         objective: @escaping ([Double]) -> (value: Double, gradient: [Double])) throws {
        let minimum = try Minimizer.bfgs(start: start, gradientTolerance: gradientTolerance,
                                         maxIterations: maxIterations, objective: objective)
        var theta = minimum.point, value = minimum.value, gradient = minimum.gradient
        for _ in 0..<Self.newtonSteps where norm(gradient) >= gradientTolerance && value.isFinite {
            guard let step = Self.newtonStep(theta, gradient: gradient, objective: objective) else { break }
            let next = zip(theta, step).map { $0 - $1 }
            let evaluated = objective(next)
            guard evaluated.value.isFinite, norm(evaluated.gradient) < norm(gradient) else { break }
            (theta, value, gradient) = (next, evaluated.value, evaluated.gradient)
        }
        (point, self.value, self.gradient, iterations) = (theta, value, gradient, minimum.iterations)
    }

    /// H⁻¹∇F at θ; `nil` when H is not positive definite (not near a minimum).
    private static func newtonStep(_ theta: [Double], gradient: [Double],
                                   objective: ([Double]) -> (value: Double, gradient: [Double])) -> [Double]? {
        let m = theta.count, h = 1e-5
        var hessian = Matrix(rows: m, columns: m)
        for j in 0..<m {
            var plus = theta, minus = theta
            plus[j] += h
            minus[j] -= h
            let up = objective(plus).gradient, down = objective(minus).gradient
            for i in 0..<m { hessian[i, j] = (up[i] - down[i]) / (2 * h) }
        }
        for i in 0..<m {
            for j in 0..<i { (hessian[i, j], hessian[j, i]) = ((hessian[i, j] + hessian[j, i]) / 2, (hessian[i, j] + hessian[j, i]) / 2) }
        }
        guard let (inverse, _) = try? hessian.inverseSPD() else { return nil }
        return (0..<m).map { i in (0..<m).reduce(0) { $0 + inverse[i, $1] * gradient[$1] } }
    }
}

/// The Euclidean norm.
func norm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 }.squareRoot() }
