/// Descriptive statistics of a variable: n, missing, mean, SD, median, extremes, skewness and
/// excess kurtosis with their standard errors.
///
/// - Mean and SD: corrected two-pass moments (``Moments``), SD with denominator n − 1.
/// - Median: the middle order statistic, or the mean of the two middle ones for even n (R `median`,
///   SPSS).
/// - Skewness G₁ and excess kurtosis G₂ and their standard errors: SPSS's "type 2" formulas
///   (Joanes & Gill 1998), see ``Moments/skewness``, ``Moments/kurtosis``,
///   ``Moments/standardErrorOfSkewness``, ``Moments/standardErrorOfKurtosis``.
///
/// Tests: values from R 4.2.2, `psych::describe(x, type = 2)` (psych 2.2.9) on the fixture
/// `Fixtures/descriptives/likert.csv`, and the NIST StRD univariate sets (certified mean and SD).
public enum Descriptives {
    /// Describes one variable; `Double.nan` marks a missing value.
    ///
    /// With an `offset`, `values` are deviations from it (values that share leading digits, read
    /// exactly as SurveyData's `CenteredDecimals`): the location statistics (mean, median, min, max)
    /// have the offset added back, the others do not depend on it.
    public static func describe(_ values: [Double], name: String, offset: Double = 0) -> DescriptivesResult {
        let moments = Moments(values)
        var described = result(name: name, moments: moments, missing: values.count - moments.count,
                               median: median(values))
        if offset != 0 {
            for location in [\DescriptivesResult.mean, \.median, \.min, \.max] {
                described[keyPath: location] = described[keyPath: location].map { offset + $0 }
            }
        }
        return described
    }

    /// Describes a variable from its tally (e.g. of the one-byte Likert codes of a large file, or
    /// merged from parts of a wave); the same result as ``describe(_:name:)`` on the expanded values.
    public static func describe(_ tally: ValueTally, name: String) -> DescriptivesResult {
        result(name: name, moments: tally.moments, missing: tally.missing, median: tally.median)
    }

    /// Assembles the result from a summary computed elsewhere (e.g. merged per-chunk ``Moments``)
    /// and a median obtained separately.
    public static func result(name: String, moments: Moments, missing: Int, median: Double?) -> DescriptivesResult {
        DescriptivesResult(
            name: name, n: moments.count, missing: missing,
            mean: moments.count > 0 ? moments.mean : nil,
            sd: moments.standardDeviation,
            median: median, min: moments.min, max: moments.max,
            skewness: moments.skewness, kurtosis: moments.kurtosis,
            seSkewness: moments.standardErrorOfSkewness, seKurtosis: moments.standardErrorOfKurtosis)
    }

    /// The median of the valid values (NaN skipped): the middle one, or the mean of the two
    /// middle ones; `nil` without valid values. The middle order statistics are found by
    /// selection (Hoare's quickselect, expected O(n)), not by sorting.
    public static func median(_ values: [Double]) -> Double? {
        var valid = values.filter { !$0.isNaN }
        guard !valid.isEmpty else { return nil }
        let middle = valid.count / 2
        let upper = select(middle, in: &valid)
        if valid.count % 2 == 1 { return upper }
        let lower = valid[..<middle].max()!  // after selection, everything before `middle` is ≤ upper
        return lower + (upper - lower) / 2
    }

    /// The value of zero-based rank `k` in ascending order; afterwards `values[..<k]` ≤ it ≤ `values[(k+1)...]`.
    static func select(_ k: Int, in values: inout [Double]) -> Double {
        var low = 0, high = values.count - 1
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        while low < high {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let pivot = values[low + Int((seed >> 33) % UInt64(high - low + 1))]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return values[k] }
        }
        return values[k]
    }
}
