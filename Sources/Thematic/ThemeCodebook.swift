/// A deductive theme codebook: themes with a definition, an optional parent and the evidence that
/// marks them in a segment.
///
/// Evidence is matched case- and diacritic-insensitively on word boundaries (see ``PatternMatcher``):
/// - `words`: single words; a trailing `*` makes a stem (`consent*` matches consent, consents, consenting);
/// - `phrases`: several words in order, separated by any whitespace or hyphen (`opt out` matches "opt-out");
///   the last word may also end in `*`;
/// - `regexes`: regular expressions run by Vectorscan (linear time; no backreferences or lookaround)
///   on the folded text of the segment (lower case, no diacritics, whitespace runs and dashes as one space);
/// - `exclusions`: words or phrases that veto this theme in a segment where they occur.
///
/// A segment coded to a theme counts for every ancestor of that theme too (NVivo's "aggregate").
public struct ThemeCodebook: Sendable, Equatable, Codable {
    /// The codebook's display name.
    public var name: String
    /// The themes in file order; parents need not come before their children.
    public var themes: [Theme]
    /// Where the codebook came from (a file path), used in messages.
    public var source: String

    public init(name: String, themes: [Theme], source: String = "<memory>") {
        self.name = name
        self.themes = themes
        self.source = source
    }

    /// The theme with `id`, if any.
    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }

    /// Ids of `id`'s ancestors, nearest first.
    public func ancestors(of id: String) -> [String] {
        var result: [String] = []
        var current = theme(id)?.parent
        while let parent = current, !result.contains(parent) {
            result.append(parent)
            current = theme(parent)?.parent
        }
        return result
    }

    /// Ids of the themes whose parent is `id` (nil: the top-level themes), in file order.
    public func children(of id: String?) -> [String] {
        themes.filter { $0.parent == id }.map(\.id)
    }

    /// Themes in depth-first order of the hierarchy (each parent followed by its children), with depth.
    public var outline: [(theme: Theme, depth: Int)] {
        var result: [(Theme, Int)] = []
        func visit(_ parent: String?, _ depth: Int) {
            for child in children(of: parent) {
                guard let theme = theme(child) else { continue }
                result.append((theme, depth))
                visit(child, depth + 1)
            }
        }
        visit(nil, 0)
        return result
    }
}

/// One theme of a ``ThemeCodebook``.
public struct Theme: Sendable, Equatable, Codable {
    public var id: String
    public var label: String
    public var definition: String
    public var parent: String?
    /// Display colour `#RRGGBB` for QDA software, if given.
    public var color: String?
    public var words: [String]
    public var phrases: [String]
    public var regexes: [String]
    public var exclusions: [String]
    /// Line of the theme's entry in the codebook file (0 when built in memory).
    public var line: Int

    public init(id: String, label: String, definition: String = "", parent: String? = nil, color: String? = nil,
                words: [String] = [], phrases: [String] = [], regexes: [String] = [], exclusions: [String] = [],
                line: Int = 0) {
        self.id = id
        self.label = label
        self.definition = definition
        self.parent = parent
        self.color = color
        self.words = words
        self.phrases = phrases
        self.regexes = regexes
        self.exclusions = exclusions
        self.line = line
    }
}
