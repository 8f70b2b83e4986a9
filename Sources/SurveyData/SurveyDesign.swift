/// How the rows were sampled and weighted, from the codebook's `design:` (format:
/// `Codebooks/README.md`): the weight variable and what its weights mean, and for sampling weights
/// the strata, primary sampling units (PSUs) and population sizes (fpc). Each part is optional.
public struct SurveyDesign: Sendable, Equatable {
    /// What a weight means (the analyses' variances differ: Lumley 2010, *Complex Surveys*, §1.4).
    public enum WeightType: String, Sendable, CaseIterable {
        /// Sampling (probability) weights, 1/πₖ: design-based variances.
        case sampling
        /// Frequency weights: a row stands for that many identical rows.
        case frequency
        /// Analytic (inverse-variance) weights, rescaled to sum to the number of rows.
        case analytic
    }

    /// The weight variable; `nil` for equal weights (a stratified or clustered design without weights).
    public var weights: String?
    /// `.sampling` when there is no weight variable.
    public var weightType: WeightType
    public var strata: String?
    public var psu: String?
    /// The variable holding each stratum's population size (of PSUs; a count > 1) or sampling fraction (≤ 1).
    public var fpc: String?
    /// Where `design:` is written, for errors found later (against the data).
    public var location: ConfigFileLocation?

    public init(weights: String?, weightType: WeightType, strata: String? = nil, psu: String? = nil, fpc: String? = nil,
                location: ConfigFileLocation? = nil) {
        self.weights = weights
        self.weightType = weightType
        self.strata = strata
        self.psu = psu
        self.fpc = fpc
        self.location = location
    }
}
