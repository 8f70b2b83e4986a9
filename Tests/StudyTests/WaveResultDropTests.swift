import Foundation
import XCTest
@testable import Study

/// What the privacy gate removes with a personal-data column (``WaveResult/drop(columns:plan:codebook:)``,
/// which `PrivacyGate.apply` calls): each analysis drops its own results that use the column.
final class WaveResultDropTests: XCTestCase {
    /// An item of a scale takes the scale's α, its ω with the one-factor loadings, and the CFA of
    /// the scales with it; a regression predictor takes its model; the scale score and the other
    /// models, scales and tables stay.
    func testEachAnalysisDropsTheResultsThatUseADroppedColumn() throws {
        let plan = try StudyPlan.load(from: BundledStudyTests.studyFile)
        let result = try StudyRunner.run(plan)
        var wave = try XCTUnwrap(result.waves.first)
        XCTAssertEqual(wave.omega.count, 7)
        let dropped = wave.drop(columns: ["PC1", "breach"], plan: plan.analyses, codebook: result.codebookUsed)
        XCTAssertEqual(dropped, ["reliability of privacy_concern", "CFA scales", "regression trust_model"])
        XCTAssertFalse(wave.reliability.contains { $0.scale == "privacy_concern" })
        XCTAssertEqual(wave.reliability.count, 6)
        XCTAssertEqual(wave.omega.map(\.scale), wave.reliability.map(\.scale))
        XCTAssertTrue(wave.factorAnalyses.isEmpty)
        XCTAssertEqual(wave.regressions.map(\.name), ["concern_model"])
        XCTAssertEqual(wave.anovas.count, 6)
        XCTAssertNotNil(wave.correlation)
        XCTAssertTrue(wave.descriptives.contains { $0.name == "privacy_concern" })
        XCTAssertFalse(wave.dataQuality.variables.contains { $0.name == "PC1" || $0.name == "breach" })
        XCTAssertNil(wave.labels["PC1"])
        XCTAssertNil(wave.labels["breach"])
        XCTAssertEqual(wave.drop(columns: [], plan: plan.analyses, codebook: result.codebookUsed), [])
    }
}
