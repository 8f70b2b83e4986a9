import GSL

/// A sample described by its size, mean and standard deviation: enough for the t-based confidence
/// interval of its mean and for comparing two samples (``MeanDifference``) without their values.
///
/// SE = s/√n; the confidence interval is x̄ ∓ t(1 − α/2, n − 1)·SE (Student 1908; R `t.test(x)`).
/// Tested against R 4.2.2 `t.test(x)$conf.int` (`WaveComparisonTests`).
public struct SampleSummary: Sendable, Equatable, Codable {
    /// Number of valid cases.
    public let n: Int
    /// `nil` when n = 0.
    public let mean: Double?
    /// Sample SD (denominator n − 1); `nil` when n < 2.
    public let sd: Double?

    public init(n: Int, mean: Double?, sd: Double?) {
        self.n = n
        self.mean = mean
        self.sd = sd
    }

    /// The summary of the valid cases that `moments` describes.
    public init(_ moments: Moments) {
        self.init(n: moments.count, mean: moments.count > 0 ? moments.mean : nil, sd: moments.standardDeviation)
    }

    /// SE = s/√n; `nil` when n < 2.
    public var standardError: Double? { sd.map { $0 / Double(n).squareRoot() } }

    /// x̄ ∓ t(1 − α/2, n − 1)·SE at `level` = 1 − α; `nil` when n < 2.
    public func confidenceInterval(level: Double = 0.95) -> ClosedRange<Double>? {
        guard let mean, let se = standardError else { return nil }
        let half = StudentT.quantile(1 - (1 - level) / 2, df: Double(n - 1)) * se
        return (mean - half)...(mean + half)
    }
}
