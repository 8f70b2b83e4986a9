/// The deductive coder: segments transcripts and assigns each segment the themes whose evidence
/// occurs in it.
///
/// A theme is assigned to a segment when at least one of its words, phrases or regular expressions
/// matches there and none of its exclusions does (an exclusion vetoes only its own theme, in that
/// segment). Interviewer segments are left uncoded unless `codesInterviewer` is set.
public struct Coder: Sendable {
    public let codebook: ThemeCodebook
    public let unit: SegmentationUnit
    public let codesInterviewer: Bool
    private let matcher: PatternMatcher

    /// Compiles the codebook's evidence into one ``PatternMatcher``.
    public init(codebook: ThemeCodebook, unit: SegmentationUnit = .turn, codesInterviewer: Bool = false) throws {
        try codebook.validateHierarchy()
        var terms: [(term: String, themeIndex: Int, role: PatternMatcher.Role)] = []
        var regularExpressions: [(pattern: String, themeIndex: Int)] = []
        for (index, theme) in codebook.themes.enumerated() {
            terms += (theme.words + theme.phrases).map { ($0, index, .evidence) }
            terms += theme.exclusions.map { ($0, index, .exclusion) }
            regularExpressions += theme.regexes.map { ($0, index) }
        }
        do {
            matcher = try PatternMatcher(terms: terms, regularExpressions: regularExpressions)
        } catch let error as PatternError {
            let owner: (String) -> Theme? = { pattern in
                codebook.themes.first { ($0.words + $0.phrases + $0.exclusions + $0.regexes).contains(pattern) }
            }
            switch error {
            case let .badTerm(term, reason):
                throw CodebookError.badTerm(file: codebook.source, line: owner(term)?.line ?? 0, term: term, reason: reason)
            case let .badRegex(pattern, reason):
                throw CodebookError.badRegex(file: codebook.source, line: owner(pattern)?.line ?? 0, column: 0, pattern: pattern, reason: reason)
            }
        }
        self.codebook = codebook
        self.unit = unit
        self.codesInterviewer = codesInterviewer
    }

    /// The coded segments of `transcript` (interviewer segments only when `codesInterviewer`).
    public func code(_ transcript: Transcript) throws -> [CodedSegment] {
        try Segmenter.segments(of: transcript, unit: unit)
            .filter { codesInterviewer || !$0.isInterviewer }
            .map(code)
    }

    /// Codes one segment.
    public func code(_ segment: Segment) throws -> CodedSegment {
        let matches = try matcher.matches(in: Substring(segment.text), startOffset: segment.start)
        guard !matches.isEmpty else { return CodedSegment(segment: segment, codings: []) }
        var vetoed: Set<Int> = []
        var evidence: [(themeIndex: Int, term: MatchedTerm)] = []
        let utf8 = segment.text.utf8
        for match in matches {
            let pattern = matcher.patterns[match.patternIndex]
            switch pattern.role {
            case .exclusion:
                vetoed.insert(pattern.themeIndex)
            case .evidence:
                let from = utf8.index(utf8.startIndex, offsetBy: match.utf8Span.lowerBound)
                let to = utf8.index(from, offsetBy: match.utf8Span.count)
                evidence.append((pattern.themeIndex, MatchedTerm(term: pattern.term, text: String(segment.text[from..<to]),
                                                                 start: match.span.lowerBound, end: match.span.upperBound)))
            }
        }
        // Group by theme in codebook order, keeping text order within a theme (the sort is stable).
        if zip(evidence, evidence.dropFirst()).contains(where: { $0.themeIndex > $1.themeIndex }) {
            evidence = evidence.enumerated().sorted { ($0.element.themeIndex, $0.offset) < ($1.element.themeIndex, $1.offset) }.map(\.element)
        }
        var codings: [ThemeCoding] = []
        for (themeIndex, term) in evidence where !vetoed.contains(themeIndex) {
            let id = codebook.themes[themeIndex].id
            if codings.last?.themeID == id { codings[codings.count - 1].matches.append(term) } else {
                codings.append(ThemeCoding(themeID: id, matches: [term]))
            }
        }
        return CodedSegment(segment: segment, codings: codings)
    }
}
