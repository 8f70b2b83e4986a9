/// A transcript that cannot be read; each case names the file and, where there is one, the line.
public enum TranscriptError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    /// A caption block that is not what the format requires (`expected` says what it should be).
    case malformedCue(file: String, line: Int, expected: String)
    /// The file holds no spoken text at all.
    case empty(file: String)
    /// Two transcripts with the same id (file name without extension), whose segment ids would collide.
    case duplicateID(file: String, id: String, otherFile: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot read the transcript: \(reason)"
        case let .malformedCue(file, line, expected): return "\(file):\(line): expected \(expected)"
        case let .empty(file): return "\(file): the transcript contains no spoken text"
        case let .duplicateID(file, id, otherFile):
            return "\(file): transcript id '\(id)' is already used by \(otherFile); give each transcript a distinct file name"
        }
    }
}
