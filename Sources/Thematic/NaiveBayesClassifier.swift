import Foundation

/// A two-class multinomial naive Bayes classifier on term counts, written as the weighted terms it
/// amounts to: log-odds(coded | x) = bias + Σ_f x_f w_f, probability = 1 / (1 + e^(−log-odds)).
///
/// With N_c documents in class c of N, term totals N_cf and T_c = Σ_f N_cf over a vocabulary of V
/// terms, Laplace smoothing α: θ_cf = (N_cf + α) / (T_c + α V), bias = log(N_1 / N_0) and
/// w_f = log θ_1f − log θ_0f (Manning, Raghavan & Schütze 2008, *Introduction to Information
/// Retrieval*, §13.2). This is scikit-learn's `MultinomialNB(alpha=α)` with fitted class priors;
/// test values come from scikit-learn 1.9.1 (`Tests/ThematicTests/Fixtures/learned/make_naive_bayes_fixture.py`).
public struct NaiveBayesClassifier: Sendable, Equatable {
    /// log(N_1 / N_0); nil when no training document is in class 1 (the theme is never suggested).
    public var bias: Double?
    /// w_f per vocabulary index.
    public var weights: [Double]

    public init(bias: Double?, weights: [Double]) {
        self.bias = bias
        self.weights = weights
    }

    /// A document: (term index, count) pairs in ascending term order, so sums run in a fixed order.
    public typealias Document = [(term: Int, count: Int)]

    /// Trains on `documents` (indices below `vocabularySize`) with `labels`.
    public init(documents: [Document], labels: [Bool], vocabularySize: Int, smoothing: Double = 1) {
        var totals = [[Double]](repeating: [Double](repeating: 0, count: vocabularySize), count: 2)
        var classCounts = [0, 0]
        for (document, label) in zip(documents, labels) {
            let c = label ? 1 : 0
            classCounts[c] += 1
            for (term, count) in document { totals[c][term] += Double(count) }  // integer sums: exact in any order
        }
        let sums = totals.map { $0.reduce(0, +) + smoothing * Double(vocabularySize) }
        weights = (0..<vocabularySize).map { f in
            log((totals[1][f] + smoothing) / sums[1]) - log((totals[0][f] + smoothing) / sums[0])
        }
        switch (classCounts[0], classCounts[1]) {
        case (_, 0): bias = nil
        // Every training document in class 1: always suggested.
        case (0, _): bias = .infinity
        case let (negative, positive): bias = log(Double(positive) / Double(negative))
        }
    }

    /// The log-odds of class 1 for `document`.
    public func logOdds(_ document: Document) -> Double {
        guard let bias else { return -.infinity }
        return document.reduce(bias) { $0 + Double($1.count) * weights[$1.term] }
    }

    /// P(class 1 | document), computed so that large |log-odds| neither overflows nor loses the small tail.
    public func probability(_ document: Document) -> Double {
        let z = logOdds(document)
        return z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z))
    }
}
