import MessageText

/// An error in a theme codebook file; each case names the file and the line.
public enum CodebookError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    /// The YAML itself does not parse.
    case syntax(file: String, line: Int, column: Int, problem: String)
    /// A node has the wrong shape, e.g. a scalar where a list of themes was expected.
    case expected(file: String, line: Int, what: String)
    case missingField(file: String, line: Int, field: String)
    case unknownField(file: String, line: Int, field: String)
    case duplicateID(file: String, line: Int, id: String, firstLine: Int)
    case unknownParent(file: String, line: Int, id: String, parent: String)
    /// Parent links that loop; `ids` lists the loop starting at the theme on `line`.
    case cycle(file: String, line: Int, ids: [String])
    /// A regular expression the linear-time engine cannot take (backreferences, lookaround …), at its line and column.
    case badRegex(file: String, line: Int, column: Int, pattern: String, reason: String)
    case badTerm(file: String, line: Int, term: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read the codebook: \(reason)"
        case let .syntax(file, line, column, problem):
            return "\(file):\(line):\(column): \(problem)"
        case let .expected(file, line, what):
            return "\(file):\(line): expected \(what)"
        case let .missingField(file, line, field):
            return "\(file):\(line): theme is missing the required field '\(field)'"
        case let .unknownField(file, line, field):
            return "\(file):\(line): unknown field '\(field)' (expected id, label, definition, parent, color, words, phrases, regex, exclude)"
        case let .duplicateID(file, line, id, firstLine):
            return "\(file):\(line): duplicate theme id '\(id)' (first defined on line \(firstLine))"
        case let .unknownParent(file, line, id, parent):
            return "\(file):\(line): theme '\(id)' names an unknown parent '\(parent)'"
        case let .cycle(file, line, ids):
            return "\(file):\(line): the parent links form a cycle: \((ids + [ids[0]]).joined(separator: " → "))"
        case let .badRegex(file, line, column, pattern, reason):
            return "\(file):\(line):\(column): regular expression '\(Excerpt.excerpt(pattern))' cannot be used: \(reason)"
        case let .badTerm(file, line, term, reason):
            return "\(file):\(line): invalid term '\(Excerpt.excerpt(term))': \(reason)"
        }
    }
}
