import XCTest
@testable import Thematic

final class PatternMatcherTests: XCTestCase {
    private func found(_ terms: [String], in text: String, regexes: [String] = []) throws -> [(String, String)] {
        let matcher = try PatternMatcher(terms: terms.map { ($0, 0, .evidence) }, regularExpressions: regexes.map { ($0, 0) })
        let scalars = Array(text.unicodeScalars)
        return try matcher.matches(in: Substring(text)).map { match in
            var words = String.UnicodeScalarView()
            words.append(contentsOf: scalars[match.span])
            return (matcher.patterns[match.patternIndex].term, String(words))
        }
    }

    func testWordRespectsWordBoundaries() throws {
        let hits = try found(["data"], in: "Data, metadata and data-driven datasets: big DATA.")
        XCTAssertEqual(hits.map(\.1), ["Data", "data", "DATA"])
    }

    func testStemMatchesAnyEnding() throws {
        let hits = try found(["consent*"], in: "Consent, consents and consenting — but not nonconsent.")
        XCTAssertEqual(hits.map(\.1), ["Consent", "consents", "consenting"])
    }

    func testPhraseMatchesAcrossWhitespaceAndHyphens() throws {
        let hits = try found(["opt out", "privacy notice"], in: "You can opt-out, opt\n out, or read the privacy   notice.")
        XCTAssertEqual(hits.map(\.1), ["opt-out", "opt\n out", "privacy   notice"])
    }

    func testCaseAndDiacriticsAreFolded() throws {
        let composed = "Café naïve RÉSUMÉ"
        let decomposed = "Cafe\u{301} nai\u{308}ve"
        XCTAssertEqual(try found(["cafe", "naive", "resume"], in: composed).map(\.1), ["Café", "naïve", "RÉSUMÉ"])
        XCTAssertEqual(try found(["café", "naïve"], in: decomposed).map(\.1), ["Cafe\u{301}", "nai\u{308}ve"])
    }

    func testCurlyApostropheMatchesStraight() throws {
        XCTAssertEqual(try found(["don't share"], in: "We don’t share it.").map(\.1), ["don’t share"])
    }

    func testOffsetsAreUnicodeScalarsOfTheOriginal() throws {
        let text = "👩‍💻 naïve Zoë said “consent” twice: consent."
        let matcher = try PatternMatcher(terms: [("consent", 0, .evidence)], regularExpressions: [])
        let spans = try matcher.matches(in: Substring(text), startOffset: 100).map(\.span)
        let scalars = Array(text.unicodeScalars)
        XCTAssertEqual(spans.count, 2)
        for span in spans {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[(span.lowerBound - 100)..<(span.upperBound - 100)])), "consent")
        }
        XCTAssertEqual(spans[0].lowerBound, 100 + 20)
    }

    func testOverlappingPatternsAreAllReported() throws {
        let hits = try found(["data", "data protection", "protection officer"], in: "our data protection officer")
        XCTAssertEqual(hits.map(\.0), ["data", "data protection", "protection officer"])
    }

    func testRegularExpressionRunsOnFoldedText() throws {
        let hits = try found([], in: "Users can OPT-IN or Opt In here.", regexes: ["opt ?in"])
        XCTAssertEqual(hits.map(\.1), ["OPT-IN", "Opt In"])
    }

    func testRegularExpressionMatchesAreLongestAndDoNotOverlap() throws {
        XCTAssertEqual(try found([], in: "aaa b aa", regexes: ["a+"]).map(\.1), ["aaa", "aa"])
        XCTAssertEqual(try found([], in: "aaaa", regexes: ["a.a"]).map(\.1), ["aaa"])
    }

    func testNestedQuantifierRunsInLinearTime() throws {
        // `(a+)+$` takes exponential time in a backtracking engine (issue 16); here one pass.
        let text = String(repeating: "a", count: 100_000) + "b"
        XCTAssertEqual(try found([], in: text, regexes: ["(a+)+$"]).count, 0)
        XCTAssertEqual(try found([], in: String(text.dropLast()), regexes: ["(a+)+$"]).map(\.1.count), [100_000])
    }

    func testStartOfMatchFoundOverLongTexts() throws {
        // Vectorscan 5.4.9 aborted ("buffer overflow detected") finding where `x+y` starts in 400 bytes.
        let text = String(repeating: "hello world ", count: 100) + "xxxxy " + String(repeating: "abc ", count: 100) + "xy"
        XCTAssertEqual(try found([], in: text, regexes: ["x+y", "[a-z]+xy", ".*xy"]).map(\.1),
                       [text, "xxxxy", "xxxxy", "xy"])
    }

    func testExpressionsAnAutomatonCannotRunAreRejected() {
        for pattern in ["(a)\\1", "opt(?=in)", "(?<!no )consent", "(?>a+)b", "y*"] {
            XCTAssertThrowsError(try PatternMatcher(terms: [], regularExpressions: [(pattern, 0)]), pattern) { error in
                guard case let PatternError.badRegex(rejected, _) = error else { return XCTFail("\(error)") }
                XCTAssertEqual(rejected, pattern)
            }
        }
    }

    func testWildcardInsideTermIsRejected() {
        XCTAssertNotNil(PatternMatcher.problem(inTerm: "con*sent"))
        XCTAssertNotNil(PatternMatcher.problem(inTerm: " - "))
        XCTAssertNil(PatternMatcher.problem(inTerm: "consent*"))
    }
}
