/// A unit of coding: a turn, paragraph or sentence of one transcript.
public struct Segment: Sendable, Equatable, Codable {
    /// `<transcript id>-<number>`, numbered from 001 over all segments of the transcript
    /// (interviewer ones included), so ids stay put whether or not interviewer turns are coded.
    public var id: String
    public var transcriptID: String
    public var participantID: String
    public var speaker: String?
    public var isInterviewer: Bool
    /// Half-open Unicode scalar offsets into the transcript's text.
    public var start: Int
    public var end: Int
    /// The segment's words, exactly as in the transcript.
    public var text: String

    public var span: Range<Int> { start..<end }
}

/// How a transcript is cut into segments for coding.
public enum SegmentationUnit: String, Sendable, Equatable, Codable, CaseIterable {
    /// One segment per speaker turn (consecutive caption cues by one speaker are one turn).
    case turn
    /// A turn split at blank lines.
    case paragraph
    /// A paragraph split after `.`, `!`, `?` or `…` that is followed by white space and a capital,
    /// digit or quote — but not after common abbreviations (e.g., i.e., Dr.) or initials.
    case sentence
}
