/// Weighted means and totals of variables (or the proportions and weighted counts of a factor's
/// levels) with their standard errors under a weight type and design. See ``DesignMeans``.
public struct DesignMeansResult: Sendable, Equatable, Codable {
    public struct Row: Sendable, Equatable, Codable {
        public var name: String
        public var mean: Double
        public var stdError: Double
        public var confLow: Double
        public var confHigh: Double
        /// Σw·x (a weighted count for a level's indicator); n·x̄ under analytic weights (rescaled to sum to n).
        public var total: Double
        /// The total's design-based SE; `nil` for frequency and analytic weights.
        public var totalStdError: Double?
        /// Variance over that of a simple random sample without replacement of the same n from a
        /// population of Σw (R `svymean(deff = TRUE)`); `nil` when Σw ≤ n, for a constant (R: NaN) or
        /// without sampling weights.
        public var designEffect: Double?
        /// Variance over that of a simple random sample with replacement (R `deff = "replace"`); `nil`
        /// for a constant or without sampling weights.
        public var designEffectWithReplacement: Double?

        private enum CodingKeys: String, CodingKey {
            case name, mean, stdError = "std_error", confLow = "conf_low", confHigh = "conf_high", total,
                 totalStdError = "total_std_error", designEffect = "deff", designEffectWithReplacement = "deff_replacement"
        }

        /// Optional values encoded as `null` when undefined.
        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(mean, forKey: .mean)
            try c.encode(stdError, forKey: .stdError)
            try c.encode(confLow, forKey: .confLow)
            try c.encode(confHigh, forKey: .confHigh)
            try c.encode(total, forKey: .total)
            try c.encode(totalStdError, forKey: .totalStdError)
            try c.encode(designEffect, forKey: .designEffect)
            try c.encode(designEffectWithReplacement, forKey: .designEffectWithReplacement)
        }
    }

    public var weightType: WeightType
    /// Rows with a positive weight and a value.
    public var n: Int
    public var weightSum: Double
    /// Kish's effective sample size (Σw)²/Σw² under sampling weights; Σw under frequency weights
    /// (the replicated rows); n under analytic weights (the n of their SEs).
    public var effectiveN: Double
    /// Kish's design effect of unequal weights, n·Σw²/(Σw)² = 1 + CV² (CV with divisor n), under
    /// sampling weights; 1 under frequency and analytic weights.
    public var kishDesignEffect: Double
    /// Degrees of freedom of the t quantiles of the intervals (``DesignSums/degreesOfFreedom``).
    public var df: Double
    public var confLevel: Double
    public var rows: [Row]

    private enum CodingKeys: String, CodingKey {
        case weightType = "weight_type", n, weightSum = "weight_sum", effectiveN = "effective_n",
             kishDesignEffect = "kish_deff", df, confLevel = "conf_level", rows
    }
}
