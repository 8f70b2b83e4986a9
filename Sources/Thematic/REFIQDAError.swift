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
    /// A source whose text lies outside the archive (`relative://`, `absolute://`) that cannot be
    /// read under the rule of ``REFIQDASourceLocation``.
    case externalSource(file: String, line: Int, source: String, path: String, problem: ExternalSourceProblem)

    /// Why the text of a source outside the archive was not read.
    public enum ExternalSourceProblem: Equatable, Sendable {
        /// A `..` component, or a symbolic link, that leads out of the folder it is read from.
        case leavesFolder
        /// A path that names no file.
        case noFileName
        /// An absolute path, given no `--sources` folder.
        case absoluteNeedsSources
        case notFound(lookedAt: String, basePath: String?)
        case notARegularFile(lookedAt: String)
        case tooLarge(lookedAt: String, limit: Int)
        case notUTF8(lookedAt: String)
    }

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
        case let .externalSource(file, line, source, path, problem):
            let head = "\(file):\(line): source '\(Excerpt.excerpt(source))' has plainTextPath=\"\(Excerpt.excerpt(path))\", "
            switch problem {
            case .leavesFolder:
                return head + "which leads out of the folder it is read from; expected a path inside it (a relative:// path is read "
                    + "in --sources DIR, else in the folder of the .qdpx)"
            case .noFileName:
                return head + "which names no file; expected internal://NAME, relative://PATH or absolute://PATH"
            case .absoluteNeedsSources:
                return head + "a file on the machine that made the project; Paradox reads no path a project names: copy the file into a "
                    + "folder and give it with --sources DIR (read as DIR/<its file name>)"
            case let .notFound(lookedAt, basePath):
                let base = basePath.map { " (the project's basePath was '\(Excerpt.excerpt($0))')" } ?? ""
                return head + "but there is no file \(Excerpt.excerpt(lookedAt))\(base); give the folder holding the project's texts with --sources DIR"
            case let .notARegularFile(lookedAt):
                return head + "but \(Excerpt.excerpt(lookedAt)) is not a regular file; expected a UTF-8 text file"
            case let .tooLarge(lookedAt, limit):
                return head + "but \(Excerpt.excerpt(lookedAt)) is larger than \(limit) bytes, the most a project's text may hold"
            case let .notUTF8(lookedAt):
                return head + "but \(Excerpt.excerpt(lookedAt)) is not UTF-8 text"
            }
        }
    }
}
