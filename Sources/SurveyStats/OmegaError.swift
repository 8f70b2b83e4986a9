import MessageText

/// Input that cannot make McDonald's ω from a one-factor model.
public enum OmegaError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer than three items: the one-factor model has more parameters (2k) than the k(k + 1)/2 variances and covariances.
    case tooFewItems(Int)
    /// A different number of names than items.
    case nameCount(names: Int, items: Int)
    /// The item covariance matrix is singular: a constant item, items that are exact linear
    /// combinations of others, or no more complete cases than items.
    case notPositiveDefinite
    /// The minimiser stopped before the gradient of F_ML vanished.
    case notConverged(iterations: Int, gradientNorm: Double)

    public var description: String {
        switch self {
        case let .tooFewItems(k):
            return "ω from a one-factor model needs at least 3 items (with \(k) the model is not identified)"
        case let .nameCount(names, items):
            return "\(names) names for \(items) items (expected one name per item)"
        case .notPositiveDefinite:
            return "the items' covariance matrix is singular (a constant item, items that are linear combinations of others, or no more complete cases than items); expected a positive-definite matrix"
        case let .notConverged(iterations, gradientNorm):
            return "the maximum-likelihood fit of the one-factor model did not converge (\(iterations) iterations, gradient norm \(gradientNorm)); expected a gradient below \(CorrelatedFactorsModel.gradientTolerance)"
        }
    }
}
