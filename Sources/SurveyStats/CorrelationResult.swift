/// A Pearson correlation matrix as the list of its pairs (upper triangle, in variable order:
/// (1,2), (1,3), …, (2,3), …), each with r, t, two-sided p and its own n.
///
/// Pair keys follow broom's `tidy(cor.test(...))` and corrr's `stretch()`: `x, y, estimate,
/// statistic, df, p_value, n`. Undefined values (r of a constant variable, t and p with n < 3,
/// t when |r| = 1) are `nil` (`null`). Computed by ``Correlation``.
public struct CorrelationResult: Sendable, Equatable, Codable {
    public enum Deletion: String, Sendable, Equatable, Codable {
        /// Only rows complete on every variable (one n for the whole matrix).
        case listwise
        /// Each pair uses the rows complete on both of its variables.
        case pairwise
    }

    public struct Pair: Sendable, Equatable, Codable {
        public var x: String
        public var y: String
        /// Pearson r.
        public var estimate: Double?
        /// t = r√(n − 2)/√(1 − r²).
        public var statistic: Double?
        /// Degrees of freedom n − 2.
        public var df: Int
        /// Two-sided p-value of t.
        public var pValue: Double?
        /// Cases used for this pair.
        public var n: Int

        private enum CodingKeys: String, CodingKey {
            case x, y, estimate, statistic, df, n
            case pValue = "p_value"
        }

        public init(x: String, y: String, estimate: Double?, statistic: Double?, df: Int, pValue: Double?, n: Int) {
            self.x = x
            self.y = y
            self.estimate = estimate
            self.statistic = statistic
            self.df = df
            self.pValue = pValue
            self.n = n
        }
    }

    /// Variable names in matrix order.
    public var variables: [String]
    public var deletion: Deletion
    /// Complete cases with listwise deletion; `nil` with pairwise deletion (see each pair's `n`).
    public var n: Int?
    public var pairs: [Pair]

    public init(variables: [String], deletion: Deletion, n: Int?, pairs: [Pair]) {
        self.variables = variables
        self.deletion = deletion
        self.n = n
        self.pairs = pairs
    }

    private enum CodingKeys: String, CodingKey { case variables, deletion, n, pairs }

    /// The pair of variables `i` and `j` (positions in ``variables``, either order); `nil` for i = j.
    public func pair(_ i: Int, _ j: Int) -> Pair? {
        guard i != j, variables.indices.contains(i), variables.indices.contains(j) else { return nil }
        let (a, b) = (Swift.min(i, j), Swift.max(i, j))
        let k = variables.count
        return pairs[a * (2 * k - a - 1) / 2 + (b - a - 1)]
    }
}
