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

    enum CodingKeys: String, CodingKey {
        case term, df, sumsq, meansq, statistic
        case pValue = "p_value"
    }
}
