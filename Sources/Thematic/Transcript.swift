/// An interview transcript: its text and the speaker turns in it (or one row of a ``SegmentTable``).
///
/// `text` is the text that offsets refer to and that a REFI-QDA export stores: for a plain-text
/// transcript the file itself (without a byte-order mark, line ends as LF); for a caption file the
/// turns rendered as `Speaker: words` paragraphs. Matching folds case, accents and curly quotes
/// (see ``TextFolding``) without changing `text`, so every span points into the original words.
public struct Transcript: Sendable, Equatable {
    /// Identifier, by default the file name without extension (`INT03`).
    public var id: String
    /// The file name it was read from.
    public var name: String
    public var format: TranscriptFormat
    public var text: String
    public var turns: [Turn]
    /// The interviewee, from the header (`participant: P07`) or else the transcript id.
    public var participantID: String
    /// Attributes from the header (`role: Privacy officer`), in header order.
    public var attributes: [Participant.Attribute]
    /// Whether this is one row of a ``SegmentTable``, whose segment keeps the row's id as its id.
    public var isSegmentRow: Bool

    init(id: String, name: String, format: TranscriptFormat, text: String, turns: [Turn],
         participantID: String, attributes: [Participant.Attribute], isSegmentRow: Bool = false) {
        self.isSegmentRow = isSegmentRow
        self.id = id
        self.name = name
        self.format = format
        self.text = text
        self.turns = turns
        self.participantID = participantID
        self.attributes = attributes
    }

    /// The words at UTF-8 byte offsets `range` of `text`.
    func slice(utf8 range: Range<Int>) -> Substring {
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: range.lowerBound)
        let end = text.utf8.index(start, offsetBy: range.count)
        return text[start..<end]
    }

    /// One speaker turn (or, in a caption file, a run of consecutive cues by one speaker).
    public struct Turn: Sendable, Equatable {
        /// The speaker label as written (`Interviewer`, `P07`, `A`), nil when the text has no label.
        public var speaker: String?
        public var isInterviewer: Bool
        /// Half-open Unicode scalar offsets of the spoken words in `text` (the label excluded).
        public var span: Range<Int>
        /// Start time in seconds, from a `[hh:mm:ss]` stamp or the first cue.
        public var startTime: Double?
        /// The same words as UTF-8 byte offsets, for O(1) slicing of `text`.
        var utf8Span: Range<Int>
    }
}

/// The file formats a transcript can come in.
public enum TranscriptFormat: String, Sendable, Equatable, Codable, CaseIterable {
    /// Plain text with speaker labels (`Interviewer:`, `P07:`, `Q:`/`A:`, `[00:12:31] Name:`).
    case plainText = "text"
    case webVTT = "vtt"
    case srt
}
