import Foundation
import XCTest
@testable import Study
import SurveyData

/// The study file is checked whole against its codebook before any data is read: every problem,
/// in line order, each at the line and column of the study file that causes it.
final class StudyPlanChecksTests: XCTestCase {
    static let codebooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Codebooks")

    /// A plan in the bundled study's folder, its codebook the bundled one, its data a file that
    /// does not exist (so that any reading of data would fail differently).
    func plan(_ analyses: String, replication: String = "") throws -> StudyPlan {
        let text = "title: X\ncodebook: privacy-paradox.codebook.yml\ndata: no-such-wave.csv\n" + analyses + replication
        return try StudyPlan(yaml: YAMLValue(text: text, file: "s.yml"), base: Self.codebooks)
    }

    func testEveryProblemAtItsLineBeforeAnyDataIsRead() throws {
        let study = try plan("""
            analyses:
              descriptives: [trust, nosuch]
              frequencies: [trust]
              regressions:
                - name: m
                  dependent: trust
                  predictors: [benefits, trust, risks, risks]
                - name: m
                  dependent: trust
                  predictors: [benefits, ghost]
              anovas:
                - {dependent: trust, factor: benefits}
            """, replication: """

            replication:
              - {id: R1, description: x, published: x, check: std_estimate, model: nomodel, term: a}
              - {id: R1, description: x, published: x, check: mean, variable: nothing}

            """)
        let expected = [
            "s.yml:5:25: 'nosuch' is neither a variable nor a scale of the codebook (expected a likert or numeric variable, or a scale)",
            "s.yml:6:17: 'trust' is a scale (expected a likert or categorical variable)",
            "s.yml:8:7: regression 'm' has its dependent variable 'trust' among its predictors (a variable cannot explain itself)",
            "s.yml:8:7: regression 'm' names the predictor 'risks' twice (expected each predictor once, in one block)",
            "s.yml:11:7: a second regression named 'm' (expected unique names; add name: to tell them apart)",
            "s.yml:13:30: 'ghost' is neither a variable nor a scale of the codebook (expected a likert, numeric or categorical variable, or a scale)",
            "s.yml:15:34: 'benefits' is a scale (expected a categorical variable)",
            "s.yml:17:5: replication R1: names regression 'nomodel', which the study file does not define (regressions: m, m)",
            "s.yml:18:5: replication R1: the id is used twice (expected unique ids)",
            "s.yml:18:5: replication R1: names 'nothing', which is neither a variable nor a scale of the codebook",
        ]
        XCTAssertThrowsError(try StudyRunner.run(study)) { error in
            XCTAssertEqual((error as? ConfigFileProblems)?.errors.map(\.description), expected, "\(error)")
        }
    }

    func testBoundsAndAnEmptyDataList() throws {
        XCTAssertThrowsError(try plan("replication:\n  - {id: R, description: x, published: x, check: mean, variable: trust, decimals: 400}\n")) {
            XCTAssertEqual("\($0)", "s.yml:5:83: replication[1].decimals: decimals 400 (expected a whole number from 0 to 10)")
        }
        XCTAssertThrowsError(try StudyPlan(yaml: YAMLValue(text: "title: X\ncodebook: c.yml\ndata: []\n", file: "s.yml"), base: Self.codebooks)) {
            XCTAssertEqual("\($0)", "s.yml:3:7: data: no data file (expected a file name, a glob or a list of them)")
        }
    }

    /// A model that cannot be estimated names the study file's line of its definition.
    func testAnAnalysisThatFailsNamesItsLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("checks-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "variables:\n  - {name: y, type: numeric}\n  - {name: x, type: numeric}\n".write(to: folder.appendingPathComponent("c.yml"), atomically: true, encoding: .utf8)
        try "y,x\n3,1\n3,2\n3,3\n3,4\n".write(to: folder.appendingPathComponent("d.csv"), atomically: true, encoding: .utf8)
        let text = "title: X\ncodebook: c.yml\ndata: d.csv\nanalyses:\n  descriptives: [y]\n  regressions:\n    - {name: flat, dependent: y, predictors: [x]}\n"
        let study = try StudyPlan(yaml: YAMLValue(text: text, file: "s.yml"), base: folder)
        XCTAssertThrowsError(try StudyRunner.run(study)) {
            XCTAssertEqual("\($0)", "s.yml:7:7: regression 'flat' could not be computed: the response y is constant (3.0) in the estimation sample; there is no variation to explain")
        }
    }
}
