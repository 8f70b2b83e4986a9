/// The specification of an ordinary least-squares regression: a response, its terms, whether the
/// model has an intercept, and optionally hierarchical blocks.
///
/// Input conventions (SurveyStats knows nothing of files): numeric values are `[Double]` with
/// `Double.nan` marking a missing value; a categorical term is integer level codes into `levels`
/// (0-based, `-1` = missing). Every column has one value per case. Cases with any missing value
/// in the response or a term are dropped (listwise deletion); the result reports the n used.
public struct LinearModel: Sendable, Equatable {
    /// The dependent variable's name and values.
    public var responseName: String
    public var response: [Double]
    /// Predictors, in the order their coefficients are reported.
    public var terms: [Term]
    /// Whether the model has an intercept (term name `(Intercept)`).
    public var intercept: Bool
    /// Hierarchical blocks: term names entered together, block after block (e.g. demographics,
    /// then attitudes). Empty means one block of all terms. Each term belongs to exactly one block.
    public var blocks: [[String]]
    /// Add HC3 heteroscedasticity-consistent standard errors (and their t, p and CI) to each coefficient.
    public var hc3: Bool
    /// Confidence level of the coefficient intervals.
    public var confidenceLevel: Double

    public init(responseName: String, response: [Double], terms: [Term], intercept: Bool = true,
                blocks: [[String]] = [], hc3: Bool = false, confidenceLevel: Double = 0.95) {
        self.responseName = responseName
        self.response = response
        self.terms = terms
        self.intercept = intercept
        self.blocks = blocks
        self.hc3 = hc3
        self.confidenceLevel = confidenceLevel
    }

    /// One predictor.
    public enum Term: Sendable, Equatable {
        /// A numeric predictor entering the model as one column.
        case numeric(name: String, values: [Double])
        /// A factor entering as treatment (dummy) columns, one per level except `reference`; a dummy
        /// is named `name[level]`.
        /// - Parameters:
        ///   - codes: 0-based index into `levels` per case, `-1` for missing.
        ///   - levels: level names in codebook order.
        ///   - reference: index of the reference level (the codebook's, or 0).
        case categorical(name: String, codes: [Int], levels: [String], reference: Int = 0)

        public var name: String {
            switch self {
            case .numeric(let name, _), .categorical(let name, _, _, _): return name
            }
        }

        /// Number of design columns.
        var columnCount: Int {
            switch self {
            case .numeric: return 1
            case .categorical(_, _, let levels, _): return levels.count - 1
            }
        }
    }

    /// The name of the intercept term.
    public static let interceptName = "(Intercept)"
}
