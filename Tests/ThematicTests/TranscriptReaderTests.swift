import XCTest
@testable import Thematic

final class TranscriptReaderTests: XCTestCase {
    private func words(_ transcript: Transcript) -> [String] {
        let scalars = Array(transcript.text.unicodeScalars)
        return transcript.turns.map { String(String.UnicodeScalarView(scalars[$0.span])) }
    }

    func testPlainTextWithHeaderAndLabels() throws {
        let text = """
        # SYNTHETIC test transcript
        # participant: P07
        # role: Privacy officer

        Interviewer: How do you use AI?
        P07: We segment customers.
        It runs every night.

        Interviewer: And consent?
        P07: Always opt-in.
        """
        let transcript = try TranscriptReader.parse(text, name: "INT07.txt")
        XCTAssertEqual(transcript.id, "INT07")
        XCTAssertEqual(transcript.participantID, "P07")
        XCTAssertEqual(transcript.attributes, [Participant.Attribute(name: "role", value: "Privacy officer")])
        XCTAssertEqual(transcript.turns.map(\.speaker), ["Interviewer", "P07", "Interviewer", "P07"])
        XCTAssertEqual(transcript.turns.map(\.isInterviewer), [true, false, true, false])
        XCTAssertEqual(words(transcript), ["How do you use AI?", "We segment customers.\nIt runs every night.", "And consent?", "Always opt-in."])
    }

    func testQuestionAnswerLabelsAndTimestamps() throws {
        let text = "[00:00:05] Q: Your role?\n[00:12:31] Dr. Lee: Data scientist.\nQ: Thanks.\nA: Sure: any time.\n"
        let transcript = try TranscriptReader.parse(text, name: "x.txt")
        XCTAssertEqual(transcript.turns.map(\.speaker), ["Q", "Dr. Lee", "Q", "A"])
        XCTAssertEqual(transcript.turns.map(\.startTime), [5, 751, nil, nil])
        XCTAssertEqual(words(transcript).last, "Sure: any time.")
    }

    func testSentenceWithColonIsNotASpeaker() throws {
        let text = "Interviewer: Go on.\nP02: Two things.\nThe answer: yes.\nInterviewer: Thanks.\nP02: Bye.\n"
        let transcript = try TranscriptReader.parse(text, name: "x.txt")
        XCTAssertEqual(words(transcript), ["Go on.", "Two things.\nThe answer: yes.", "Thanks.", "Bye."])
    }

    func testCRLFAndByteOrderMarkAreNormalised() throws {
        let transcript = try TranscriptReader.parse("\u{FEFF}Interviewer: Hi\r\nP01: Hello\r\n", name: "x.txt")
        XCTAssertEqual(transcript.text, "Interviewer: Hi\nP01: Hello\n")
        XCTAssertEqual(words(transcript), ["Hi", "Hello"])
    }

    func testWebVTTMergesConsecutiveCuesOfOneSpeaker() throws {
        let vtt = """
        WEBVTT

        NOTE
        participant: P03
        role: Data scientist

        1
        00:00:01.000 --> 00:00:04.000
        <v Interviewer>How do you personalise?</v>

        2
        00:00:04.500 --> 00:00:08.000
        <v Maria Ortiz>We use a recommender
        trained on first-party data.

        00:00:08.000 --> 00:00:10.000
        <v Maria Ortiz>It's <i>opt-in</i> &amp; audited.

        00:00:10.000 --> 00:00:12.000
        Interviewer: Thanks.
        """
        let transcript = try TranscriptReader.parse(vtt, name: "INT03.vtt")
        XCTAssertEqual(transcript.format, .webVTT)
        XCTAssertEqual(transcript.participantID, "P03")
        XCTAssertEqual(transcript.turns.map(\.speaker), ["Interviewer", "Maria Ortiz", "Interviewer"])
        XCTAssertEqual(transcript.turns.map(\.startTime), [1, 4.5, 10])
        XCTAssertEqual(words(transcript)[1], "We use a recommender trained on first-party data. It's opt-in & audited.")
        XCTAssertEqual(transcript.text, "Interviewer: How do you personalise?\n\nMaria Ortiz: We use a recommender trained on first-party data. It's opt-in & audited.\n\nInterviewer: Thanks.\n")
    }

