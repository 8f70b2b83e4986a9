/// The weighted (design-consistent) Pearson correlations of p variables over their complete rows.
/// See ``DesignCorrelation``.
public struct DesignCorrelationResult: Sendable, Equatable, Codable {
    public var names: [String]
    /// Rows with a positive weight and every value.
    public var n: Int
    public var weightSum: Double
    /// p × p, row-major, 1 on the diagonal.
    public var matrix: [Double]

    private enum CodingKeys: String, CodingKey { case names, n, weightSum = "weight_sum", matrix }
}
