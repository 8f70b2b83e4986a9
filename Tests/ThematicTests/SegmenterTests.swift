import XCTest
@testable import Thematic

final class SegmenterTests: XCTestCase {
    private func transcript() throws -> Transcript {
        try TranscriptReader.read(contentsOf: FixtureFiles.url("transcripts/mini.txt"))
    }

    /// Every segment's text is exactly the transcript's scalars in its span.
    private func assertSpansMatch(_ segments: [Segment], _ transcript: Transcript, file: StaticString = #filePath, line: UInt = #line) {
        let scalars = Array(transcript.text.unicodeScalars)
        for segment in segments {
            XCTAssertEqual(String(String.UnicodeScalarView(scalars[segment.span])), segment.text, file: file, line: line)
        }
    }

    func testTurns() throws {
        let transcript = try transcript()
        let segments = Segmenter.segments(of: transcript, unit: .turn)
        XCTAssertEqual(segments.map(\.id), ["mini-001", "mini-002", "mini-003", "mini-004"])
        XCTAssertEqual(segments.map(\.isInterviewer), [true, false, true, false])
        XCTAssertEqual(segments.map(\.participantID), ["P01", "P01", "P01", "P01"])
        XCTAssertTrue(segments[1].text.hasPrefix("Yes. Consent"))
        XCTAssertTrue(segments[1].text.hasSuffix("it's true."))
        assertSpansMatch(segments, transcript)
    }

    func testParagraphsSplitAtBlankLines() throws {
        let transcript = try transcript()
        let segments = Segmenter.segments(of: transcript, unit: .paragraph)
        XCTAssertEqual(segments.count, 5)
        XCTAssertEqual(segments[1].text, "Yes. Consent is opt-in, and our privacy notice is in plain language.")
        XCTAssertEqual(segments[2].text, "Zoë from legal — naïve as it sounds — says ethics come first. Trust me, it's true.")
        assertSpansMatch(segments, transcript)
    }

    func testSentencesRespectAbbreviations() throws {
        let transcript = try transcript()
        let sentences = Segmenter.segments(of: transcript, unit: .sentence).map(\.text)
        XCTAssertEqual(sentences, [
            "Do you ask for consent?", "Tell me about transparency.",
            "Yes.", "Consent is opt-in, and our privacy notice is in plain language.",
            "Zoë from legal — naïve as it sounds — says ethics come first.", "Trust me, it's true.",
            "And trust?",
            "Customers trust us because we’re transparent.", "The consent decree from 2019 changed everything; e.g. consent is now granular.",
        ])
        assertSpansMatch(Segmenter.segments(of: transcript, unit: .sentence), transcript)
    }

    func testCaptionTurnsSpanTheRenderedText() throws {
        let transcript = try TranscriptReader.read(contentsOf: FixtureFiles.url("transcripts/mini-captions.vtt"))
        let segments = Segmenter.segments(of: transcript, unit: .turn)
        XCTAssertEqual(segments.map(\.speaker), ["Interviewer", "Ana Müller"])
        XCTAssertEqual(segments[1].text, "They opt out in the app. Trust follows transparency — it's ethical.")
        assertSpansMatch(segments, transcript)
        XCTAssertEqual(Segmenter.segments(of: transcript, unit: .sentence).map(\.text).suffix(2),
                       ["They opt out in the app.", "Trust follows transparency — it's ethical."])
    }
}
