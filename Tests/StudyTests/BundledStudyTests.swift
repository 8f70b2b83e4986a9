import Foundation
import XCTest
@testable import Study
import SurveyData

/// The bundled study file parses, runs, and reproduces every published figure (issue 4, R1–R7).
final class BundledStudyTests: XCTestCase {
    static let studyFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Codebooks/privacy-paradox.study.yml")

    func testEveryReplicationTargetIsReproduced() throws {
        let result = try StudyRunner.run(StudyPlan.load(from: Self.studyFile))
        XCTAssertEqual(result.replication.map(\.id), ["R1", "R2", "R3", "R4", "R5", "R6", "R7"])
        for check in result.replication {
            XCTAssertTrue(check.reproduced, "\(check.id) \(check.description): value \(String(describing: check.value)), p \(String(describing: check.pValue))")
        }
        let wave = try XCTUnwrap(result.waves.first)
        XCTAssertEqual(wave.dataQuality.rows, 200)
        XCTAssertEqual(wave.anovas.map(\.name), ["concern_by_age", "trust_by_age_group", "trust_by_gender", "trust_by_income",
                                                 "trust_by_education", "trust_by_region"])
        XCTAssertEqual(wave.regressions.map { $0.result.blocks.count }, [1, 2])
        // R8: the three reported themes are the three most frequent top-level themes.
        let themes = try XCTUnwrap(result.interviews?.summary.themes).filter { $0.depth == 0 }
        let topThree = Set(themes.sorted { $0.segments > $1.segments }.prefix(3).map(\.themeID))
        XCTAssertEqual(topThree, ["communication", "ethics", "compliance_efficiency"])
    }

    func testStudyFileErrorsNameTheLine() throws {
        let yaml = "title: X\ncodebook: c.yml\ndata: d.csv\nanalyses:\n  anovas:\n    - {dependent: y}\n"
        XCTAssertThrowsError(try StudyPlan(yaml: .init(text: yaml, file: "s.yml"), base: URL(fileURLWithPath: "/tmp"))) { error in
            XCTAssertTrue("\(error)".hasPrefix("s.yml:6"), "\(error)")
            XCTAssertTrue("\(error)".contains("factors"), "\(error)")
        }
    }
}
