import MessageText
import Yams

/// YAML from a user's file parsed with the guards every reader of it needs (study files, codebooks,
/// theme codebooks): a complex key (``ComplexKeyScan``) and a document whose aliases expand it
/// beyond ``expansionLimit(textSize:)`` are refused before anything reads them, and every Yams
/// error becomes a ``YAMLDocumentError`` at its line and column, bounded in length.
public enum YAMLDocument {
    /// The root node of `text` (`nil` for an empty document).
    public static func compose(_ text: String, file: String) throws -> Node? {
        if let (line, column) = ComplexKeyScan.firstComplexKey(in: text) {
            throw YAMLDocumentError(file: file, line: line, column: column,
                                    message: "a list, mapping or alias (*name) used as a key, or a '?' key (expected text keys)")
        }
        do {
            guard let root = try Yams.compose(yaml: text) else { return nil }
            try checkExpandedSize(root, limit: expansionLimit(textSize: text.utf8.count), file: file)
            return root
        } catch let error as YamlError {
            throw YAMLDocumentError(error, file: file)
        }
    }

    /// The most a document of `textSize` bytes may expand to (nodes plus scalar bytes, every alias
    /// replaced by what it names): 10 times its size plus 64 KiB. Without aliases a document expands
    /// to at most about twice its size; aliases that repeat a notice or a label set a few times stay
    /// far below, while a "billion laughs" (nested aliases) or 100 aliases of a 1 MB notice — which
    /// would make every reader and the report repeat it — are refused.
    static func expansionLimit(textSize: Int) -> Int { 10 * textSize + 65_536 }

    /// Walks the tree as the readers will, aliases expanded, and stops as soon as more than `limit`
    /// nodes and scalar bytes have been seen (so its time is O(limit), whatever the nesting).
    static func checkExpandedSize(_ root: Node, limit: Int, file: String) throws {
        var remaining = limit - 1
        var pending = [root]
        while let node = pending.popLast() {
            switch node {
            case .scalar(let scalar): remaining -= scalar.string.utf8.count
            case .mapping(let mapping):
                remaining -= 2 * mapping.count
                if remaining >= 0 { for pair in mapping { pending += [pair.key, pair.value] } }
            case .sequence(let sequence):
                remaining -= sequence.count
                if remaining >= 0 { pending += sequence }
            case .alias: remaining -= 1
            }
            guard remaining >= 0 else {
                throw YAMLDocumentError(
                    file: file, line: node.mark?.line, column: node.mark?.column,
                    message: "YAML aliases (*name) expand the file to more than \(limit) characters (10 times its size plus 64 KiB) "
                        + "(expected aliases that repeat small parts; write long text once)")
            }
        }
    }
}

/// A YAML file that cannot be read as a document: where (line and column when known) and why.
public struct YAMLDocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// A Yams error at the parser's position; a duplicated key at the mapping that repeats it.
    init(_ error: YamlError, file: String) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            self.init(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(Excerpt.excerpt(problem))")
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(file: file, line: context.mark.line, column: context.mark.column,
                      message: "the key \(Excerpt.excerptList(duplicates.map { "'\($0)'" })) appears more than once in a mapping "
                          + "(first here; expected each key once)")
        default:
            self.init(file: file, line: nil, column: nil, message: "YAML error: \(Excerpt.excerpt(String(describing: error)))")
        }
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? "")\(column.map { ":\($0)" } ?? ""): \(message)"
    }
}
