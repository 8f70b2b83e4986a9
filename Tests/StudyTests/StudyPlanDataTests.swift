import Foundation
import XCTest
@testable import Study
import SurveyData

/// The `data:` entry of a study file: one file, a list, a glob (expanded, sorted by name), and a
/// glob that matches nothing (an error at its line).
final class StudyPlanDataTests: XCTestCase {
    let base = WaveComparisonTests.fixtures

    func plan(_ data: String) throws -> StudyPlan {
        try StudyPlan(yaml: .init(text: "title: X\ncodebook: c.yml\n\(data)", file: "s.yml"), base: base)
    }

    func testSingleFileAndList() throws {
        XCTAssertEqual(try plan("data: wave-2.csv\n").data.map(\.written), ["wave-2.csv"])
        let list = try plan("data:\n  - wave-3.csv\n  - wave-1.csv\n").data
        XCTAssertEqual(list.map(\.written), ["wave-3.csv", "wave-1.csv"])
        XCTAssertEqual(list[0].url, base.appendingPathComponent("wave-3.csv").standardizedFileURL)
        XCTAssertEqual(list.map(\.stem), ["wave-3", "wave-1"])
    }

    func testGlobIsExpandedAndSortedByName() throws {
        XCTAssertEqual(try plan("data: wave-*.csv\n").data.map(\.written), ["wave-1.csv", "wave-2.csv", "wave-3.csv"])
        XCTAssertEqual(try plan("data: ../waves/wave-?.csv\n").data.map(\.written),
                       ["../waves/wave-1.csv", "../waves/wave-2.csv", "../waves/wave-3.csv"])
        XCTAssertEqual(try plan("data: [wave-3.csv, wave-?.csv]\n").data.map(\.written),
                       ["wave-3.csv", "wave-1.csv", "wave-2.csv", "wave-3.csv"], "list entries in order, each glob sorted")
    }

    func testGlobMatchingNothingNamesFileAndLine() throws {
        XCTAssertThrowsError(try plan("data:\n  - wave-1.csv\n  - wave-*.tsv\n")) { error in
            let config = error as? ConfigFileError
            XCTAssertEqual(config?.file, "s.yml")
            XCTAssertEqual(config?.line, 5)
            XCTAssertTrue("\(error)".hasPrefix("s.yml:5"), "\(error)")
            XCTAssertTrue("\(error)".contains("no file matches 'wave-*.tsv'"), "\(error)")
        }
        XCTAssertThrowsError(try plan("data: {file: x.csv}\n")) { error in
            XCTAssertTrue("\(error)".hasPrefix("s.yml:3"), "\(error)")
        }
    }
}
