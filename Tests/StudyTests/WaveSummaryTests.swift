import Foundation
import TestSupport
import XCTest
@testable import Study
import SurveyData
import SurveyStats

/// Issue 6, point 5: a wave cut into parts, each part summarised on its own and the summaries
/// merged, gives the statistics of the whole wave read in one pass (every number to 1e-12 relative).
final class WaveSummaryTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled study's plan and codebook, and its wave's header and data lines.
    func bundled() throws -> (plan: StudyPlan, codebook: Codebook, header: Substring, lines: [Substring]) {
        let plan = try StudyPlan.load(from: Self.root.appendingPathComponent("Codebooks/privacy-paradox.study.yml"))
        let codebook = try StudyRunner.prepare(plan).codebook
        let text = try String(contentsOf: plan.data[0].url, encoding: .utf8)
        let lines = text.split(separator: "\n")
        return (plan, codebook, lines[0], Array(lines.dropFirst()))
    }

    func summary(_ lines: ArraySlice<Substring>, header: Substring, plan: StudyPlan, codebook: Codebook) throws -> WaveSummary {
        let csv = ([header] + lines).joined(separator: "\n") + "\n"
        let dataset = try Dataset.load(reader: CSVReader(bytes: Array(csv.utf8), file: "part.csv"), codebook: codebook)
        return try WaveSummary(plan: plan.analyses, dataset: dataset, codebook: codebook)
    }

    func testMergedPartsGiveTheOnePassResults() throws {
        let (plan, codebook, header, lines) = try bundled()
        XCTAssertEqual(lines.count, 200)
        let whole = try summary(lines[...], header: header, plan: plan, codebook: codebook)
        // Uneven parts, one of a single row, merged out of order.
        let parts = try [lines[1..<74], lines[..<1], lines[74...]].map { try summary($0, header: header, plan: plan, codebook: codebook) }
        let merged = try XCTUnwrap(WaveSummary.merged(parts))
        XCTAssertEqual(merged.rows, 200)
        XCTAssertEqual(merged[FrequencyAnalysis.self], whole[FrequencyAnalysis.self])
        XCTAssertEqual(merged[DescriptivesAnalysis.self], whole[DescriptivesAnalysis.self])
        XCTAssertEqual(merged[RegressionAnalysis.self], whole[RegressionAnalysis.self])
        XCTAssertEqual(merged[AnovaAnalysis.self], whole[AnovaAnalysis.self])

        let onePass = try WaveAnalysis.run(plan.analyses, summary: whole, codebook: codebook, file: "wave1.csv")
        let fromParts = try WaveAnalysis.run(plan.analyses, summary: merged, codebook: codebook, file: "wave1.csv")
        try assertSameNumbers(fromParts, onePass, relative: 1e-12, looser: iterativeFitTolerances)
        XCTAssertEqual(fromParts.regressions[0].result.coefficients[1].estimate, 0.3479703222213849, accuracy: 1e-13)
        XCTAssertEqual(fromParts.anovas[0].result.anova[0].statistic!, 4.6718, accuracy: 5e-5)
    }

    /// A wave read in blocks of 7 rows (29 block summaries merged in the merge tree, on all cores)
    /// gives the summary of the wave read as one block; twice the same bits.
    func testBlockSummariesMergeToTheOneBlockSummary() throws {
        let (plan, codebook, _, _) = try bundled()
        func read(_ rows: Int) throws -> WaveSummary {
            try WaveSummary(plan: plan.analyses, reading: plan.data[0], codebook: codebook, delimiter: nil, rowsPerBlock: rows)
        }
        let oneBlock = try read(1_000)
        let blocks = try read(7)
        XCTAssertEqual(blocks.rows, 200)
        XCTAssertEqual(blocks[FrequencyAnalysis.self], oneBlock[FrequencyAnalysis.self])
        XCTAssertEqual(blocks[DescriptivesAnalysis.self], oneBlock[DescriptivesAnalysis.self])
        XCTAssertEqual(blocks[RegressionAnalysis.self], oneBlock[RegressionAnalysis.self])
        XCTAssertEqual(blocks[AnovaAnalysis.self], oneBlock[AnovaAnalysis.self])
        XCTAssertEqual(try read(7), blocks, "the merge order is fixed, whatever thread finishes first")
        let fromBlocks = try WaveAnalysis.run(plan.analyses, summary: blocks, codebook: codebook, file: "wave1.csv")
        let fromOne = try WaveAnalysis.run(plan.analyses, summary: oneBlock, codebook: codebook, file: "wave1.csv")
        try assertSameNumbers(fromBlocks, fromOne, relative: 1e-12, looser: iterativeFitTolerances)
    }

    /// A scale whose scores are too fine-grained for 16-bit integers (12 items summed, one required:
    /// numerators up to 5·12·lcm(1…12)) is correlated from its doubles, beside the exact integers of
    /// a short scale: the correlation matrix equals the doubles' two-pass one.
    func testLongScalesAreCorrelatedFromTheirDoubles() throws {
        let items = LongScaleCodebook.items
        let codebook = try Codebook(yaml: YAMLValue(text: LongScaleCodebook.yaml, file: "cb.yml"))
        var generator = SystemRandomNumberGenerator()
        let rows = (0..<300).map { _ in items.map { _ in Int.random(in: 0..<6, using: &generator) }.map { $0 == 0 ? "" : "\($0)" }.joined(separator: ",") }
        let csv = ([items.joined(separator: ",")] + rows).joined(separator: "\n")
        let dataset = try Dataset.load(reader: CSVReader(bytes: Array(csv.utf8), file: "w.csv"), codebook: codebook)
        let summary = try WaveSummary(plan: AnalysisPlan(only: CorrelationSettings(variables: ["short", "long"])), dataset: dataset, codebook: codebook)
        guard case .listwise(let coMoments)? = summary[CorrelationAnalysis.self] else { return XCTFail("expected listwise co-moments") }
        let expected = CoMoments(columns: try ["short", "long"].map { try dataset.scores(of: codebook.requireScale($0)) })
        XCTAssertEqual(coMoments, expected)
    }

    func testSummaryFilesRoundTripExactly() throws {
        let (plan, codebook, header, lines) = try bundled()
        let part = try summary(lines[..<40], header: header, plan: plan, codebook: codebook)
        let decoded = try JSONDecoder().decode(WaveSummary.self, from: JSONEncoder().encode(part))
        XCTAssertEqual(decoded, part)
    }

    func testSummariesOfDifferentPlansDoNotMerge() throws {
        let (plan, codebook, header, lines) = try bundled()
        var part = try summary(lines[..<40], header: header, plan: plan, codebook: codebook)
        var other = plan
        other.analyses[AnovaSettings.self].anovas.removeLast()
        let fewer = try WaveSummary(plan: other.analyses,
                                    dataset: Dataset.load(reader: CSVReader(bytes: Array(([header] + lines[..<5]).joined(separator: "\n").utf8), file: "p.csv"),
                                                          codebook: codebook),
                                    codebook: codebook)
        XCTAssertThrowsError(try part.merge(fewer)) { error in
            XCTAssertTrue("\(error)".contains("ANOVAs"), "\(error)")
        }
    }
}
