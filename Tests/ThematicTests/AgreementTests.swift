import XCTest
@testable import Thematic

/// Reference values: `Fixtures/agreement/make_agreement_fixture.py` (scikit-learn 1.9.1
/// `cohen_kappa_score` and `accuracy_score`, krippendorff 0.9.0 `alpha(level_of_measurement="nominal")`,
/// numpy 2.4.6, Python 3.11.7), output saved in `Fixtures/agreement/reference-values.txt`.
final class AgreementTests: XCTestCase {
    private func compareFixture() throws -> AgreementResult {
        let codebook = try ThemeCodebook.load(contentsOf: FixtureFiles.url("agreement/themes.yml"))
        let a = try HumanCoding.read(contentsOf: FixtureFiles.url("agreement/coder_a.csv"), codebook: codebook)
        let b = try HumanCoding.read(contentsOf: FixtureFiles.url("agreement/coder_b.csv"), codebook: codebook)
        return Agreement.compare(a.themes, b.themes, segments: a.segmentIDs, themes: codebook.themes.map { ($0.id, $0.label) })
    }

    func testPerThemeAgainstScikitLearnAndKrippendorff() throws {
        let result = try compareFixture()
        XCTAssertEqual(result.segments, 40)
        let byID = Dictionary(uniqueKeysWithValues: result.themes.map { ($0.themeID, $0) })
        let tolerance = 1e-12

        let common = try XCTUnwrap(byID["common"])
        XCTAssertEqual(common.confusion, ConfusionCounts(both: 31, firstOnly: 5, secondOnly: 0, neither: 4))
        XCTAssertEqual(common.kappa!, 0.5535714285714286, accuracy: tolerance)
        XCTAssertEqual(common.percentAgreement!, 87.5, accuracy: tolerance)
        XCTAssertEqual(common.pabak!, 0.75, accuracy: tolerance)
        XCTAssertEqual(common.alpha!, 0.5464982778415615, accuracy: tolerance)

        let balanced = try XCTUnwrap(byID["balanced"])
        XCTAssertEqual(balanced.confusion, ConfusionCounts(both: 11, firstOnly: 6, secondOnly: 7, neither: 16))
        XCTAssertEqual(balanced.kappa!, 0.3401015228426396, accuracy: tolerance)
        XCTAssertEqual(balanced.percentAgreement!, 67.5, accuracy: tolerance)
        XCTAssertEqual(balanced.pabak!, 0.3500000000000001, accuracy: tolerance)
        XCTAssertEqual(balanced.alpha!, 0.347936507936508, accuracy: tolerance)

        let skewed = try XCTUnwrap(byID["skewed"])
        XCTAssertEqual(skewed.confusion, ConfusionCounts(both: 2, firstOnly: 1, secondOnly: 3, neither: 34))
        XCTAssertEqual(skewed.kappa!, 0.4482758620689655, accuracy: tolerance)
        XCTAssertEqual(skewed.percentAgreement!, 90.0, accuracy: tolerance)
        XCTAssertEqual(skewed.pabak!, 0.8, accuracy: tolerance)
        XCTAssertEqual(skewed.alpha!, 0.45138888888888884, accuracy: tolerance)

        // Neither coder uses it: sklearn gives nan for κ and krippendorff cannot compute α; we give nil.
        let rare = try XCTUnwrap(byID["rare"])
        XCTAssertEqual(rare.confusion, ConfusionCounts(both: 0, firstOnly: 0, secondOnly: 0, neither: 40))
        XCTAssertNil(rare.kappa)
        XCTAssertNil(rare.alpha)
        XCTAssertEqual(rare.percentAgreement!, 100.0, accuracy: tolerance)
        XCTAssertEqual(rare.pabak!, 1.0, accuracy: tolerance)
    }

    func testPooledAlphaOverAllSegmentThemePairs() throws {
        let result = try compareFixture()
        XCTAssertEqual(result.alpha!, 0.6961904761904762, accuracy: 1e-12)
        XCTAssertEqual(result.percentAgreement!, 86.25, accuracy: 1e-12)
    }

