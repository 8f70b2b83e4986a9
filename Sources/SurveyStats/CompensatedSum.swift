/// Neumaier's improved Kahan summation: the running sum and the rounding error lost so far.
struct CompensatedSum {
    private var sum = 0.0
    private var compensation = 0.0

    /// Adds `x`, keeping the exact rounding error of `sum + x` by Knuth's branch-free two-sum
    /// (TAOCP vol. 2, §4.2.2, theorem B): the same error term Neumaier's comparison gives, without a
    /// branch the processor could mispredict.
    @inline(__always)
    mutating func add(_ x: Double) {
        let t = sum + x
        let z = t - sum
        compensation += (sum - (t - z)) + (x - z)
        sum = t
    }

    var value: Double { sum + compensation }
}
