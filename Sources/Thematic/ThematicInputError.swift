import MessageText

/// Inputs of a thematic analysis that are each valid alone but do not fit together.
public enum ThematicInputError: Error, CustomStringConvertible, Equatable {
    /// An attribute asked for (`--by`) that no participant has.
    case unknownAttribute(name: String, known: [String])
    /// A participants file none of whose ids is a transcript's participant.
    case participantsMatchNoTranscript(file: String, ids: [String], transcriptParticipants: [String])

    public var description: String {
        switch self {
        case let .unknownAttribute(name, known):
            return "no participant attribute '\(Excerpt.excerpt(name))'; known attributes: \(list(known))"
        case let .participantsMatchNoTranscript(file, ids, transcriptParticipants):
            return "\(file): none of its participant ids (\(list(ids))) is the participant of a transcript (\(list(transcriptParticipants))); "
                + "a transcript's participant is its '# participant:' header or else its file name without extension"
        }
    }

    /// The first few items, comma-separated, each bounded.
    private func list(_ items: [String]) -> String {
        if items.isEmpty { return "none" }
        let shown = items.prefix(5).map { Excerpt.excerpt($0) }.joined(separator: ", ")
        return items.count > 5 ? shown + ", … (\(items.count) in all)" : shown
    }
}
