import SurveyStats

/// `paradox describe --codebook C.yml` with a `design:`: the weighted mean of each described
/// variable with its standard error and confidence interval under the codebook's weight type and
/// design, shown beside the unweighted descriptives: the engine's ``DesignAnalysis`` of the
/// described variables (one pass with the unweighted ones, block by block).
public struct DesignDescription: Sendable, Encodable {
    public var weightType: String
    public var weights: String?
    public var strata: String?
    public var psu: String?
    public var fpc: String?
    public var means: [DesignMeansResult]

    private enum CodingKeys: String, CodingKey {
        case weightType = "weight_type", weights, strata, psu, fpc, means
    }

    /// The means of a wave's design-based results.
    init(_ results: DesignResults) {
        weightType = results.weightType
        weights = results.weights
        strata = results.strata
        psu = results.psu
        fpc = results.fpc
        means = results.means
    }
}
