/// A frequency table of one Likert item or categorical variable: every declared level in order
/// (zero counts included), then the missing rows, and for Likert items the top-2-box share.
///
/// Percentages are on the 0–100 scale at full precision: `percent` of all rows, `valid_percent` of
/// the non-missing rows, `cumulative_percent` of the non-missing rows up to and including the level
/// (cumulated from counts, so the last level is exactly 100). A percentage of zero rows is `nil`.
/// Built by ``Frequencies``.
public struct FrequencyTableResult: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable {
        /// Ordered scale points; the table gets a top-2-box share.
        case likert
        /// Unordered or ordered categories without a top-2-box share.
        case categorical
    }

    /// One declared level.
    public struct LevelRow: Sendable, Equatable, Codable {
        /// The value as coded in the data (`"4"`, `"north"`).
        public var value: String
        public var label: String
        public var count: Int
        public var percent: Double?
        public var validPercent: Double?
        public var cumulativePercent: Double?

        private enum CodingKeys: String, CodingKey {
            case value, label, count, percent
            case validPercent = "valid_percent", cumulativePercent = "cumulative_percent"
        }
    }

    /// One kind of missing answer: system-missing (blank, `code` nil) or a user-missing code.
    public struct MissingRow: Sendable, Equatable, Codable {
        /// The user-missing code (`"98"`), or `nil` for system-missing (blank) cells.
        public var code: String?
        public var label: String
        public var count: Int
        /// Share of all rows.
        public var percent: Double?
    }

    public var name: String
    public var kind: Kind
    /// All rows: valid plus missing.
    public var total: Int
    /// Valid (non-missing) rows.
    public var n: Int
    public var levels: [LevelRow]
    public var missing: [MissingRow]
    /// Share of valid answers in the two highest levels, in percent (Likert only; `nil` otherwise,
    /// with fewer than two levels or without valid answers).
    public var topTwoBox: Double?

    private enum CodingKeys: String, CodingKey {
        case name, kind, total, n, levels, missing
        case topTwoBox = "top2_box"
    }

    public init(name: String, kind: Kind, total: Int, n: Int, levels: [LevelRow], missing: [MissingRow],
                topTwoBox: Double?) {
        self.name = name
        self.kind = kind
        self.total = total
        self.n = n
        self.levels = levels
        self.missing = missing
        self.topTwoBox = topTwoBox
    }
}
