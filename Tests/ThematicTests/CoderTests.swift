import XCTest
@testable import Thematic

final class CoderTests: XCTestCase {
    private func codebook() throws -> ThemeCodebook {
        try ThemeCodebook.load(contentsOf: FixtureFiles.url("codebooks/mini.yml"))
    }

    private func result(unit: SegmentationUnit = .turn, codesInterviewer: Bool = false) throws -> CodingResult {
        try ThematicAnalysis.run(
            transcripts: [FixtureFiles.url("transcripts/mini.txt"), FixtureFiles.url("transcripts/mini-captions.vtt")],
            codebook: FixtureFiles.url("codebooks/mini.yml"), participants: FixtureFiles.url("transcripts/participants.csv"),
            unit: unit, codesInterviewer: codesInterviewer)
    }

    func testEveryPatternKindCodesAndSpansPointIntoTheOriginal() throws {
        let result = try result()
        let first = try XCTUnwrap(result.segments.first { $0.segment.id == "mini-002" })
        XCTAssertEqual(first.themeIDs, ["communication", "consent", "ethics"])
        let terms = Dictionary(uniqueKeysWithValues: first.codings.map { ($0.themeID, $0.matches.map(\.text)) })
        XCTAssertEqual(terms["communication"], ["privacy notice", "plain language"])
        XCTAssertEqual(terms["consent"], ["Consent", "opt-in"])
        XCTAssertEqual(terms["ethics"], ["naïve", "ethics"])
        let text = Array(result.transcripts[0].text.unicodeScalars)
        for match in first.codings.flatMap(\.matches) {
            XCTAssertEqual(String(String.UnicodeScalarView(text[match.start..<match.end])), match.text)
        }
    }

    func testExclusionVetoesOnlyItsThemeInItsSegment() throws {
        let result = try result()
        let first = try XCTUnwrap(result.segments.first { $0.segment.id == "mini-002" })
        XCTAssertFalse(first.themeIDs.contains("trust"), "'Trust me' vetoes trust")
        let last = try XCTUnwrap(result.segments.first { $0.segment.id == "mini-004" })
        XCTAssertEqual(last.themeIDs, ["communication", "trust"], "'consent decree' vetoes consent, not the other themes")
    }

    func testInterviewerTurnsAreCodedOnlyWhenAsked() throws {
        XCTAssertFalse(try result().segments.contains { $0.segment.isInterviewer })
        let withInterviewer = try result(codesInterviewer: true)
        let question = try XCTUnwrap(withInterviewer.segments.first { $0.segment.id == "mini-001" })
        XCTAssertEqual(question.themeIDs, ["communication", "consent"])
    }

    func testCaptionTranscriptIsCoded() throws {
        let result = try result()
        let answer = try XCTUnwrap(result.segments.first { $0.segment.participantID == "P02" })
        XCTAssertEqual(answer.segment.id, "mini-captions-002")
        XCTAssertEqual(answer.themeIDs, ["communication", "consent", "ethics", "trust"])
    }

    func testFrequenciesAggregateSubThemesAndCountParticipants() throws {
        let result = try result()
        XCTAssertEqual(result.participants.map(\.id), ["P01", "P02"])
        XCTAssertEqual(result.participants[1]["industry"], "Retail, online")
        let frequencies = result.themeFrequencies()
        XCTAssertEqual(frequencies.map(\.themeID), ["communication", "consent", "ethics", "trust"])
        XCTAssertEqual(frequencies.map(\.segments), [3, 2, 2, 2])
        XCTAssertEqual(frequencies.map(\.participants), [2, 2, 2, 2])
        XCTAssertEqual(frequencies[0].prevalencePercent, 100)
    }

    func testSentenceUnitChangesCounts() throws {
        let frequencies = try result(unit: .sentence).themeFrequencies()
        // Sentences of P01 and P02 coded to consent: "Consent is opt-in …", "The consent decree …" is vetoed, "They opt out …".
        XCTAssertEqual(frequencies.first { $0.themeID == "consent" }?.segments, 2)
        XCTAssertEqual(frequencies.first { $0.themeID == "trust" }?.segments, 2)
    }

