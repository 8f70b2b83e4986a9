/// Internal consistency of a scale: Cronbach's α raw and standardized with a Feldt confidence
/// interval, and per item the corrected item–total correlation and α if the item is deleted.
///
/// JSON keys follow `psych::alpha` in broom style: `n, k, alpha, std_alpha, r_bar, conf_low,
/// conf_high, conf_level, n_excluded, items[name, mean, sd, r_drop, alpha_if_deleted], warnings`.
/// Undefined values are `nil` (`null`). Computed by ``Reliability``.
public struct ReliabilityResult: Sendable, Equatable, Codable {
    /// One item of the scale, on the complete cases.
    public struct Item: Sendable, Equatable, Codable {
        public var name: String
        public var mean: Double?
        public var sd: Double?
        /// Corrected item–total correlation: the item with the sum of the other items (`r.drop`).
        public var rDrop: Double?
        /// Raw α of the other k − 1 items (`nil` for k = 2).
        public var alphaIfDeleted: Double?

        private enum CodingKeys: String, CodingKey {
            case name, mean, sd
            case rDrop = "r_drop", alphaIfDeleted = "alpha_if_deleted"
        }

        public init(name: String, mean: Double?, sd: Double?, rDrop: Double?, alphaIfDeleted: Double?) {
            self.name = name
            self.mean = mean
            self.sd = sd
            self.rDrop = rDrop
            self.alphaIfDeleted = alphaIfDeleted
        }
    }

    /// Complete cases used (listwise deletion).
    public var n: Int
    /// Number of items.
    public var k: Int
    /// Rows dropped because at least one item was missing.
    public var excludedCases: Int
    /// Raw (covariance-based) Cronbach's α.
    public var alpha: Double?
    /// Standardized α from the mean inter-item correlation.
    public var standardizedAlpha: Double?
    /// Mean inter-item correlation r̄.
    public var meanInterItemCorrelation: Double?
    /// Feldt confidence interval of the raw α.
    public var confLow: Double?
    public var confHigh: Double?
    /// Coverage of the interval, e.g. 0.95.
    public var confLevel: Double
    public var items: [Item]
    public var warnings: [ReliabilityWarning]

    private enum CodingKeys: String, CodingKey {
        case n, k, alpha, items, warnings
        case excludedCases = "n_excluded", standardizedAlpha = "std_alpha", meanInterItemCorrelation = "r_bar"
        case confLow = "conf_low", confHigh = "conf_high", confLevel = "conf_level"
    }

    public init(n: Int, k: Int, excludedCases: Int, alpha: Double?, standardizedAlpha: Double?,
                meanInterItemCorrelation: Double?, confLow: Double?, confHigh: Double?, confLevel: Double,
                items: [Item], warnings: [ReliabilityWarning]) {
        self.n = n
        self.k = k
        self.excludedCases = excludedCases
        self.alpha = alpha
        self.standardizedAlpha = standardizedAlpha
        self.meanInterItemCorrelation = meanInterItemCorrelation
        self.confLow = confLow
        self.confHigh = confHigh
        self.confLevel = confLevel
        self.items = items
        self.warnings = warnings
    }
}
