import Foundation
import XCTest
@testable import Privacy

/// The byte-level redaction finds exactly what the `Character`-level one it replaced found
/// (``ReferenceRedaction``): the same pieces at the same places, on random and hostile texts
/// (Unicode, combining marks, canonically equivalent spellings, every line break, very long tokens),
/// the labelled test set and the bundled transcripts.
final class TextRedactionOracleTests: XCTestCase {
    /// Pieces of text the random texts are made of: the detectors' triggers, their look-alikes and
    /// the characters whose grapheme rules or properties differ from ASCII's.
    static let tokens: [String] = [
        "Sarah", "Connor", "Mary", "Ann", "Anna", "Maria", "Smith", "Jean-Luc", "Picard", "O'Neil", "D’Arcy", "Dr", "Dr.", "Mr",
        "Mrs.", "Frau", "Müller", "Herr", "José", "Jose\u{301}", "Jos\u{E9}", "\u{212A}evin", "Kevin", "Señora", "The", "I", "May",
        "Monday", "Will", "James", "JAMES", "james", "Ⅻ", "Ωmega", "Éric",
        "10", "742", "221B", "0", "07", "12a", "123456", "1600", "Evergreen", "Terrace", "Downing", "Street", "St", "St.", "Ave.",
        "Pennsylvania", "street", "Way", "Hauptstraße", "Hauptstrasse", "Lindenweg", "Berliner", "Straße", "STRASSE", "Weg",
        "rue", "Rue", "de", "la", "Paix", "Via", "Roma", "Calle", "Mayor", "avenue", "l'", "d'", "Vägen", "Storgatan",
        "jane.doe@example.org", "a@b.co", "x@y", "@", "peter.miller@example.org.", "<j+s@mail.example.co.uk>",
        "+44 20 7946 0958", "(030) 1234-5678", "555-867-5309", "+1.202.555.0143", "030/1234567", "2026-11-23", "23.11.2026",
        "978-3-16-148410-0", "192.0.2.17", "256.1.1.1", "1.2.3.4.5", "2001:db8::8a2e:370:7334", "fe80::1", "12:30:45",
        "52.520008, 13.404954", "-33.8688;151.2093", "40.7128 -74.0060", "95.12345, 13.40495", "v10.4.2", "€ 1,299.00", "3.14",
        "https://facebook.com/jane.doe", "https://www.ftc.gov/privacy", "linkedin.com/in/", "x.com", "example.com", "/", "?id=5",
        "?q=a", "#", "mailto:", "MAILTO:", "http://", "https:", "www.", "/~jo", "/@jo", "%40", "and/or", "24/7",
        "１２３", "١٢٣", "1\u{301}", "5\u{20E3}", "a:a:a:a", "1,1,1,1", "1 2 3 4 5 6 7 8 9", "12345678901234567890",
        " ", " ", "  ", "\t", ",", ".", ". ", ";", ":", "!", "?", "(", ")", "[", "]", "<", "\"", "'", "’", "-", "+", "/", "%", "_",
        "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}", "\u{A0}", "\u{3000}", "\u{301}", "\u{308}",
        "\u{600}", "\u{200D}", "👍🏽", "🇩🇪🇫🇷", "👨‍👩‍👧", "한국", "東京", "e\u{301}", ".\u{301}", "@\u{301}", "(\u{301}", " \u{301}",
    ]

    /// A deterministic generator (SplitMix64), so that a failure can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The reference's pieces in the new form (bytes, characters, line and column).
    static func referencePieces(_ text: String) -> [TextRedaction.Piece] {
        ReferenceRedaction.find(in: text).map { found in
            let before = text[..<found.range.lowerBound]
            let lineStart = before.lastIndex(where: \.isNewline).map { before.index(after: $0) } ?? text.startIndex
            return TextRedaction.Piece(
                bytes: text.utf8.distance(from: text.startIndex, to: found.range.lowerBound)..<text.utf8.distance(from: text.startIndex, to: found.range.upperBound),
                characters: before.count..<(before.count + text[found.range].count),
                line: before.reduce(0) { $0 + ($1.isNewline ? 1 : 0) }, column: text[lineStart..<found.range.lowerBound].count, kind: found.kind)
        }
    }