    func testMatrixByRoleAndCooccurrence() throws {
        let result = try result()
        let matrix = result.matrix(by: "role")
        XCTAssertEqual(matrix.values, ["Data scientist", "Privacy officer"])
        XCTAssertEqual(matrix.groupSizes, [1, 1])
        XCTAssertEqual(matrix.rows.first { $0.themeID == "trust" }?.participants, [1, 1])
        XCTAssertEqual(matrix.rows.first { $0.themeID == "trust" }?.segments, [1, 1])
        let cooccurrence = result.cooccurrence()
        XCTAssertEqual(cooccurrence.themeIDs, ["communication", "consent", "ethics", "trust"])
        XCTAssertEqual(cooccurrence.counts, [[3, 2, 2, 2], [2, 2, 2, 1], [2, 2, 2, 1], [2, 1, 1, 2]])
    }

    func testExemplarsAreTrimmedToSentencesWithEvidence() throws {
        let exemplars = try result().exemplars(perTheme: 2)
        let trust = try XCTUnwrap(exemplars["trust"])
        XCTAssertEqual(trust.map(\.participantID), ["P01", "P02"])
        XCTAssertEqual(trust[0].quote, "Customers trust us because we’re transparent.")
        XCTAssertEqual(trust[0].role, "Privacy officer")
        XCTAssertEqual(trust[1].quote, "Trust follows transparency — it's ethical.")
    }

    func testTranscriptsMustHaveDistinctIDs() throws {
        let text = try TranscriptReader.read(contentsOf: FixtureFiles.url("transcripts/mini.txt"))
        var copy = text
        copy.name = "mini.srt"
        XCTAssertThrowsError(try ThematicAnalysis.run([text, copy], codebook: codebook())) { error in
            XCTAssertEqual(error as? TranscriptError, .duplicateID(file: "mini.srt", id: "mini", otherFile: "mini.txt"))
        }
    }

    func testCodebookBuiltInMemoryReportsBadTerms() {
        let codebook = ThemeCodebook(name: "x", themes: [Theme(id: "a", label: "A", words: ["a*b"], line: 3)], source: "mem.yml")
        XCTAssertThrowsError(try Coder(codebook: codebook)) { error in
            XCTAssertEqual(error as? CodebookError, .badTerm(file: "mem.yml", line: 3, term: "a*b", reason: "a wildcard '*' may only end a term (a stem such as consent*)"))
        }
    }

    func testMisspeltAttributeIsAnError() throws {
        XCTAssertThrowsError(try ThematicSummary(try result(), attributes: ["rol"])) { error in
            XCTAssertEqual(error as? ThematicInputError, .unknownAttribute(name: "rol", known: ["role", "industry", "years_experience"]))
        }
    }

    func testParticipantsFileMatchingNoTranscriptIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let participants = folder.appendingPathComponent("participants.csv")
        try "id,role\nX1,CEO\n".write(to: participants, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ThematicAnalysis.run(transcripts: [FixtureFiles.url("transcripts/mini.txt")],
                                                      codebook: FixtureFiles.url("codebooks/mini.yml"), participants: participants)) { error in
            guard case .participantsMatchNoTranscript(_, ["X1"], _)? = error as? ThematicInputError else { return XCTFail("\(error)") }
        }
    }

    func testHugeTurnGivesBoundedQuotes() throws {
        // One 2 MB turn without sentence breaks (issue 16: a 50 MB turn wrote 681 MB of quotes).
        let turn = String(repeating: "we explain our privacy notice and ask consent ", count: 45_000)
        let transcript = try TranscriptReader.parse("P01: " + turn, name: "big.txt")
        let result = try ThematicAnalysis.run([transcript], codebook: codebook())
        let exemplars = result.exemplars().values.flatMap { $0 }
        XCTAssertFalse(exemplars.isEmpty)
        for exemplar in exemplars {
            XCTAssertLessThanOrEqual(exemplar.quote.unicodeScalars.count, 602)
            XCTAssertEqual(exemplar.end - exemplar.start, 600)
            XCTAssertTrue(exemplar.quote.hasSuffix("…"))
        }
    }
}
