/// A segment on which the automatic coding and a human coding differ, with what fired, so that a
/// researcher can see why a dictionary over- or under-codes a theme.
public struct CodingDisagreement: Sendable, Equatable {
    public var segment: Segment
    /// Themes of the automatic coding, sub-themes counting for their parents, in outline order.
    public var automaticThemes: [String]
    /// The same for the human coding.
    public var humanThemes: [String]
    /// The codebook terms (and regexes) that matched in the segment, as `theme: term`, in codebook order.
    public var firedTerms: [String]
}

extension CodingResult {
    /// The segments `human` coded on which this automatic coding assigns other themes, in segment order.
    public func disagreements(with human: HumanCoding) throws -> [CodingDisagreement] {
        var humanThemes: [String: [String]] = [:]
        for id in human.segmentIDs { humanThemes[id] = aggregated(human.themes[id] ?? []) }
        let coded = Set(segments.map(\.segment.id))
        if let unknown = human.segmentIDs.first(where: { !coded.contains($0) }) {
            throw AgreementError.unknownSegment(file: human.source, line: human.lines[unknown] ?? 0, segmentID: unknown)
        }
        return segments.compactMap { coded in
            guard let gold = humanThemes[coded.segment.id] else { return nil }
            let automatic = aggregatedThemes(of: coded)
            guard automatic != gold else { return nil }
            var fired: [String] = []
            for coding in coded.codings {
                for term in coding.matches.map(\.term) where !fired.contains("\(coding.themeID): \(term)") {
                    fired.append("\(coding.themeID): \(term)")
                }
            }
            return CodingDisagreement(segment: coded.segment, automaticThemes: automatic, humanThemes: gold, firedTerms: fired)
        }
    }
}
