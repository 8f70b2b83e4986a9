/// Polychoric correlations of ordinal items with the thresholds they rest on. Computed by ``Polychoric``.
///
/// JSON keys: `n, names, thresholds` (per item, its mᵢ − 1 finite-or-infinite cut points on the
/// latent normal scale; an unused end category gives ±∞, encoded as `null`), `matrix` (p × p, row-major).
public struct PolychoricResult: Sendable, Equatable, Encodable {
    /// Complete cases the tables count.
    public var n: Int
    public var names: [String]
    /// τᵢ,₁ … τᵢ,mᵢ₋₁ of each item.
    public var thresholds: [[Double]]
    /// The correlation matrix, p × p, row-major, 1 on the diagonal.
    public var matrix: [Double]

    public init(n: Int, names: [String], thresholds: [[Double]], matrix: [Double]) {
        self.n = n
        self.names = names
        self.thresholds = thresholds
        self.matrix = matrix
    }

    private enum CodingKeys: String, CodingKey { case n, names, thresholds, matrix }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(n, forKey: .n)
        try container.encode(names, forKey: .names)
        try container.encode(thresholds.map { $0.map { $0.isFinite ? $0 : nil } }, forKey: .thresholds)
        try container.encode(matrix, forKey: .matrix)
    }

    /// ρᵢⱼ.
    public func correlation(_ i: Int, _ j: Int) -> Double { matrix[i * names.count + j] }
}
