import MessageText

/// Why a design-based estimate cannot be made. Row-level problems name the case (0-based row of
/// the rows given); the caller adds file and line.
public enum DesignError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A weight is negative, infinite or NaN (or, for frequency weights, not a whole number).
    case invalidWeight(value: Double, weightType: WeightType)
    /// Two rows of one stratum give different population sizes (fpc).
    case inconsistentPopulationSize(stratum: String, first: Double, second: Double)
    /// A population size (fpc) is not positive, or smaller than the stratum's sampled PSUs.
    case invalidPopulationSize(stratum: String, value: Double, sampledPSUs: Int)
    /// A stratum has one PSU: its variance cannot be estimated (R: `survey.lonely.psu = "fail"`).
    case lonelyPSU(stratum: String)
    /// A row has no stratum or no PSU (0-based row of the rows given).
    case missingDesignValue(row: Int)
    /// Strata or PSUs were given for frequency or analytic weights, which have no design.
    case designWithoutSamplingWeights(WeightType)
    /// The summaries merged were made for different variables or weight types.
    case mismatchedSummaries
    /// No row has a positive weight, or too few for the variance (n ≤ parameters).
    case tooFewObservations(n: Int, parameters: Int)
    /// The predictors are collinear in the weighted sample (or a variable is constant).
    case singularDesign(terms: [String])

    public var description: String {
        switch self {
        case let .invalidWeight(value, type):
            return type == .frequency
                ? "frequency weight \(value) is not a whole number ≥ 0"
                : "\(type.rawValue) weight \(value) is not a finite number ≥ 0"
        case let .inconsistentPopulationSize(stratum, first, second):
            return "stratum \(bounded(stratum)) has two population sizes (fpc): \(first) and \(second); expected one per stratum"
        case let .invalidPopulationSize(stratum, value, sampled):
            return "stratum \(bounded(stratum)) has population size (fpc) \(value) but \(sampled) sampled PSUs; expected a fraction in (0, 1] or a count ≥ \(sampled)"
        case let .lonelyPSU(stratum):
            return "stratum \(bounded(stratum)) has only one PSU, so its variance cannot be estimated; merge it with a similar stratum"
        case let .missingDesignValue(row):
            return "row \(row + 1) has no stratum or no PSU; expected both for every row"
        case let .designWithoutSamplingWeights(type):
            return "strata, PSUs and fpc need sampling weights; \(type.rawValue) weights have no design"
        case .mismatchedSummaries:
            return "the summaries merged describe different variables or weight types"
        case let .tooFewObservations(n, parameters):
            return "\(n) rows with a positive weight, expected more than \(parameters)"
        case let .singularDesign(terms):
            return "the weighted predictors \(Excerpt.excerptList(terms)) are collinear or constant"
        }
    }

    private func bounded(_ text: String) -> String { "\"" + Excerpt.excerpt(text) + "\"" }
}
