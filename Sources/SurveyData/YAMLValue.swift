import Foundation
import Yams
import MessageText

/// A node of a parsed YAML file with typed accessors whose errors name the file, line and column.
///
/// Codebooks and study files are read through this one type so that every configuration mistake
/// is reported the same way (``ConfigFileError``).
public struct YAMLValue {
    public let node: Node
    public let file: String
    /// Dotted path of the node in the document, for messages (e.g. `variables[3].scale`).
    public let path: String

    /// Parses `text`; a syntax error becomes a ``ConfigFileError`` at the parser's position, and so
    /// do a complex key (``ComplexKeyScan``) and a document whose aliases expand it beyond
    /// ``expansionLimit(textSize:)``.
    public init(text: String, file: String) throws {
        if let (line, column) = ComplexKeyScan.firstComplexKey(in: text) {
            throw ConfigFileError(file: file, line: line, column: column,
                                  message: "a list, mapping or alias (*name) used as a key, or a '?' key (expected text keys)")
        }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                throw ConfigFileError(file: file, line: nil, column: nil, message: "the file is empty (expected a YAML mapping)")
            }
            try Self.checkExpandedSize(root, limit: Self.expansionLimit(textSize: text.utf8.count), file: file)
            self.init(node: root, file: file, path: "")
        } catch let error as YamlError {
            throw Self.configError(error, file: file)
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
    /// - Throws: ``ConfigFileError`` at the node where the limit is passed.
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
                throw ConfigFileError(
                    file: file, line: node.mark?.line, column: node.mark?.column,
                    message: "YAML aliases (*name) expand the file to more than \(limit) characters (10 times its size plus 64 KiB) "
                        + "(expected aliases that repeat small parts; write long text once)")
            }
        }
    }

    /// Reads and parses the YAML file at `url`.
    public init(contentsOf url: URL) throws {
        let display = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw ConfigFileError(file: display, line: nil, column: nil, message: "cannot read the file (does it exist?)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigFileError(file: display, line: nil, column: nil, message: "the file is not valid UTF-8 text")
        }
        try self.init(text: text, file: display)
    }

    init(node: Node, file: String, path: String) {
        self.node = node
        self.file = file
        self.path = path
    }

    public var line: Int? { node.mark?.line }
    public var column: Int? { node.mark?.column }
    public var location: ConfigFileLocation { ConfigFileLocation(file: file, line: line, column: column) }

    /// An error located at this node.
    public func error(_ message: String) -> ConfigFileError {
        ConfigFileError(file: file, line: line, column: column, message: path.isEmpty ? message : "\(path): \(message)")
    }

    // MARK: Structure

    /// The value under `key`, or `nil` when the key is absent or null.
    public func optional(_ key: String) throws -> YAMLValue? {
        guard let mapping = node.mapping else { throw error("expected a mapping with key '\(key)'") }
        guard let child = mapping[key], child != Node("~"), child.null == nil else { return nil }
        return YAMLValue(node: child, file: file, path: path.isEmpty ? key : "\(path).\(key)")
    }

    /// The value under `key`; its absence is an error naming the key.
    public func required(_ key: String) throws -> YAMLValue {
        guard let value = try optional(key) else { throw error("missing required key '\(key)'") }
        return value
    }

    /// The items of a sequence.
    public func sequence() throws -> [YAMLValue] {
        guard let items = node.sequence else { throw error("expected a list") }
        return items.enumerated().map { YAMLValue(node: $1, file: file, path: "\(path)[\($0 + 1)]") }
    }

    /// The key–value pairs of a mapping, in file order.
    public func pairs() throws -> [(key: YAMLValue, value: YAMLValue)] {
        guard let mapping = node.mapping else { throw error("expected a mapping") }
        return mapping.map { pair in
            let name = pair.key.string ?? "?"
            return (YAMLValue(node: pair.key, file: file, path: path.isEmpty ? name : "\(path).\(name)"),
                    YAMLValue(node: pair.value, file: file, path: path.isEmpty ? name : "\(path).\(name)"))
        }
    }

    /// Rejects keys other than `allowed`, so that a misspelt key is not silently ignored.
    public func checkKeys(_ allowed: Set<String>) throws {
        for (key, _) in try pairs() {
            guard let name = key.node.string, allowed.contains(name) else {
                throw key.error("unknown key '\(Excerpt.excerpt(key.node.string ?? "?"))' (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// The strings of a list (a single string as a one-element list), each with its node (for its line).
    public func namedEntries() throws -> [(name: String, node: YAMLValue)] {
        if node.scalar != nil { return [(try string(), self)] }
        return try sequence().map { (try $0.string(), $0) }
    }

    // MARK: Scalars

    public func string() throws -> String {
        guard let scalar = node.scalar else { throw error("expected a text value") }
        return scalar.string
    }

    public func int() throws -> Int {
        guard let scalar = node.scalar, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            throw error("expected a whole number, found '\(Excerpt.excerpt(node.scalar?.string ?? "a list or mapping"))'")
        }
        return value
    }

    public func double() throws -> Double {
        guard let scalar = node.scalar, let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)) else {
            throw error("expected a number, found '\(Excerpt.excerpt(node.scalar?.string ?? "a list or mapping"))'")
        }
        return value
    }

    public func bool() throws -> Bool {
        guard let value = node.bool else { throw error("expected true or false, found '\(Excerpt.excerpt(node.scalar?.string ?? "a list or mapping"))'") }
        return value
    }

    /// A list of strings; a single string is accepted as a one-element list.
    public func strings() throws -> [String] {
        try namedEntries().map(\.name)
    }

    private static func configError(_ error: YamlError, file: String) -> ConfigFileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            return ConfigFileError(file: file, line: mark.line, column: mark.column, message: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return ConfigFileError(file: file, line: context.mark.line, column: context.mark.column,
                                   message: "the key \(Excerpt.excerptList(duplicates.map { "'\($0)'" })) appears more than once in a mapping "
                                       + "(first here; expected each key once)")
        default:
            return ConfigFileError(file: file, line: nil, column: nil, message: "YAML error: \(error)")
        }
    }
}
