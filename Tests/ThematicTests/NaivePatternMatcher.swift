import Foundation
@testable import Thematic

/// The oracle for ``PatternMatcher``: the same matching rules written the plain way — the text folded
/// scalar by scalar with ``TextFolding``, every term compared at every position, regular
/// expressions run by ICU (`NSRegularExpression`) on the folded text, with `\\b` and `\\d` made ASCII. Quadratic and slow; for tests.
struct NaivePatternMatcher {
    let terms: [String]
    let regexes: [String]

    /// The folded text: each folded scalar with the original scalar offsets it came from.
    private struct Folded {
        var scalars: [Unicode.Scalar] = []
        var origins: [Range<Int>] = []
    }

    private static func fold(_ text: String) -> Folded {
        var folded = Folded()
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let pieces = TextFolding.fold(scalar)
            if pieces.isEmpty {  // a combining mark joins the scalar before it
                if let last = folded.origins.last { folded.origins[folded.origins.count - 1] = last.lowerBound..<(offset + 1) }
                continue
            }
            for piece in pieces {
                if piece == TextFolding.space, folded.scalars.last ?? TextFolding.space == TextFolding.space { continue }
                folded.scalars.append(piece)
                folded.origins.append(offset..<(offset + 1))
            }
        }
        return folded
    }

    /// `pattern` with ICU's Unicode `\b` and `\d` spelt out as the ASCII classes the matcher documents.
    private static func asciiClasses(_ pattern: String) -> String {
        let word = "[A-Za-z0-9_]"
        return pattern
            .replacingOccurrences(of: "\\b", with: "(?:(?<!\(word))(?=\(word))|(?<=\(word))(?!\(word)))")
            .replacingOccurrences(of: "\\d", with: "[0-9]")
    }

    /// (pattern index, span) of every match, sorted as ``PatternMatcher`` sorts them.
    func matches(in text: String) throws -> [(Int, Range<Int>)] {
        let folded = Self.fold(text)
        let isWord = folded.scalars.map(TextFolding.isWordScalar)
        var found: [(Int, Range<Int>)] = []
        for (index, term) in terms.enumerated() {
            let isStem = term.hasSuffix("*")
            let needle = PatternMatcher.foldedTerm(isStem ? String(term.dropLast()) : term)
            guard !needle.isEmpty, needle.count <= folded.scalars.count else { continue }
            for start in 0...(folded.scalars.count - needle.count) where Array(folded.scalars[start..<(start + needle.count)]) == needle {
                var end = start + needle.count
                if TextFolding.isWordScalar(needle[0]), start > 0, isWord[start - 1] { continue }
                if !isStem, TextFolding.isWordScalar(needle[needle.count - 1]), end < isWord.count, isWord[end] { continue }
                if isStem { while end < isWord.count, isWord[end] { end += 1 } }
                found.append((index, folded.origins[start].lowerBound..<folded.origins[end - 1].upperBound))
            }
        }
        var utf16Origins: [Range<Int>] = []
        for (scalar, origin) in zip(folded.scalars, folded.origins) {
            utf16Origins += Array(repeating: origin, count: scalar.utf16.count)
        }
        let foldedString = String(String.UnicodeScalarView(folded.scalars))
        for (offset, pattern) in regexes.enumerated() {
            let expression = try NSRegularExpression(pattern: Self.asciiClasses(pattern))
            for result in expression.matches(in: foldedString, range: NSRange(location: 0, length: utf16Origins.count)) where result.range.length > 0 {
                found.append((terms.count + offset, utf16Origins[result.range.location].lowerBound..<utf16Origins[NSMaxRange(result.range) - 1].upperBound))
            }
        }
        return found.sorted { ($0.1.lowerBound, $0.0) < ($1.1.lowerBound, $1.0) }
    }
}
