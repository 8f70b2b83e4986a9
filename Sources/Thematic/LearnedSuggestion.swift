/// A theme the learned coding suggests for a segment, for review beside the human and dictionary
/// coding (never merged into either).
public struct LearnedSuggestion: Sendable, Equatable {
    public var segment: Segment
    public var themeID: String
    /// P(coded) under the model, at least ``LearnedCodingModel/threshold``.
    public var probability: Double
    /// Whether the codebook coded the segment with the theme (or a sub-theme) too.
    public var dictionaryCodes: Bool
}

extension LearnedCodingModel {
    /// Every (segment, theme) of `result` the model suggests, in segment then model-theme order.
    public func suggestions(for result: CodingResult) -> [LearnedSuggestion] {
        result.segments.flatMap { coded in
            let dictionary = Set(result.aggregatedThemes(of: coded))
            return probabilities(text: coded.segment.text, dictionaryThemes: dictionary)
                .filter { $0.probability >= Self.threshold }
                .map { LearnedSuggestion(segment: coded.segment, themeID: $0.themeID, probability: $0.probability,
                                         dictionaryCodes: dictionary.contains($0.themeID)) }
        }
    }
}
