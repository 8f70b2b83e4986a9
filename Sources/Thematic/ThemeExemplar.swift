/// A quote that illustrates a theme: part of a coded segment, trimmed at sentence boundaries to the
/// sentences holding the evidence.
public struct ThemeExemplar: Sendable, Equatable, Codable {
    public var themeID: String
    public var segmentID: String
    public var participantID: String
    /// The participant's role attribute, if known.
    public var role: String?
    public var quote: String
    /// Half-open Unicode scalar offsets of the quote in the transcript's text.
    public var start: Int
    public var end: Int
    /// Distinct codebook terms of the theme (or its sub-themes) in the segment.
    public var distinctTerms: Int
}

extension CodingResult {
    /// Up to `count` exemplars per theme (outline order). Segments rank by the number of distinct
    /// terms of the theme they contain, then by total matches, then by position; each participant is
    /// quoted once before anyone is quoted twice. A quote runs from the first sentence with evidence
    /// to the last, at most `maxSentences` sentences and `maxLength` characters (Unicode scalars): a
    /// longer one is cut to a window starting shortly before the first evidence, marked by "…".
    public func exemplars(perTheme count: Int = 3, maxSentences: Int = 3, maxLength: Int = 600) -> [String: [ThemeExemplar]] {
        var result: [String: [ThemeExemplar]] = [:]
        var sentencesOfSegment: [Int: [Range<Int>]] = [:]
        for themeID in themeOrder {
            let family = Set([themeID] + codebook.themes.map(\.id).filter { codebook.ancestors(of: $0).contains(themeID) })
            var candidates: [(position: Int, segment: CodedSegment, evidence: [MatchedTerm], distinct: Int)] = []
            for (position, segment) in segments.enumerated() {
                let evidence = segment.codings.filter { family.contains($0.themeID) }.flatMap(\.matches)
                guard !evidence.isEmpty else { continue }
                candidates.append((position, segment, evidence, Set(evidence.map { $0.term.lowercased() }).count))
            }
            candidates.sort { ($1.distinct, $1.evidence.count, $0.position) < ($0.distinct, $0.evidence.count, $1.position) }
            var chosen: [Int] = []
            var quoted: Set<String> = []
            for (index, candidate) in candidates.enumerated() where chosen.count < count && quoted.insert(candidate.segment.segment.participantID).inserted {
                chosen.append(index)
            }
            for index in candidates.indices where chosen.count < count && !chosen.contains(index) { chosen.append(index) }
            result[themeID] = chosen.map { index in
                let candidate = candidates[index]
                let segment = candidate.segment.segment
                if sentencesOfSegment[candidate.position] == nil { sentencesOfSegment[candidate.position] = Segmenter.sentences(in: segment.text) }
                let (quote, start, end) = Self.trimmedQuote(segment, sentences: sentencesOfSegment[candidate.position]!, evidence: candidate.evidence,
                                                            maxSentences: maxSentences, maxLength: maxLength)
                return ThemeExemplar(themeID: themeID, segmentID: segment.id, participantID: segment.participantID,
                                     role: participant(segment.participantID)?["role"], quote: quote, start: start, end: end,
                                     distinctTerms: candidate.distinct)
            }
        }
        return result
    }

    private static func trimmedQuote(_ segment: Segment, sentences: [Range<Int>], evidence: [MatchedTerm],
                                     maxSentences: Int, maxLength: Int) -> (String, Int, Int) {
        let first = evidence.map(\.start).min()! - segment.start
        let last = evidence.map(\.end).max()! - segment.start
        let from = sentences.firstIndex { $0.upperBound > first } ?? 0
        let through = min(sentences.lastIndex { $0.lowerBound < last } ?? from, from + maxSentences - 1)
        var range = sentences[from].lowerBound..<sentences[max(from, through)].upperBound
        var (prefix, suffix) = ("", "")
        if range.count > maxLength {
            let lower = max(range.lowerBound, min(first - maxLength / 4, range.upperBound - maxLength))
            prefix = lower > range.lowerBound ? "…" : ""
            suffix = lower + maxLength < range.upperBound ? "…" : ""
            range = lower..<(lower + maxLength)
        }
        let scalars = segment.text.unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        let upper = scalars.index(lower, offsetBy: range.count)
        return (prefix + String(scalars[lower..<upper]) + suffix, segment.start + range.lowerBound, segment.start + range.upperBound)
    }
}
