/// The outcome of coding a set of transcripts with a theme codebook: every coded segment with its
/// themes and evidence, plus what the summaries need (participants, transcripts, the codebook).
///
/// Summaries (frequencies and prevalence, theme × attribute matrix, co-occurrence, exemplar quotes)
/// are computed from it in `ThemeFrequency.swift`, `ThemeAttributeMatrix.swift`,
/// `ThemeCooccurrence.swift` and `ThemeExemplar.swift`. They count a segment for a theme when it is
/// coded to the theme or to any of its descendants (NVivo's aggregate coding).
public struct CodingResult: Sendable {
    public let codebook: ThemeCodebook
    public let unit: SegmentationUnit
    public let transcripts: [Transcript]
    /// The interviewees, one per distinct transcript participant, in transcript order.
    public let participants: [Participant]
    /// The segments that were coded (participant segments, or all when interviewer turns are coded), in order.
    public let segments: [CodedSegment]
    /// Theme ids in outline order (each parent followed by its descendants).
    public let themeOrder: [String]
    private let ancestors: [String: [String]]
    /// Position of each participant id in `participants` (the first, should one repeat).
    private let participantPositions: [String: Int]

    public init(codebook: ThemeCodebook, unit: SegmentationUnit, transcripts: [Transcript],
                participants: [Participant], segments: [CodedSegment]) {
        self.codebook = codebook
        self.unit = unit
        self.transcripts = transcripts
        self.participants = participants
        self.segments = segments
        self.themeOrder = codebook.outline.map(\.theme.id)
        var ancestors: [String: [String]] = [:]
        for theme in codebook.themes { ancestors[theme.id] = codebook.ancestors(of: theme.id) }
        self.ancestors = ancestors
        participantPositions = Dictionary(participants.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The themes of `segment` with their ancestors, in outline order.
    public func aggregatedThemes(of segment: CodedSegment) -> [String] {
        aggregated(Set(segment.themeIDs))
    }

    /// `themes` with their ancestors, in outline order.
    public func aggregated(_ themes: Set<String>) -> [String] {
        var all = themes
        for theme in themes { all.formUnion(ancestors[theme] ?? []) }
        return themeOrder.filter(all.contains)
    }

    /// The participant with `id`, if interviewed.
    public func participant(_ id: String) -> Participant? { participantPositions[id].map { participants[$0] } }
}
