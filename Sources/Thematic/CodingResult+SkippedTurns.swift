extension CodingResult {
    /// Per transcript (in order, only those with any), the number of `Q:` turns left uncoded as
    /// interviewer turns — a label that in a file of open answers may be content rather than an
    /// interviewer. Empty when interviewer turns were coded (`--code-interviewer`).
    public var skippedQuestionTurns: [(transcript: String, turns: Int)] {
        guard !segments.contains(where: \.segment.isInterviewer) else { return [] }
        return transcripts.compactMap { transcript in
            let skipped = transcript.turns.filter { $0.isInterviewer && $0.speaker?.uppercased() == "Q" }.count
            return skipped > 0 ? (transcript.name, skipped) : nil
        }
    }
}
