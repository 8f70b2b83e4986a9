/// Raked weights, whether and how fast they converged, the margins they achieve and their
/// distribution. See ``Raking``.
public struct RakingResult: Sendable, Equatable, Encodable {
    public struct MarginLevel: Sendable, Equatable, Encodable {
        public var margin: String
        public var level: String
        public var target: Double
        public var achieved: Double
        /// Unweighted rows in the level.
        public var rows: Int
    }

    /// One weight per row.
    public var weights: [Double]
    public var converged: Bool
    /// Full cycles over the margins (each followed by trimming when capped).
    public var iterations: Int
    /// max |achieved − target|/target over all levels after the last cycle.
    public var maxRelativeDeviation: Double
    public var tolerance: Double
    /// The largest weight allowed (cap × mean weight), when trimming.
    public var capWeight: Double?
    /// Rows whose weight sits at the cap.
    public var cappedRows: Int
    public var margins: [MarginLevel]
    public var distribution: WeightDistribution

    /// Everything but the weights themselves (they go to the data file).
    private enum CodingKeys: String, CodingKey {
        case converged, iterations, maxRelativeDeviation = "max_relative_deviation", tolerance,
             capWeight = "cap_weight", cappedRows = "capped_rows", margins, distribution
    }

    /// `cap_weight` is `null` without a cap.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(converged, forKey: .converged)
        try c.encode(iterations, forKey: .iterations)
        try c.encode(maxRelativeDeviation, forKey: .maxRelativeDeviation)
        try c.encode(tolerance, forKey: .tolerance)
        try c.encode(capWeight, forKey: .capWeight)
        try c.encode(cappedRows, forKey: .cappedRows)
        try c.encode(margins, forKey: .margins)
        try c.encode(distribution, forKey: .distribution)
    }
}
