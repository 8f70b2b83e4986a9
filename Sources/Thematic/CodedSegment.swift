/// A segment with the themes the coder assigned to it and the evidence for each.
public struct CodedSegment: Sendable, Equatable, Codable {
    public var segment: Segment
    /// Themes matched directly (not through a child), in codebook order.
    public var codings: [ThemeCoding]

    public var themeIDs: [String] { codings.map(\.themeID) }
}

/// One theme assigned to a segment, with the terms that matched.
public struct ThemeCoding: Sendable, Equatable, Codable {
    public var themeID: String
    public var matches: [MatchedTerm]
}

/// One occurrence of a codebook term in a segment.
public struct MatchedTerm: Sendable, Equatable, Codable {
    /// The term as written in the codebook (`consent*`, `privacy notice`, a regular expression).
    public var term: String
    /// The words that matched, exactly as in the transcript.
    public var text: String
    /// Half-open Unicode scalar offsets into the transcript's text.
    public var start: Int
    public var end: Int
}
