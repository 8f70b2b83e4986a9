/// Columns that answer one question together: Qualtrics' `Q3_1`, `Q3_2`, … and LimeSurvey's
/// `Q3[SQ001]`, `Q3[SQ002]`, … (a matrix's items, the options of a "select all that apply") share the
/// question `Q3`. A name is an item when it ends in `_` and digits, or in a bracketed code, and at
/// least one other column has the same stem; display-order and free-text columns are not items
/// (``holdsText(_:)``). Qualtrics' Text iQ columns derived from an open answer (`Q2 - Topics`,
/// `Q2 - Sentiment Score`) belong to that answer's question `Q2`.
struct QuestionBlocks {
    /// The names of each question's items, in file order, by question.
    private var items: [String: [String]] = [:]
    /// Column index by name.
    private let positions: [String: Int]

    /// The widest scale read as Likert: 11 points (0–10).
    static let maximumLikertPoints = 11

    init(names: [String]) {
        positions = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var byStem: [String: [String]] = [:]
        for name in names where !Self.holdsText(name) {
            if let stem = Self.stem(of: name) { byStem[stem, default: []].append(name) }
        }
        items = byStem.filter { $0.value.count >= 2 }
    }

    /// Display-order (`Q3_DO`) and free-text columns (`Q4_3_TEXT`, `Q4[other]`, `Q4[SQ001comment]`),
    /// which hold text whatever their question's answers are.
    static func holdsText(_ name: String) -> Bool {
        name.hasSuffix("_DO") || name.hasSuffix("_TEXT") || name.hasSuffix("[other]") || name.hasSuffix("comment]") || name.hasSuffix(" Topics")
    }

    /// `Q3` for `Q3_12` and for `Q3[SQ001]`; `nil` for a name ending in neither.
    private static func stem(of name: String) -> String? {
        if name.hasSuffix("]"), let bracket = name.firstIndex(of: "["), bracket > name.startIndex { return String(name[..<bracket]) }
        guard let underscore = name.lastIndex(of: "_") else { return nil }
        let digits = name[name.index(after: underscore)...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), underscore > name.startIndex else { return nil }
        return String(name[..<underscore])
    }

    /// The question `name` is an item of, or derived from (`Q2` for `Q2 - Topics`), if any.
    func question(of name: String) -> String? {
        if let separator = name.range(of: " - "), positions[String(name[..<separator.lowerBound])] != nil {
            return String(name[..<separator.lowerBound])
        }
        return Self.stem(of: name).flatMap { items[$0] == nil ? nil : $0 }
    }

    /// The common scale of `name`'s question when every item holds whole-number codes (besides −99)
    /// that together span 2 to 11 points within −100…100; `nil` otherwise.
    func likertRange(of name: String, profiles: [ColumnProfile]) -> ClosedRange<Int>? {
        guard let question = question(of: name), let members = items[question] else { return nil }
        var lowest = Int.max, highest = Int.min
        for member in members {
            guard let position = positions[member] else { return nil }
            let profile = profiles[position]
            guard profile.allIntegers else { return nil }
            guard let range = profile.integerRange else { continue }
            lowest = min(lowest, range.lowerBound)
            highest = max(highest, range.upperBound)
        }
        guard lowest < highest, lowest >= -100, highest <= 100, highest - lowest < Self.maximumLikertPoints else { return nil }
        return lowest...highest
    }
}
