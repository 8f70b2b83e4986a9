/// Codes learned from a human coding (`paradox code --train`): per theme a ``NaiveBayesClassifier``
/// on the segment's words and phrases and on whether the dictionary coded the theme.
///
/// Features: the folded words (``TextFolding``: case, accents and dashes folded; runs of letters and
/// digits of two or more characters) and the two-word phrases of consecutive words ("opt out",
/// "third parties"; scikit-learn's `ngram_range=(1, 2)`) that occur in at least two training
/// segments, the 1,000 most frequent of them by document frequency (ties alphabetical), counted per
/// segment; and one feature
/// `@dictionary`, 1 when the codebook codes the segment with the theme or a sub-theme. A segment is
/// suggested for a theme when the probability is at least .5. Training is deterministic: no random
/// state, sums in vocabulary order.
public struct LearnedCodingModel: Sendable, Equatable {
    /// The word and phrase features, in feature order; `@dictionary` is the feature after the last one.
    public let vocabulary: [String]
    public var themes: [LearnedTheme]
    /// Word → feature index.
    private let index: [String: Int]

    public static let dictionaryFeature = "@dictionary"
    public static let maximumVocabulary = 1000
    /// Probability from which a segment is suggested for a theme.
    public static let threshold = 0.5

    public init(vocabulary: [String], themes: [LearnedTheme]) {
        self.vocabulary = vocabulary
        self.themes = themes
        self.index = Dictionary(vocabulary.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Trains on the segments of `result` that `gold` coded (themes aggregated to their ancestors on
    /// both sides, as agreement counts them).
    public static func train(_ result: CodingResult, gold: HumanCoding) -> LearnedCodingModel {
        let examples = TrainingExamples(result, gold: gold)
        return train(examples, indices: Array(examples.segmentIDs.indices))
    }

    static func train(_ examples: TrainingExamples, indices: [Int]) -> LearnedCodingModel {
        var documentFrequency: [String: Int] = [:]
        for index in indices { for term in Set(examples.terms[index]) { documentFrequency[term, default: 0] += 1 } }
        let vocabulary = documentFrequency.filter { $0.value >= 2 }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(maximumVocabulary).map(\.key)
        var model = LearnedCodingModel(vocabulary: vocabulary, themes: [])
        let termCounts = indices.map { model.termCounts(examples.terms[$0]) }
        for theme in examples.themes {
            let documents = zip(indices, termCounts).map { index, counts in
                model.document(counts, dictionaryCodes: examples.dictionary[index].contains(theme))
            }
            let labels = indices.map { examples.gold[$0].contains(theme) }
            model.themes.append(LearnedTheme(id: theme, classifier: NaiveBayesClassifier(documents: documents, labels: labels,
                                                                                         vocabularySize: vocabulary.count + 1)))
        }
        return model
    }

    /// Per theme of the model, the probability that `text` (coded `dictionaryThemes` by the codebook, aggregated) is coded with it.
    public func probabilities(text: String, dictionaryThemes: Set<String>) -> [(themeID: String, probability: Double)] {
        let counts = termCounts(Self.terms(of: text))
        return themes.map { theme in
            (theme.id, theme.classifier.probability(document(counts, dictionaryCodes: dictionaryThemes.contains(theme.id))))
        }
    }

    /// Vocabulary index → count, ascending by index.
    func termCounts(_ terms: [String]) -> [(term: Int, count: Int)] {
        var counts: [Int: Int] = [:]
        for term in terms { if let index = index[term] { counts[index, default: 0] += 1 } }
        return counts.sorted { $0.key < $1.key }.map { (term: $0.key, count: $0.value) }
    }

    func document(_ counts: [(term: Int, count: Int)], dictionaryCodes: Bool) -> NaiveBayesClassifier.Document {
        dictionaryCodes ? counts + [(term: vocabulary.count, count: 1)] : counts
    }

    /// The features of `text`: its words, then each pair of consecutive words joined by a space.
    static func terms(of text: String) -> [String] {
        let words = words(of: text)
        return words + zip(words, words.dropFirst()).map { $0 + " " + $1 }
    }

    /// The folded words of `text` of two or more scalars, in order.
    static func words(of text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if current.count >= 2 { words.append(String(current)) }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            for folded in TextFolding.fold(scalar) {
                if TextFolding.isWordScalar(folded) { current.append(folded) } else { flush() }
            }
        }
        flush()
        return words
    }
}

/// One theme's learned classifier.
public struct LearnedTheme: Sendable, Equatable {
    public var id: String
    public var classifier: NaiveBayesClassifier
}

/// The segments a human coded, with their features (``LearnedCodingModel/terms(of:)``), dictionary codes and human codes (aggregated).
struct TrainingExamples {
    var segmentIDs: [String] = []
    var terms: [[String]] = []
    var dictionary: [Set<String>] = []
    var gold: [Set<String>] = []
    /// Theme ids in outline order.
    var themes: [String]

    init(_ result: CodingResult, gold coding: HumanCoding) {
        themes = result.themeOrder
        let byID = Dictionary(result.segments.map { ($0.segment.id, $0) }, uniquingKeysWith: { first, _ in first })
        for id in coding.segmentIDs {
            guard let segment = byID[id] else { continue }
            segmentIDs.append(id)
            terms.append(LearnedCodingModel.terms(of: segment.segment.text))
            dictionary.append(Set(result.aggregatedThemes(of: segment)))
            gold.append(Set(result.aggregated(coding.themes[id] ?? [])))
        }
    }
}
