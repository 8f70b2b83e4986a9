/// k-fold cross-validation of learned coding against a human coding, beside the dictionary coding
/// on the same segments: what `--train` reports before the model is used.
///
/// Folds are consecutive blocks of the human-coded segments in file order, the first n mod k blocks
/// one segment longer (scikit-learn's `KFold(n_splits=k, shuffle=False)`): no random state, so the
/// same input always gives the same folds. Each segment is predicted by the model trained on the
/// other k − 1 folds (vocabulary included); the pooled predictions are compared with the human
/// coding by ``Agreement``.
public struct LearnedCodingEvaluation: Sendable, Equatable, Codable {
    public var folds: Int
    /// The learned coding's cross-validated predictions against the human coding.
    public var learned: AgreementResult
    /// The dictionary coding against the human coding, on the same segments.
    public var dictionary: AgreementResult

    public static let defaultFolds = 5

    /// Cross-validates learned coding from `gold` over `result`'s segments.
    public static func crossValidate(_ result: CodingResult, gold: HumanCoding, folds: Int = defaultFolds) throws -> LearnedCodingEvaluation {
        let dictionary = try result.agreement(with: gold)
        let examples = TrainingExamples(result, gold: gold)
        let n = examples.segmentIDs.count
        guard n >= folds, folds >= 2 else {
            throw LearnedCodingError.tooFewSegments(file: gold.source, segments: n, folds: folds)
        }
        var predicted: [String: Set<String>] = [:]
        var start = 0
        for fold in 0..<folds {
            let size = n / folds + (fold < n % folds ? 1 : 0)
            let held = start..<(start + size)
            let model = LearnedCodingModel.train(examples, indices: (0..<n).filter { !held.contains($0) })
            for index in held {
                let counts = model.termCounts(examples.terms[index])
                predicted[examples.segmentIDs[index]] = Set(model.themes.filter { theme in
                    theme.classifier.probability(model.document(counts, dictionaryCodes: examples.dictionary[index].contains(theme.id)))
                        >= LearnedCodingModel.threshold
                }.map(\.id))
            }
            start += size
        }
        var human: [String: Set<String>] = [:]
        for (id, themes) in zip(examples.segmentIDs, examples.gold) { human[id] = themes }
        let themes = result.codebook.outline.map { (id: $0.theme.id, label: $0.theme.label) }
        return LearnedCodingEvaluation(folds: folds, learned: Agreement.compare(predicted, human, segments: examples.segmentIDs, themes: themes),
                                       dictionary: dictionary)
    }
}
