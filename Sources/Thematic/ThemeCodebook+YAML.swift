import Foundation
import Yams
import YAMLInput

extension ThemeCodebook {
    /// Reads a theme codebook from a YAML file (the format: `Codebooks/README.md`).
    ///
    /// ```yaml
    /// name: Personalization–privacy interview themes
    /// themes:
    ///   - id: communication
    ///     label: Clear communication about data usage
    ///     definition: The expert talks about telling customers what is collected and why.
    ///     words: [transparen*, explain*]
    ///     phrases: [privacy notice, "how we use (the|your) data"]
    ///   - id: consent
    ///     parent: communication
    ///     regex: ['opt ?(in|out)']
    ///     exclude: [consent decree]
    /// ```
    /// Every error names the file and the line of the offending node.
    public static func load(contentsOf url: URL) throws -> ThemeCodebook {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw CodebookError.unreadable(file: url.path, reason: error.localizedDescription)
        }
        return try parse(yaml: text, file: url.path)
    }

    /// Parses codebook YAML; `file` is used in error messages.
    public static func parse(yaml: String, file: String) throws -> ThemeCodebook {
        let root: Node?
        do { root = try YAMLDocument.compose(yaml, file: file) } catch let error as YAMLDocumentError {
            throw CodebookError.syntax(file: file, line: error.line ?? 0, column: error.column ?? 0, problem: error.message)
        }
        guard let root, let mapping = root.mapping else {
            throw CodebookError.expected(file: file, line: root?.mark?.line ?? 1, what: "a mapping with 'name' and 'themes'")
        }
        let name = mapping["name"]?.string ?? URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        guard let themesNode = mapping["themes"] else {
            throw CodebookError.missingField(file: file, line: root.mark?.line ?? 1, field: "themes")
        }
        guard let themeNodes = themesNode.sequence else {
            throw CodebookError.expected(file: file, line: line(of: themesNode), what: "a list of themes under 'themes'")
        }
        var themes: [Theme] = []
        var firstLine: [String: Int] = [:]
        for node in themeNodes {
            let theme = try parseTheme(node, file: file)
            if let first = firstLine[theme.id] {
                throw CodebookError.duplicateID(file: file, line: theme.line, id: theme.id, firstLine: first)
            }
            firstLine[theme.id] = theme.line
            themes.append(theme)
        }
        let codebook = ThemeCodebook(name: name, themes: themes, source: file)
        try codebook.validateHierarchy()
        return codebook
    }

    /// Checks that every parent exists and that parent links never loop.
    func validateHierarchy() throws {
        let ids = Set(themes.map(\.id))
        for theme in themes {
            if let parent = theme.parent, !ids.contains(parent) {
                throw CodebookError.unknownParent(file: source, line: theme.line, id: theme.id, parent: parent)
            }
        }
        for theme in themes {
            var path = [theme.id]
            var current = theme.parent
            while let parent = current {
                if parent == theme.id {
                    throw CodebookError.cycle(file: source, line: theme.line, ids: path)
                }
                if path.contains(parent) { break }  // a loop further up, reported from its own member
                path.append(parent)
                current = self.theme(parent)?.parent
            }
        }
    }

    private static let knownFields: Set<String> = ["id", "label", "definition", "parent", "color", "words", "phrases", "regex", "exclude"]

    private static func parseTheme(_ node: Node, file: String) throws -> Theme {
        let themeLine = line(of: node)
        guard let mapping = node.mapping else {
            throw CodebookError.expected(file: file, line: themeLine, what: "a theme mapping with at least 'id' and 'label'")
        }
        for key in mapping.keys {
            guard let field = key.string, knownFields.contains(field) else {
                throw CodebookError.unknownField(file: file, line: line(of: key), field: key.string ?? "?")
            }
        }
        func scalar(_ field: String) throws -> String? {
            guard let value = mapping[field] else { return nil }
            guard let text = value.scalar?.string else {
                throw CodebookError.expected(file: file, line: line(of: value), what: "a text value for '\(field)'")
            }
            return text
        }
        func list(_ field: String) throws -> [(text: String, line: Int, column: Int)] {
            guard let value = mapping[field] else { return [] }
            if let text = value.scalar?.string { return [(text, line(of: value), column(of: value))] }
            guard let items = value.sequence else {
                throw CodebookError.expected(file: file, line: line(of: value), what: "a list of terms for '\(field)'")
            }
            return try items.map { item in
                guard let text = item.scalar?.string else {
                    throw CodebookError.expected(file: file, line: line(of: item), what: "a term (text) in '\(field)'")
                }
                return (text, line(of: item), column(of: item))
            }
        }
        guard let id = try scalar("id"), !id.isEmpty else {
            throw CodebookError.missingField(file: file, line: themeLine, field: "id")
        }
        guard let label = try scalar("label") else {
            throw CodebookError.missingField(file: file, line: themeLine, field: "label")
        }
        if let color = try scalar("color"), color.range(of: "^#([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})$", options: .regularExpression) == nil {
            throw CodebookError.expected(file: file, line: line(of: mapping["color"]!), what: "a colour as #RRGGBB, found '\(color)'")
        }
        let words = try list("words")
        let phrases = try list("phrases")
        let regexes = try list("regex")
        let exclusions = try list("exclude")
        for (term, termLine, _) in words {
            if term.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                throw CodebookError.badTerm(file: file, line: termLine, term: term, reason: "a word cannot contain spaces; list it under 'phrases'")
            }
        }
        for (term, termLine, _) in words + phrases + exclusions {
            if let problem = PatternMatcher.problem(inTerm: term) {
                throw CodebookError.badTerm(file: file, line: termLine, term: term, reason: problem)
            }
        }
        do {
            _ = try PatternMatcher(terms: [], regularExpressions: regexes.map { ($0.text, 0) })
        } catch let PatternError.badRegex(pattern, reason) {
            let position = regexes.first { $0.text == pattern }
            throw CodebookError.badRegex(file: file, line: position?.line ?? themeLine, column: position?.column ?? 0,
                                         pattern: pattern, reason: reason)
        }
        return Theme(
            id: id, label: label, definition: try scalar("definition") ?? "", parent: try scalar("parent"),
            color: try scalar("color"), words: words.map(\.text), phrases: phrases.map(\.text),
            regexes: regexes.map(\.text), exclusions: exclusions.map(\.text), line: themeLine
        )
    }

    private static func line(of node: Node) -> Int { node.mark?.line ?? 0 }
    private static func column(of node: Node) -> Int { node.mark?.column ?? 0 }
}
