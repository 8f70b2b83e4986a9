/// A sum of terms and products in double-double arithmetic: a running sum and the rounding error
/// of every addition and product, each captured exactly — products split by fused multiply-add,
/// sums by Knuth's two-sum (Ogita, Rump & Oishi 2005, "Accurate sum and dot product",
/// *SIAM J. Sci. Comput.* 26:1955, Algorithm Dot2). The result is as accurate as if computed in
/// twice the working precision, then rounded: what least-squares refinement needs for residuals
/// y − Xb of nearly fitting data (``LeastSquares``), and what a regression's residuals are.
public struct DotAccumulator: Sendable {
    public private(set) var sum = 0.0
    public private(set) var error = 0.0

    public init() {}

    /// Adds x.
    @inline(__always)
    public mutating func add(_ x: Double) {
        let t = sum + x
        let z = t - sum
        error += (sum - (t - z)) + (x - z)
        sum = t
    }

    /// Adds a·b.
    @inline(__always)
    public mutating func addProduct(_ a: Double, _ b: Double) {
        let product = a * b
        error += (-product).addingProduct(a, b)
        add(product)
    }

    /// The sum, rounded once.
    public var value: Double { sum + error }
}
