/// Neumaier's improved Kahan summation: the running sum and the rounding error lost so far.
/// (Inlinable: it is the inner loop of the moments, co-moments and regression passes.)
public struct CompensatedSum {
    @usableFromInline var sum = 0.0
    @usableFromInline var compensation = 0.0

    @inlinable public init() {}

    /// Adds `x`, keeping the exact rounding error of `sum + x` by Knuth's branch-free two-sum
    /// (TAOCP vol. 2, §4.2.2, theorem B): the same error term Neumaier's comparison gives, without a
    /// branch the processor could mispredict.
    @inlinable @inline(__always)
    public mutating func add(_ x: Double) {
        let t = sum + x
        let z = t - sum
        compensation += (sum - (t - z)) + (x - z)
        sum = t
    }

    @inlinable public var value: Double { sum + compensation }
}