    func testSRTWithNamePrefixes() throws {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nInterviewer: Hello.\n\n2\n00:00:02,500 --> 00:00:05,000\nSam: Hi. We ask for consent.\n\n3\n00:00:05,000 --> 00:00:07,000\nEvery time.\n"
        let transcript = try TranscriptReader.parse(srt, name: "INT09.srt")
        XCTAssertEqual(transcript.format, .srt)
        XCTAssertEqual(transcript.turns.map(\.speaker), ["Interviewer", "Sam"])
        XCTAssertEqual(words(transcript), ["Hello.", "Hi. We ask for consent. Every time."])
        XCTAssertEqual(transcript.turns.map(\.startTime), [1, 2.5])
    }

    func testMalformedCueNamesFileAndLine() {
        let vtt = "WEBVTT\n\n1\nnot a timing\nwords\n"
        XCTAssertThrowsError(try TranscriptReader.parse(vtt, name: "bad.vtt")) { error in
            XCTAssertEqual(error as? TranscriptError, .malformedCue(file: "bad.vtt", line: 3, expected: "a cue timing line 'hh:mm:ss.mmm --> hh:mm:ss.mmm'"))
            XCTAssertEqual("\(error)", "bad.vtt:3: expected a cue timing line 'hh:mm:ss.mmm --> hh:mm:ss.mmm'")
        }
    }

    func testEmptyTranscriptIsAnError() {
        XCTAssertThrowsError(try TranscriptReader.parse("# only a header\n\n", name: "e.txt")) { error in
            XCTAssertEqual(error as? TranscriptError, .empty(file: "e.txt"))
        }
    }

    func testRemarksAreNotSpeakers() throws {
        let text = "P01: We ask first.\nNote: the recorder stopped here.\nP01: Then we explain.\nNote: resumed.\n"
        let transcript = try TranscriptReader.parse(text, name: "x.txt")
        XCTAssertEqual(transcript.turns.map(\.speaker), ["P01", "P01"])
        XCTAssertEqual(words(transcript), ["We ask first.\nNote: the recorder stopped here.", "Then we explain.\nNote: resumed."])
    }

    func testHashFirstParagraphIsTextNotHeader() throws {
        let hashtag = try TranscriptReader.parse("#1 priority is trust.\n\nP01: Yes.\nP01: Indeed.", name: "x.txt")
        XCTAssertEqual(words(hashtag).first, "#1 priority is trust.")
        let noBlankLine = try TranscriptReader.parse("# of customers who opt out\nis small.\n", name: "x.txt")
        XCTAssertEqual(words(noBlankLine), ["# of customers who opt out\nis small."])
        let header = try TranscriptReader.parse("# participant: P3\n\n# role: CEO\n\nP3: Hi.", name: "x.txt")
        XCTAssertEqual(header.participantID, "P3")
        XCTAssertEqual(header.attributes, [Participant.Attribute(name: "role", value: "CEO")])
    }

    func testSpeakerDetectionOffReadsTheWholeFileAsOneTurn() throws {
        let text = "# participant: P1\n\nQ: is this a question?\n\nA: Note: no speakers here."
        let transcript = try TranscriptReader.parse(text, name: "open.txt", detectsSpeakers: false)
        XCTAssertEqual(transcript.participantID, "open")
        XCTAssertEqual(transcript.turns.map(\.speaker), [nil])
        XCTAssertEqual(transcript.turns.map(\.isInterviewer), [false])
        XCTAssertEqual(words(transcript), [text])
    }

    func testQuotedQuestionInsideAnAnswerIsNotAnInterviewerTurn() throws {
        let text = "Interviewer: What do you show?\nP01: A form that reads\nQ: Do you agree?\nand a button.\nInterviewer: OK.\nP01: Yes."
        let transcript = try TranscriptReader.parse(text, name: "x.txt")
        XCTAssertEqual(transcript.turns.map(\.speaker), ["Interviewer", "P01", "Interviewer", "P01"])
        XCTAssertEqual(words(transcript)[1], "A form that reads\nQ: Do you agree?\nand a button.")
        let questionsAndAnswers = try TranscriptReader.parse("Q: Why?\nA: Because.\nQ: Sure?\nA: Yes.", name: "y.txt")
        XCTAssertEqual(questionsAndAnswers.turns.map(\.speaker), ["Q", "A", "Q", "A"])
    }
}
