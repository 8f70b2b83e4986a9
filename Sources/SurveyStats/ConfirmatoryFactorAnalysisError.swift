/// Input that cannot give a confirmatory factor analysis.
public enum ConfirmatoryFactorAnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No factors.
    case noFactors
    /// A factor with too few items to be identified (3 when it is the only factor, else 2).
    case tooFewItems(factor: String, count: Int, needed: Int)
    /// An item named in two factors (the model has simple structure) or twice in one.
    case itemInTwoFactors(String)
    /// More free parameters than variances and covariances.
    case notIdentified(parameters: Int, moments: Int)
    /// The covariance matrix of the items is singular (a constant item, items that are linear
    /// combinations of others, or no more complete cases than items).
    case notPositiveDefinite
    /// The minimiser stopped before the gradient of F_ML vanished.
    case notConverged(iterations: Int, gradientNorm: Double)

    public var description: String {
        switch self {
        case .noFactors:
            return "no factors; expected at least one scale"
        case let .tooFewItems(factor, count, needed):
            return "factor \(factor) has \(count) item\(count == 1 ? "" : "s"); expected at least \(needed) for the model to be identified"
        case let .itemInTwoFactors(item):
            return "item \(item) is named in two factors (or twice); expected each item to load on one factor"
        case let .notIdentified(parameters, moments):
            return "the model has \(parameters) free parameters but only \(moments) variances and covariances; expected no more parameters than moments"
        case .notPositiveDefinite:
            return "the items' covariance matrix is singular (a constant item, items that are linear combinations of others, or no more complete cases than items); expected a positive-definite matrix"
        case let .notConverged(iterations, gradientNorm):
            return "the maximum-likelihood fit did not converge (\(iterations) iterations, gradient norm \(gradientNorm)); expected a gradient below \(CorrelatedFactorsModel.gradientTolerance)"
        }
    }
}
