import CGSL

/// Unconstrained minimisation of a smooth function of several variables with its gradient, by GSL's
/// BFGS quasi-Newton method (`gsl_multimin_fdfminimizer_vector_bfgs2`: Fletcher 1987, *Practical
/// Methods of Optimization*, 2nd ed., algorithms 2.6.2 and 2.6.4, line search to the strong Wolfe
/// conditions).
///
/// The objective is a Swift closure; it is handed to GSL through the `params` pointer for the duration
/// of the call only, so no C type appears in the API. A point where the objective is undefined (e.g. a
/// covariance matrix that is not positive definite) should return `.infinity`: the line search then
/// shortens its step.
public enum Minimizer {
    /// Where the search ended.
    public struct Minimum: Sendable, Equatable {
        /// The point x reached.
        public var point: [Double]
        /// f(x).
        public var value: Double
        /// ∇f(x).
        public var gradient: [Double]
        /// Iterations taken.
        public var iterations: Int
        /// Whether ‖∇f(x)‖ fell below the tolerance asked for (`gsl_multimin_test_gradient`).
        public var converged: Bool
    }

    /// Minimises f from `start` until the Euclidean norm of the gradient is below
    /// `gradientTolerance`, the line search can make no further progress, or `maxIterations` pass.
    /// - Parameters:
    ///   - objective: returns f(x) and ∇f(x) (as many components as x) for a point x.
    ///   - initialStep: the length of the first trial step.
    ///   - lineTolerance: the accuracy of each line minimisation (GSL's `tol`; 0.1 is its advice for BFGS).
    /// - Throws: ``GSLError`` if GSL reports a failure other than running out of progress.
    public static func bfgs(start: [Double], gradientTolerance: Double, maxIterations: Int,
                            initialStep: Double = 0.1, lineTolerance: Double = 0.1,
                            objective: @escaping ([Double]) -> (value: Double, gradient: [Double])) throws -> Minimum {
        precondition(!start.isEmpty, "minimisation needs at least one variable")
        GSLRuntime.ready
        let n = start.count
        let box = Unmanaged.passRetained(ObjectiveBox(objective)).toOpaque()
        defer { Unmanaged<ObjectiveBox>.fromOpaque(box).release() }
        var function = gsl_multimin_function_fdf(
            f: { x, params in ObjectiveBox.from(params).evaluate(x).value },
            df: { x, params, gradient in ObjectiveBox.from(params).store(x, into: gradient) },
            fdf: { x, params, value, gradient in value?.pointee = ObjectiveBox.from(params).store(x, into: gradient) },
            n: n, params: box)
        let x = gsl_vector_alloc(n)!
        defer { gsl_vector_free(x) }
        for (i, v) in start.enumerated() { gsl_vector_set(x, i, v) }
        guard let state = gsl_multimin_fdfminimizer_alloc(gsl_multimin_fdfminimizer_vector_bfgs2, n) else {
            throw GSLError(code: Int32(GSL_ENOMEM), function: "gsl_multimin_fdfminimizer_alloc")
        }
        defer { gsl_multimin_fdfminimizer_free(state) }
        try check(gsl_multimin_fdfminimizer_set(state, &function, x, initialStep, lineTolerance), "gsl_multimin_fdfminimizer_set")
        var iterations = 0, converged = false
        while iterations < maxIterations {
            converged = gsl_multimin_test_gradient(gsl_multimin_fdfminimizer_gradient(state), gradientTolerance) == GSL_SUCCESS
            if converged { break }
            iterations += 1
            let status = gsl_multimin_fdfminimizer_iterate(state)
            if status == GSL_ENOPROG { break }
            try check(status, "gsl_multimin_fdfminimizer_iterate")
        }
        if !converged {
            converged = gsl_multimin_test_gradient(gsl_multimin_fdfminimizer_gradient(state), gradientTolerance) == GSL_SUCCESS
        }
        let point = gsl_multimin_fdfminimizer_x(state)!, gradient = gsl_multimin_fdfminimizer_gradient(state)!
        return Minimum(point: (0..<n).map { gsl_vector_get(point, $0) },
                       value: gsl_multimin_fdfminimizer_minimum(state),
                       gradient: (0..<n).map { gsl_vector_get(gradient, $0) },
                       iterations: iterations, converged: converged)
    }
}

/// The Swift objective behind GSL's `params` pointer.
private final class ObjectiveBox {
    let objective: ([Double]) -> (value: Double, gradient: [Double])

    init(_ objective: @escaping ([Double]) -> (value: Double, gradient: [Double])) { self.objective = objective }

    static func from(_ params: UnsafeMutableRawPointer?) -> ObjectiveBox {
        Unmanaged<ObjectiveBox>.fromOpaque(params!).takeUnretainedValue()
    }

    func evaluate(_ x: UnsafePointer<gsl_vector>?) -> (value: Double, gradient: [Double]) {
        let vector = x!
        return objective((0..<vector.pointee.size).map { gsl_vector_get(vector, $0) })
    }

    /// Writes ∇f(x) into `gradient` and returns f(x).
    func store(_ x: UnsafePointer<gsl_vector>?, into gradient: UnsafeMutablePointer<gsl_vector>?) -> Double {
        let result = evaluate(x)
        for (i, g) in result.gradient.enumerated() { gsl_vector_set(gradient!, i, g) }
        return result.value
    }
}
