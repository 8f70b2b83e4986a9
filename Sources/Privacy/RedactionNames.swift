import Foundation
import SurveyData

/// Names to redact wherever they stand as whole words, beside what ``PersonNameDetector`` finds: the
/// participants' names and speaker labels, and the names a user lists (`--names FILE`). A name is
/// one or more words (letters, digits, `'`, `’`, `-`, as ``TextWords`` reads them), matched without
/// regard to case, its words separated by spaces or tabs (and a `.` before them: `Dr. Jane`) only; a possessive
/// `'s` (or a bare `'`) after its last word is kept outside the replacement (`Jane's` → `[name]'s`).
/// Where several names start at one word, the longest is taken.
public struct RedactionNames: Sendable {
    /// Each name's words lower-cased, by its first word.
    private var byFirstWord: [String: [[String]]] = [:]
    /// The most words of a name.
    private(set) var maximumWords = 0

    public static let none = RedactionNames([])

    public init<Names: Sequence>(_ names: Names) where Names.Element == String {
        for name in names { add(name) }
    }

    public var isEmpty: Bool { byFirstWord.isEmpty }

    public mutating func add(_ name: String) {
        let words = Self.words(of: name)
        guard let first = words.first, !(byFirstWord[first]?.contains(words) ?? false) else { return }
        byFirstWord[first, default: []].append(words)
        maximumWords = max(maximumWords, words.count)
    }

    public mutating func add(_ other: RedactionNames) {
        for names in other.byFirstWord.values { for words in names { add(words.joined(separator: " ")) } }
    }

    /// The names of a names file: one a line, blank lines and lines starting with `#` skipped.
    /// - Throws: ``RedactionError/unreadableNames(file:)``, ``RedactionError/notUTF8(file:line:)``.
    public static func read(contentsOf url: URL, shown: String) throws -> RedactionNames {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw RedactionError.unreadableNames(file: shown) }
        let bytes = [UInt8](data)
        if let offset = bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset) {
            throw RedactionError.notUTF8(file: shown, line: bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) })
        }
        let text = String(decoding: bytes, as: UTF8.self)
        return RedactionNames(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") })
    }

    /// The words of `text` lower-cased (a word: letters, digits, `'`, `’`, `-`).
    static func words<S: StringProtocol>(of text: S) -> [String] {
        text.split { character in !(character.isLetter || character.isNumber || "'’-".contains(character)) }.map { $0.lowercased() }
    }

    /// The name that starts at word `start` of a line (``TextWords``), if one does: the index of its
    /// last word and the character where the replacement ends (before a possessive). `word` gives a
    /// word's text lower-cased.
    func match(_ words: WordWindow, from start: Int, word: (TextWords.Word) -> String) -> (last: Int, end: Int)? {
        let first = word(words[start])
        let (firstBase, firstSuffix) = Self.possessive(first)
        var best: (last: Int, end: Int)?
        for candidate in (byFirstWord[first] ?? []) + (firstSuffix > 0 ? byFirstWord[firstBase] ?? [] : []) {
            guard candidate.count > (best.map { $0.last - start + 1 } ?? 0), start + candidate.count <= words.count else { continue }
            var end = words[start].end
            let matches = candidate.indices.allSatisfy { offset in
                let index = start + offset, current = words[index]
                guard offset == 0 || current.has(.joinsPrevious) else { return false }
                let text = offset == 0 ? first : word(current)
                if text == candidate[offset] { end = current.end; return true }
                let (base, suffix) = Self.possessive(text)
                guard offset == candidate.count - 1, suffix > 0, base == candidate[offset] else { return false }
                end = current.end - suffix
                return true
            }
            if matches { best = (start + candidate.count - 1, end) }
        }
        return best
    }

    /// A word without a possessive ending (`'s`, `’s`, `'`, `’`) and the characters of the ending.
    private static func possessive(_ word: String) -> (base: String, suffix: Int) {
        for ending in ["'s", "’s", "'", "’"] where word.hasSuffix(ending) && word.count > ending.count {
            return (String(word.dropLast(ending.count)), ending.count)
        }
        return (word, 0)
    }
}
