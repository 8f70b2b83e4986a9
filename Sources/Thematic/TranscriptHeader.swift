/// The small header a transcript may begin with: `# key: value` lines (keys in lower case, digits
/// and underscores) that give the participant id and attributes; other `#` lines are comments.
///
/// ```
/// # SYNTHETIC interview, generated for Paradox; not a real person.
/// # participant: P07
/// # role: Privacy officer
/// # interviewer: Interviewer
/// ```
/// In WebVTT the same lines may stand in a `NOTE` block.
struct TranscriptHeader {
    var participantID: String?
    /// Extra speaker label to treat as the interviewer.
    var interviewer: String?
    var attributes: [Participant.Attribute] = []

    /// Reads `key: value` from one header line (without the leading `#` or `NOTE`); false if it is a comment.
    @discardableResult
    mutating func read(_ line: Substring) -> Bool {
        guard let colon = line.firstIndex(of: ":") else { return false }
        let key = line[..<colon].trimmingSpaces
        let value = String(line[line.index(after: colon)...].trimmingSpaces)
        guard !key.isEmpty, key.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }) else {
            return false
        }
        switch key {
        case "participant", "participant_id": participantID = value
        case "interviewer": interviewer = value
        default: attributes.append(Participant.Attribute(name: String(key), value: value))
        }
        return true
    }

    /// The labels that mark interviewer turns: the usual ones plus the header's `interviewer`.
    func isInterviewer(_ label: String) -> Bool {
        let lowered = label.lowercased()
        if let interviewer, lowered == interviewer.lowercased() { return true }
        return Self.interviewerLabels.contains(lowered)
    }

    /// Usual labels of the interviewee's turns.
    static let intervieweeLabels: Set<String> = ["a", "answer", "r", "respondent", "interviewee", "participant", "expert"]

    static let interviewerLabels: Set<String> = ["interviewer", "int", "i", "q", "question", "moderator", "researcher", "facilitator"]
}

extension Substring {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result.removeFirst() }
        while let last = result.last, last == " " || last == "\t" { result.removeLast() }
        return result
    }
}
