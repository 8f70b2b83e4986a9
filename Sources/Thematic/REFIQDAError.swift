import MessageText

/// A REFI-QDA project that cannot be used as a human coding. `file` is `project.qdpx:project.qde`
/// when the problem is inside the project document (lines are that document's).
public enum REFIQDAError: Error, CustomStringConvertible, Equatable {
    case malformed(file: String, line: Int, expected: String)
    /// An archive entry the project needs is absent or unreadable.
    case missingEntry(file: String, entry: String, needed: String)
    /// A `CodeRef` whose target is no `Code` of the project.
    case unknownCode(file: String, line: Int, guid: String)
    /// A selection outside its source's text.
    case positionOutOfRange(file: String, line: Int, selection: String, start: Int, end: Int, source: String, length: Int)
    /// A source matched to a transcript by GUID or name whose text is not the transcript's.
    case textDiffers(file: String, source: String, transcript: String, position: Int, found: String, expected: String)
    /// A project in which no user coded anything.
    case noCodings(file: String)
    /// No text source matches any transcript being coded.
    case noSourceMatches(file: String, sources: [String], transcripts: [String])

    public var description: String {
        switch self {
        case let .malformed(file, line, expected):
            return "\(file):\(line): expected \(expected)"
        case let .missingEntry(file, entry, needed):
            return "\(file): no entry '\(Excerpt.excerpt(entry))', expected \(needed)"
        case let .unknownCode(file, line, guid):
            return "\(file):\(line): <CodeRef targetGUID=\"\(Excerpt.excerpt(guid))\"> names no <Code> of the project's <CodeBook>"
        case let .positionOutOfRange(file, line, selection, start, end, source, length):
            return "\(file):\(line): <PlainTextSelection guid=\"\(Excerpt.excerpt(selection))\"> spans \(start)..<\(end), "
                + "expected 0 ≤ startPosition ≤ endPosition ≤ \(length), the length in characters of source '\(Excerpt.excerpt(source))'"
        case let .textDiffers(file, source, transcript, position, found, expected):
            return "\(file): the text of source '\(Excerpt.excerpt(source))' differs from transcript \(Excerpt.excerpt(transcript)) at character \(position): "
                + "'\(Excerpt.excerpt(found))', expected '\(Excerpt.excerpt(expected))' (positions would point at other words; code the transcript exported from the project)"
        case let .noCodings(file):
            return "\(file): no <Coding> in any <TextSource> of the transcripts being coded, expected a human coding to compare with"
        case let .noSourceMatches(file, sources, transcripts):
            return "\(file): none of its text sources (\(sources.isEmpty ? "none" : Excerpt.excerptList(sources))) is a transcript being coded "
                + "(\(Excerpt.excerptList(transcripts))); a source matches a transcript by GUID, by file name or by file name without extension"
        }
    }
}
