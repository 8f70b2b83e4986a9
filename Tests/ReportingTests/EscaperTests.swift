import Foundation
import Simulation
import XCTest
@testable import Reporting

/// The renderers' escaping in one pass over UTF-8 against the character-by-character code it replaced.
final class EscaperTests: XCTestCase {
    func testLaTeXSpecialCharacters() {
        XCTAssertEqual(LaTeXRenderer.escape(##"&%$#_{}~^\"##),
                       ##"\&\%\$\#\_\{\}\textasciitilde{}\textasciicircum{}\textbackslash{}"##)
        XCTAssertEqual(LaTeXRenderer.escape("a_b & 50% of $3 #1"), ##"a\_b \& 50\% of \$3 \#1"##)
    }

    func testLaTeXSymbols() {
        XCTAssertEqual(LaTeXRenderer.escape("α if item deleted, η², −.46, ≤ 1, ≥ 2, 3 ± 1, ✓ ✗ ×"),
                       #"$\alpha$ if item deleted, $\eta$\textsuperscript{2}, $-$.46, $\leq$ 1, $\geq$ 2, 3 $\pm$ 1, \checkmark{} $\times$ $\times$"#)
        XCTAssertEqual(LaTeXRenderer.escape("Brown–Forsythe — β, ω, χ, κ, Δ <p>"),
                       #"Brown--Forsythe --- $\beta$, $\omega$, $\chi$, $\kappa$, $\Delta$ $<$p$>$"#)
        XCTAssertEqual(LaTeXRenderer.escape("Zürich, M₂ − M₁, café"), "Zürich, M₂ $-$ M₁, café")
    }

    /// A chosen character inside a larger character is kept, as comparing whole characters kept it.
    func testCharactersThatJoinANeighbourAreKept() {
        XCTAssertEqual(LaTeXRenderer.escape("<\u{338} 1"), "<\u{338} 1")           // ≮ spelt with a combining overlay
        XCTAssertEqual(LaTeXRenderer.escape("α\u{301}β"), "α\u{301}$\\beta$")
        XCTAssertEqual(LaTeXRenderer.escape("✓\u{FE0F}"), "✓\u{FE0F}")             // emoji presentation
        XCTAssertEqual(LaTeXRenderer.escape("\u{600}<"), "\u{600}<")               // a prefix joins what follows
        XCTAssertEqual(HTMLRenderer.escape("a\r\n<b>"), "a\r\n&lt;b&gt;")
        XCTAssertEqual(HTMLRenderer.escape("\"\u{301}&"), "\"\u{301}&amp;")
        XCTAssertEqual(MarkdownRenderer.escape("a|b\nc\r\nd"), "a\\|b c\r d")
        XCTAssertEqual(MarkdownRenderer.escape("|\u{301} x|\u{200D}"), "|\u{301} x\\|\u{200D}")
    }

    func testOnePassGivesUpOnlyNextToCharactersThatMayJoin() {
        let escaper = LaTeXRenderer.escaper
        XCTAssertEqual(escaper.escapedInOnePass("η² = .06 (n = 5)"), "$\\eta$\\textsuperscript{2} = .06 (n = 5)")
        XCTAssertEqual(escaper.escapedInOnePass("no special characters, ü"), "no special characters, ü")
        XCTAssertEqual(escaper.escapedInOnePass("ü & x"), "ü \\& x")
        XCTAssertNil(escaper.escapedInOnePass("ü&"))  // ü cannot join "&", but the pass does not know that
        XCTAssertNil(escaper.escapedInOnePass("α\u{301}"))
        XCTAssertNil(escaper.escapedInOnePass("x\u{338}<"))
        XCTAssertNil(MarkdownRenderer.escaper.escapedInOnePass("a\r\nb"))
    }

    /// What the one pass takes for granted: a chosen character next to ASCII or another chosen one is
    /// a character of its own (only CR LF is one character of two scalars).
    func testChosenCharactersNeverJoinTheirNeighbours() {
        for escaper in [LaTeXRenderer.escaper, HTMLRenderer.escaper, MarkdownRenderer.escaper] {
            let chosen = Array(escaper.table.keys)
            let neighbours = (0..<128).map { Unicode.Scalar(UInt8($0)) } + chosen
            for scalar in chosen {
                for neighbour in neighbours where !(neighbour == "\r" && scalar == "\n") {
                    XCTAssertEqual(String(String.UnicodeScalarView([neighbour, scalar])).count, 2, "U+\(neighbour.value) before \(scalar)")
                }
                for neighbour in neighbours where !(scalar == "\r" && neighbour == "\n") {
                    XCTAssertEqual(String(String.UnicodeScalarView([scalar, neighbour])).count, 2, "\(scalar) before U+\(neighbour.value)")
                }
            }
        }
    }

    /// A character equals a chosen one only when it is that very scalar (no other scalar or sequence
    /// is canonically equivalent to it), so the table can stand for the old `switch` over characters.
    func testOnlyTheChosenScalarEqualsAChosenCharacter() {
        let chosen = Set(LaTeXRenderer.escaper.table.keys).union(HTMLRenderer.escaper.table.keys)
        let characters = Set(chosen.map(Character.init))
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), characters.contains(Character(scalar)) else { continue }
            XCTAssertTrue(chosen.contains(scalar), "U+\(String(value, radix: 16)) equals a chosen character")
        }
        for scalar in chosen {
            XCTAssertEqual(String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.count, 1, "\(scalar)")
        }
    }

    /// Random texts over an alphabet of chosen characters, their ASCII neighbours and characters that
    /// join (combining marks, joiners, prefixes, variation selectors, CR LF, flags, Hangul).
    func testRandomTextsAsBefore() {
        let alphabet: [Unicode.Scalar] = [
            "a", "Z", "0", " ", ".", ",", "\"", "&", "%", "$", "#", "_", "{", "}", "~", "^", "\\", "|", "<", ">",
            "\n", "\r", "\t", "−", "—", "–", "α", "β", "η", "ω", "χ", "κ", "Δ", "²", "≤", "≥", "±", "✓", "✗", "×",
            "ü", "é", "₂", "√", "…", "’", "\u{301}", "\u{338}", "\u{200D}", "\u{600}", "\u{FE0F}", "\u{1F1E9}", "\u{1F1EA}",
            "\u{1100}", "\u{1161}", "\u{AC00}", "👍", "\u{93F}", "\u{915}", "\u{94D}",
        ]
        var generator = SplitMix64(seed: 20_261_123)
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...12, using: &generator)
            let text = String(String.UnicodeScalarView((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
            XCTAssertEqual(LaTeXRenderer.escape(text), Reference.latex(text), debug(text))
            XCTAssertEqual(HTMLRenderer.escape(text), Reference.html(text), debug(text))
            XCTAssertEqual(MarkdownRenderer.escape(text), Reference.markdown(text), debug(text))
        }
    }

    private func debug(_ text: String) -> String {
        text.unicodeScalars.map { "U+" + String($0.value, radix: 16) }.joined(separator: " ")
    }
}

/// The escaping functions as they were before the one-pass escaper.
private enum Reference {
    static func latex(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "&", "%", "$", "#", "_", "{", "}": out += "\\\(character)"
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "−": out += "$-$"
            case "—": out += "---"
            case "–": out += "--"
            case "α": out += "$\\alpha$"
            case "β": out += "$\\beta$"
            case "η": out += "$\\eta$"
            case "ω": out += "$\\omega$"
            case "χ": out += "$\\chi$"
            case "κ": out += "$\\kappa$"
            case "Δ": out += "$\\Delta$"
            case "²": out += "\\textsuperscript{2}"
            case "≤": out += "$\\leq$"
            case "≥": out += "$\\geq$"
            case "<": out += "$<$"
            case ">": out += "$>$"
            case "±": out += "$\\pm$"
            case "✓": out += "\\checkmark{}"
            case "✗": out += "$\\times$"
            case "×": out += "$\\times$"
            default: out.append(character)
            }
        }
        return out
    }

    static func html(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    static func markdown(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