    func testAlphaWithThreeCodersAndMissingValues() {
        let coders: [[Int?]] = [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, nil, nil, nil],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nil, 3],
            [nil, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nil],
        ]
        let units = (0..<12).map { unit in coders.map { $0[unit] } }
        XCTAssertEqual(Agreement.krippendorffAlphaNominal(units)!, 0.6752577319587629, accuracy: 1e-12)
    }

    func testBundledHumanCodingRefersToCodedSegments() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../")
        let interviews = root.appendingPathComponent("Data/interviews")
        let files = try FileManager.default.contentsOfDirectory(atPath: interviews.path)
            .filter { $0.hasPrefix("INT") }.sorted().map { interviews.appendingPathComponent($0) }
        let result = try ThematicAnalysis.run(transcripts: files, codebook: root.appendingPathComponent("Codebooks/themes.yml"),
                                              participants: interviews.appendingPathComponent("participants.csv"))
        let human = try HumanCoding.read(contentsOf: interviews.appendingPathComponent("human-coding.csv"), codebook: result.codebook)
        let agreement = try result.agreement(with: human)
        XCTAssertEqual(agreement.segments, human.segmentIDs.count)
        // The three reported themes (R8) are the three most frequent.
        let top = result.themeFrequencies().filter { $0.depth == 0 }.sorted { $0.segments > $1.segments }.prefix(3).map(\.themeID)
        XCTAssertEqual(Set(top), ["communication", "ethics", "compliance_efficiency"])
    }

    func testUnknownSegmentInHumanCodingNamesTheLine() throws {
        let result = try ThematicAnalysis.run(transcripts: [FixtureFiles.url("transcripts/mini.txt")],
                                              codebook: FixtureFiles.url("codebooks/mini.yml"))
        let human = HumanCoding(segmentIDs: ["mini-002", "mini-099"], themes: ["mini-002": ["trust"], "mini-099": []],
                                source: "gold.csv", lines: ["mini-002": 2, "mini-099": 3])
        XCTAssertThrowsError(try result.agreement(with: human)) { error in
            XCTAssertEqual(error as? AgreementError, .unknownSegment(file: "gold.csv", line: 3, segmentID: "mini-099"))
        }
    }

    /// Reference: `Fixtures/agreement/precision_recall.py` (scikit-learn 1.9.1 `precision_score`,
    /// `recall_score`, `f1_score`, coder A as prediction, coder B as reference), saved in
    /// `reference-precision-recall.txt`.
    func testPrecisionRecallF1AgainstScikitLearn() throws {
        let result = try compareFixture()
        let byID = Dictionary(uniqueKeysWithValues: result.themes.map { ($0.themeID, $0.confusion) })
        let tolerance = 1e-12
        let expected: [(String, Double, Double, Double)] = [
            ("common", 0.8611111111111112, 1.0, 0.9253731343283582),
            ("balanced", 0.6470588235294118, 0.6111111111111112, 0.6285714285714286),
            ("skewed", 0.6666666666666666, 0.4, 0.5),
        ]
        for (theme, precision, recall, f1) in expected {
            let counts = try XCTUnwrap(byID[theme])
            XCTAssertEqual(counts.precision!, precision, accuracy: tolerance, theme)
            XCTAssertEqual(counts.recall!, recall, accuracy: tolerance, theme)
            XCTAssertEqual(counts.f1!, f1, accuracy: tolerance, theme)
        }
        XCTAssertNil(byID["rare"]?.precision)
        XCTAssertNil(byID["rare"]?.recall)
        XCTAssertNil(byID["rare"]?.f1)
        XCTAssertEqual(result.macroAverage(\.precision)!, 0.7249455337690631, accuracy: tolerance)
        XCTAssertEqual(result.macroAverage(\.recall)!, 0.6703703703703704, accuracy: tolerance)
        XCTAssertEqual(result.macroAverage(\.f1)!, 0.6846481876332623, accuracy: tolerance)
        XCTAssertEqual(result.pooledConfusion.precision!, 0.7857142857142857, accuracy: tolerance)
        XCTAssertEqual(result.pooledConfusion.recall!, 0.8148148148148148, accuracy: tolerance)
        XCTAssertEqual(result.pooledConfusion.f1!, 0.8, accuracy: tolerance)
    }

    /// Reference: `Fixtures/agreement/make_panel_fixture.py` (statsmodels 0.15.0 `fleiss_kappa`,
    /// krippendorff 0.9.0), saved in `reference-panel.txt`.
    func testPanelOfThreeCodersAgainstStatsmodelsAndKrippendorff() throws {
        let codebook = try ThemeCodebook.load(contentsOf: FixtureFiles.url("agreement/themes.yml"))
        let codings = try ["coder_a.csv", "coder_b.csv", "coder_c.csv"].map {
            try HumanCoding.read(contentsOf: FixtureFiles.url("agreement/\($0)"), codebook: codebook)
        }
        let segments = codings[0].segmentIDs.enumerated().map { index, id in
            CodedSegment(segment: Segment(id: id, transcriptID: "T", participantID: "P", speaker: nil, isInterviewer: false,
                                          start: index, end: index + 1, text: "x"), codings: [])
        }
        let result = CodingResult(codebook: codebook, unit: .turn, transcripts: [], participants: [], segments: segments)
        let (panel, majority) = try result.panel(codings)
        XCTAssertEqual(panel.segments, 40)
        let byID = Dictionary(uniqueKeysWithValues: panel.themes.map { ($0.themeID, $0) })
        let expected: [(String, Double, Double)] = [
            ("common", 0.13939937247870937, 0.1465710443747199),
            ("balanced", 0.4255139397352859, 0.4303013235708252),
            ("skewed", 0.21568627450980446, 0.2222222222222222),
        ]
        for (theme, fleiss, alpha) in expected {
            XCTAssertEqual(byID[theme]!.fleissKappa!, fleiss, accuracy: 1e-12, theme)
            XCTAssertEqual(byID[theme]!.alpha!, alpha, accuracy: 1e-12, theme)
        }
        XCTAssertNil(byID["rare"]!.fleissKappa)
        XCTAssertNil(byID["rare"]!.alpha)
        XCTAssertEqual(majority.segmentIDs.filter { majority.themes[$0]!.contains("skewed") }, ["S16", "S17", "S23", "S32"])
        XCTAssertEqual(byID["balanced"]!.majoritySegments, 18)
    }

    func testHumanCodingMadeForAnotherUnitIsAnError() throws {
        let transcript = try TranscriptReader.parse("P01: One. Two.\n\nThree.\nP02: Four.", name: "T.txt")
        let codebook = ThemeCodebook(name: "c", themes: [Theme(id: "a", label: "A", words: ["one"])])
        let bySentence = try ThematicAnalysis.run([transcript], codebook: codebook, unit: .sentence)
        let byParagraph = HumanCoding(segmentIDs: ["T-001", "T-002", "T-003"], themes: ["T-001": ["a"], "T-002": [], "T-003": []], source: "gold.csv")
        XCTAssertThrowsError(try bySentence.agreement(with: byParagraph)) { error in
            XCTAssertEqual(error as? AgreementError, .unitMismatch(file: "gold.csv", transcript: "T", codedSegments: 3, unit: .sentence,
                                                                   segments: 4, likelyUnit: .paragraph))
            XCTAssertEqual("\(error)", "gold.csv: codes 3 segments of T (T-001 to T-003), as many as --unit paragraph makes, but this coding is by sentence (4 segments); code with --unit paragraph or use a human coding made for sentence")
        }
        let bySentenceGold = HumanCoding(segmentIDs: ["T-001", "T-002", "T-003", "T-004"],
                                         themes: ["T-001": ["a"], "T-002": [], "T-003": [], "T-004": []], source: "gold.csv")
        XCTAssertEqual(try bySentence.agreement(with: bySentenceGold).segments, 4)
    }
}
