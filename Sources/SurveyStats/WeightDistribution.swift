import ComputeSupport

/// The spread of a set of weights: minimum, quartiles (R's default `quantile`, type 7: linear
/// interpolation between order statistics at h = (n − 1)p), maximum, mean, the coefficient of
/// variation CV = s/w̄ with s² = Σ(w − w̄)²/n, and Kish's design effect of unequal weighting
/// 1 + CV² = n·Σw²/(Σw)² with its effective sample size n/(1 + CV²) (Kish 1965, *Survey Sampling*,
/// §11.7; Kish 1992, "Weighting for unequal Pᵢ", *J. Off. Stat.* 8:183).
public struct WeightDistribution: Sendable, Equatable, Codable {
    public var n: Int
    public var sum: Double
    public var min: Double
    public var lowerQuartile: Double
    public var median: Double
    public var upperQuartile: Double
    public var max: Double
    public var mean: Double
    public var coefficientOfVariation: Double
    public var kishDesignEffect: Double
    public var effectiveN: Double

    private enum CodingKeys: String, CodingKey {
        case n, sum, min, lowerQuartile = "q1", median, upperQuartile = "q3", max, mean,
             coefficientOfVariation = "cv", kishDesignEffect = "kish_deff", effectiveN = "effective_n"
    }

    /// The distribution of `weights` (at least one).
    public init(_ weights: [Double]) {
        precondition(!weights.isEmpty, "at least one weight")
        let sorted = weights.sorted()
        func quantile(_ p: Double) -> Double {
            let h = Double(sorted.count - 1) * p
            let lower = Int(h.rounded(.down))
            let upper = Swift.min(lower + 1, sorted.count - 1)
            return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
        }
        var total = CompensatedSum()
        for w in weights { total.add(w) }
        n = weights.count
        sum = total.value
        mean = sum / Double(n)
        var squares = CompensatedSum()
        for w in weights { squares.add((w - mean) * (w - mean)) }
        coefficientOfVariation = (squares.value / Double(n)).squareRoot() / mean
        kishDesignEffect = 1 + coefficientOfVariation * coefficientOfVariation
        effectiveN = Double(n) / kishDesignEffect
        min = sorted[0]
        max = sorted[sorted.count - 1]
        lowerQuartile = quantile(0.25)
        median = quantile(0.5)
        upperQuartile = quantile(0.75)
    }
}
