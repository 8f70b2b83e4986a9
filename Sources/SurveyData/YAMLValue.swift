import Foundation
import Yams
import MessageText
import YAMLInput

/// A node of a parsed YAML file with typed accessors whose errors name the file, line and column.
///
/// Codebooks and study files are read through this one type so that every configuration mistake
/// is reported the same way (``ConfigFileError``).
public struct YAMLValue {
    public let node: Node
    public let file: String
    /// Dotted path of the node in the document, for messages (e.g. `variables[3].scale`).
    public let path: String

    /// Parses `text` through ``YAMLInput/YAMLDocument`` (complex keys and alias bombs refused); its
    /// errors become a ``ConfigFileError`` at the same line and column.
    public init(text: String, file: String) throws {
        let root: Node?
        do { root = try YAMLDocument.compose(text, file: file) } catch let error as YAMLDocumentError {
            throw ConfigFileError(file: error.file, line: error.line, column: error.column, message: error.message)
        }
        guard let root else {
            throw ConfigFileError(file: file, line: nil, column: nil, message: "the file is empty (expected a YAML mapping)")
        }
        self.init(node: root, file: file, path: "")
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
}
