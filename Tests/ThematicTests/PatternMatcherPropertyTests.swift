import Simulation
import XCTest
@testable import Thematic

/// ``PatternMatcher`` (automaton + Vectorscan) against ``NaivePatternMatcher`` on random texts,
/// terms and regular expressions drawn from a small alphabet so that matches, near-misses, word
/// boundaries, accents, hyphens and combining marks are frequent.
final class PatternMatcherPropertyTests: XCTestCase {
    private static let textPieces = ["da", "ta", "Da", "TA", "é", "e\u{301}", "ß", "ss", " ", "  ", "-", "—", "'", "’",
                                     ",", ".", "\n", "_", "1", "ï", "œ", "oe", "α", "👩‍💻", "\u{301}"]
    private static let termPieces = ["da", "ta", "e", "é", "ss", "ß", "oe", "1", "α"]

    private func text(_ random: inout SeededRandom, pieces: [String], count: ClosedRange<Int>) -> String {
        (0..<random.int(in: count)).map { _ in pieces[random.int(in: 0...(pieces.count - 1))] }.joined()
    }

    private func term(_ random: inout SeededRandom) -> String {
        var words = (0..<random.int(in: 1...2)).map { _ in text(&random, pieces: Self.termPieces, count: 1...3) }
        if random.int(in: 0...3) == 0 { words[words.count - 1] += "*" }
        return words.joined(separator: random.int(in: 0...1) == 0 ? " " : "-")
    }

    /// Regular expressions whose ICU match (leftmost, greedy) is also the leftmost-longest one.
    private func regex(_ random: inout SeededRandom) -> String {
        let atoms = ["da", "ta", "e", "ss", "(da|ta)", "d?a", "t+", "[de]", "\\d", "a ?t", "d+t", "[a-z]+ta"]
        var pattern = (0..<random.int(in: 1...3)).map { _ in atoms[random.int(in: 0...(atoms.count - 1))] }.joined()
        if random.int(in: 0...2) == 0 { pattern = "\\b" + pattern + "\\b" }
        return pattern
    }

    func testMatcherAgreesWithTheNaiveOracle() throws {
        var random = SeededRandom(seed: 20_261_206)
        for round in 0..<400 {
            let terms = (0..<random.int(in: 1...6)).map { _ in term(&random) }.filter { PatternMatcher.problem(inTerm: $0) == nil }
            let regexes = (0..<random.int(in: 0...2)).map { _ in regex(&random) }
            // Every fourth text is long enough to span several of the pieces Vectorscan is fed.
            let sample = text(&random, pieces: Self.textPieces, count: round % 4 == 0 ? 100...600 : 0...40)
            let matcher = try PatternMatcher(terms: terms.map { ($0, 0, .evidence) }, regularExpressions: regexes.map { ($0, 0) })
            let fast = try matcher.matches(in: Substring(sample)).map { "\($0.patternIndex):\($0.span)" }
            let oracle = try NaivePatternMatcher(terms: terms, regexes: regexes).matches(in: sample).map { "\($0.0):\($0.1)" }
            XCTAssertEqual(fast, oracle, "round \(round): terms \(terms), regexes \(regexes), text \(sample.debugDescription)")
        }
    }
}

/// A seeded generator (Simulation's SplitMix64), so every run draws the same cases.
typealias SeededRandom = SplitMix64

extension SplitMix64 {
    mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }
}
