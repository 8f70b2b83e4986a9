/// One row of an analysis-of-variance table, in R broom's vocabulary (`tidy.aov`):
/// `term, df, sumsq, meansq, statistic, p_value`. The residual row has no statistic or p-value.
public struct AnovaTableRow: Sendable, Equatable, Codable {
    /// "Regression", "Residual", a factor's name or "Residuals".
    public let term: String
    public let df: Int
    public let sumsq: Double
    public let meansq: Double?
    /// F; `nil` for the residual row and when the residual mean square is zero.
    public let statistic: Double?
    public let pValue: Double?

    public init(term: String, df: Int, sumsq: Double, meansq: Double?, statistic: Double?, pValue: Double?) {
        self.term = term
        self.df = df
        self.sumsq = sumsq
        self.meansq = meansq
        self.statistic = statistic
        self.pValue = pValue
    }

    /// Encodes every key, `null` for an undefined value.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(term, forKey: .term)
        try c.encode(df, forKey: .df)
        try c.encode(sumsq, forKey: .sumsq)
        try c.encode(meansq, forKey: .meansq)
        try c.encode(statistic, forKey: .statistic)
        try c.encode(pValue, forKey: .pValue)
    }

    enum CodingKeys: String, CodingKey {
        case term, df, sumsq, meansq, statistic
        case pValue = "p_value"
    }
}
