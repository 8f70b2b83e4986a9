import Foundation
import Yams
import YAMLInput

extension LearnedCodingModel {
    /// The model as readable YAML: the vocabulary in feature order, then per theme its bias and its
    /// weighted terms, largest weight first. Numbers are written in the shortest form that reads
    /// back to the same double, so a saved model codes exactly as the trained one.
    ///
    /// ```yaml
    /// model: multinomial naive Bayes
    /// vocabulary: ["consent", "data", "trust"]
    /// themes:
    ///   - id: consent
    ///     bias: -0.6931471805599453      # log(coded / not coded segments); null: never coded
    ///     weights:
    ///       "@dictionary": 2.0794415416798357
    ///       "consent": 1.791759469228055
    /// ```
    public func yaml(codebook: ThemeCodebook) -> String {
        var lines = [
            "# Learned coding written by paradox code --train --save-model; apply it with --model.",
            "# Per theme: log-odds = bias + sum of count x weight over the segment's words and two-word phrases (\"@dictionary\" counts 1",
            "# when the codebook codes the theme); probability = 1 / (1 + exp(-log-odds)); suggested from .5.",
            "model: multinomial naive Bayes",
            "codebook: \(Self.quoted(codebook.name))",
            "vocabulary: [\(vocabulary.map(Self.quoted).joined(separator: ", "))]",
            "themes:",
        ]
        let features = vocabulary + [Self.dictionaryFeature]
        for theme in themes {
            lines.append("  - id: \(Self.quoted(theme.id))")
            lines.append("    bias: \(theme.classifier.bias.map(Self.number) ?? "null")")
            lines.append("    weights:")
            let order = theme.classifier.weights.indices.sorted {
                theme.classifier.weights[$0] != theme.classifier.weights[$1] ? theme.classifier.weights[$0] > theme.classifier.weights[$1] : $0 < $1
            }
            for index in order { lines.append("      \(Self.quoted(features[index])): \(Self.number(theme.classifier.weights[index]))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Reads a model written by ``yaml(codebook:)``; its themes must be in `codebook`.
    public static func load(contentsOf url: URL, codebook: ThemeCodebook) throws -> LearnedCodingModel {
        let file = url.path
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw LearnedCodingError.malformedModel(file: file, line: 0, expected: "a readable UTF-8 model file")
        }
        let root: Node?
        do { root = try YAMLDocument.compose(text, file: file) } catch let error as YAMLDocumentError {
            throw LearnedCodingError.malformedModel(file: file, line: error.line ?? 0, expected: "YAML (\(error.message))")
        }
        func fail(_ node: Node?, _ expected: String) -> LearnedCodingError {
            .malformedModel(file: file, line: node?.mark?.line ?? 1, expected: expected)
        }
        guard let root, let mapping = root.mapping, mapping["model"]?.string == "multinomial naive Bayes" else {
            throw fail(root, "a learned coding model (model: multinomial naive Bayes)")
        }
        guard let words = mapping["vocabulary"]?.sequence else { throw fail(root, "a 'vocabulary' list") }
        var vocabulary: [String] = []
        for word in words {
            guard let value = word.string else { throw fail(word, "a word in 'vocabulary'") }
            vocabulary.append(value)
        }
        let featureIndex = Dictionary((vocabulary + [dictionaryFeature]).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        guard featureIndex.count == vocabulary.count + 1 else { throw fail(mapping["vocabulary"], "each word once in 'vocabulary'") }
        guard let themeNodes = mapping["themes"]?.sequence else { throw fail(root, "a 'themes' list") }
        var themes: [LearnedTheme] = []
        for node in themeNodes {
            guard let theme = node.mapping, let id = theme["id"]?.string else { throw fail(node, "a theme with 'id', 'bias' and 'weights'") }
            guard codebook.theme(id) != nil else {
                throw LearnedCodingError.unknownTheme(file: file, line: node.mark?.line ?? 1, id: id, codebook: codebook.source)
            }
            guard let biasNode = theme["bias"] else { throw fail(node, "'bias' for theme '\(id)'") }
            let bias: Double?
            if biasNode.null != nil { bias = nil } else if let value = biasNode.float { bias = value } else {
                throw fail(biasNode, "a number or null as the bias of theme '\(id)'")
            }
            guard let weightNodes = theme["weights"]?.mapping else { throw fail(node, "'weights' for theme '\(id)'") }
            var weights = [Double?](repeating: nil, count: featureIndex.count)
            for (key, value) in weightNodes {
                guard let word = key.string, let index = featureIndex[word] else {
                    throw fail(key, "a word of the vocabulary or \(dictionaryFeature) as a weight of theme '\(id)'")
                }
                guard let weight = value.float, weight.isFinite else { throw fail(value, "a finite number as the weight of '\(word)'") }
                weights[index] = weight
            }
            guard weights.allSatisfy({ $0 != nil }) else { throw fail(node, "a weight for every vocabulary word and \(dictionaryFeature) in theme '\(id)'") }
            themes.append(LearnedTheme(id: id, classifier: NaiveBayesClassifier(bias: bias, weights: weights.compactMap { $0 })))
        }
        return LearnedCodingModel(vocabulary: vocabulary, themes: themes)
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    private static func number(_ value: Double) -> String {
        value == .infinity ? ".inf" : value == -.infinity ? "-.inf" : "\(value)"
    }
}