    func assertSameAsReference(_ text: String, _ label: @autoclosure () -> String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = Self.referencePieces(text)
        XCTAssertEqual(TextRedaction.find(in: text), expected, label(), file: file, line: line)
        let words = ReferenceWords(text).words
        let holds = TextRedaction.holdsAddressOrName(text)
        XCTAssertEqual(holds.address, !ReferenceAddresses.spans(in: words).isEmpty, label(), file: file, line: line)
        XCTAssertEqual(holds.name, !ReferenceNames.spans(in: words).isEmpty, label(), file: file, line: line)
    }

    func testRandomTextsGiveTheReferencePieces() {
        var generator = Generator(state: 15)
        for round in 0..<2_500 {
            let count = Int.random(in: 0...40, using: &generator)
            let text = (0..<count).map { _ in
                // Mostly separated tokens, sometimes glued together.
                Self.tokens.randomElement(using: &generator)! + (Int.random(in: 0..<3, using: &generator) == 0 ? "" : " ")
            }.joined()
            assertSameAsReference(text, "round \(round): \(text.debugDescription)")
        }
    }

    func testHostileLinesGiveTheReferencePieces() {
        let hostile = [
            String(repeating: "a,", count: 300), String(repeating: "Sarah Anna Maria ", count: 100),
            String(repeating: "1.", count: 300), String(repeating: "1 ", count: 300), String(repeating: "1,", count: 300),
            String(repeating: "a:", count: 300), String(repeating: "a", count: 600) + "@example.org",
            String(repeating: "127.0.0.1 55 1 ", count: 50), String(repeating: "12 rue de la Paix ", count: 30) + String(repeating: "Dr. Jane ", count: 30),
            String(repeating: "10 Downing Street, ", count: 30) + String(repeating: "é ", count: 100),
            String(repeating: "e\u{301}", count: 300), String(repeating: "\u{301}", count: 300) + " 555-867-5309",
            String(repeating: "🇩🇪", count: 100) + " Sarah Connor", String(repeating: "::::", count: 100) + "fe80::1",
            String(repeating: "(", count: 300) + "030) 1234-5678",
        ]
        for text in hostile { assertSameAsReference(text, String(text.prefix(40))) }
    }

    /// A line of many thousand words is read through a window of them, without losing a name.
    func testLongLinesKeepEveryName() {
        let pieces = TextRedaction.find(in: String(repeating: "Sarah Connor, ", count: 20_000))
        XCTAssertEqual(pieces.count, 20_000)
        XCTAssertEqual(pieces.last, TextRedaction.Piece(bytes: 279_986..<279_998, characters: 279_986..<279_998, line: 0, column: 279_986, kind: .personName))
    }

    func testLabelledSetAndTranscriptsGiveTheReferencePieces() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = try String(contentsOf: root.appendingPathComponent("Tests/Fixtures/redaction/corpus.txt"), encoding: .utf8)
        assertSameAsReference(corpus, "corpus.txt")
        XCTAssertGreaterThan(TextRedaction.find(in: corpus).count, 1_000)
        let interviews = root.appendingPathComponent("Data/interviews")
        for name in try FileManager.default.contentsOfDirectory(atPath: interviews.path).sorted() where !name.hasPrefix(".") {
            assertSameAsReference(try String(contentsOf: interviews.appendingPathComponent(name), encoding: .utf8), name)
        }
    }

    /// The replacement and the scalar offsets of a coding follow the pieces.
    func testRedactedTextAndOffsetsFollowThePieces() {
        let text = "Ask Dr. Jane Doe\r\nor José Müller at jose\u{301}@x.io — café: jose@example.org, 742 Evergreen Terrace\u{2028}+44 20 7946 0958"
        let redacted = TextRedaction.redact(text)
        XCTAssertEqual(redacted.text, "Ask [name]\r\nor [name] at jose\u{301}@x.io — café: [email], [address]\u{2028}[phone]")
        XCTAssertEqual(redacted.counts, [.personName: 2, .email: 1, .streetAddress: 1, .phone: 1])
        let map = CodingRedaction.OffsetMap(text)
        XCTAssertEqual(map.redacted, redacted.text)
        let scalars = Array(text.unicodeScalars)
        for piece in map.pieces {
            let original = String(String.UnicodeScalarView(scalars[piece.old]))
            XCTAssertFalse(original.contains("["), original)
            XCTAssertEqual(map.text(piece.new), TextRedaction.placeholder(piece.kind))
        }
    }
}
