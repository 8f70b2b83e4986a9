import Foundation
import XCTest

/// `paradox describe --codebook` with a `design:`: the weighted means through the binary against R
/// 4.2.2, survey 4.1.1 (`Tests/SurveyStatsTests/Fixtures/design/design.R` → `design_R.txt`, lines
/// `mean full …`: `svymean(deff = TRUE)`, `confint(df = degf)`), and its errors.
final class DescribeDesignCLITests: CLITestCase {
    let fixtures = CLITestCase.packageRoot.appendingPathComponent("Tests/SurveyStatsTests/Fixtures/design")

    func expected(_ label: String) throws -> [Double] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("design_R.txt"), encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix(label + " ") })
        return line.split(separator: " ").dropFirst(label.split(separator: " ").count).compactMap { Double($0) }
    }

    func testWeightedMeansMatchSvymean() throws {
        let run = try paradox(["describe", fixtures.appendingPathComponent("design.csv").path, "--codebook",
                               fixtures.appendingPathComponent("design.codebook.yml").path, "--columns", "x1,y", "--format", "json"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let weighted = try XCTUnwrap(try json(run.stdout)["weighted"] as? [String: Any])
        XCTAssertEqual(weighted["weight_type"] as? String, "sampling")
        let means = try XCTUnwrap(weighted["means"] as? [[String: Any]])
        XCTAssertEqual(means.count, 2)
        for (result, name) in zip(means, ["x1", "y"]) {
            let e = try expected("mean full \(name)")
            let row = try XCTUnwrap((result["rows"] as? [[String: Any]])?.first)
            XCTAssertEqual(row["name"] as? String, name)
            func check(_ key: String, _ value: Double, _ tolerance: Double) throws {
                let actual = try XCTUnwrap(row[key] as? Double, key)
                XCTAssertEqual(actual, value, accuracy: tolerance * abs(value), "\(name) \(key)")
            }
            try check("mean", e[0], 1e-12)
            try check("std_error", e[1], 1e-10)
            try check("deff", e[2], 1e-10)
            try check("deff_replacement", e[3], 1e-10)
            try check("total", e[4], 1e-12)
            try check("total_std_error", e[5], 1e-10)
            XCTAssertEqual(result["df"] as? Double, e[6])
            try check("conf_low", e[7], 1e-10)
            try check("conf_high", e[8], 1e-10)
        }
    }

    func testDesignErrorsNameFileRowAndVariable() throws {
        let folder = try temporaryFolder()
        let codebook = fixtures.appendingPathComponent("design.codebook.yml").path
        var text = try String(contentsOf: fixtures.appendingPathComponent("design.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"a\",1,12,2.194,", with: "\"a\",1,12,-2,")
        let negative = try write(text, to: "negative.csv", in: folder)
        var run = try paradox(["describe", negative.path, "--codebook", codebook, "--columns", "x1"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "paradox: error: \(negative.path):3, column 4 (w): value \"-2\" is out of range (expected a weight ≥ 0)\n")
        let lonely = try write(try String(contentsOf: fixtures.appendingPathComponent("design.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.hasPrefix("\"a\"") ? $0.replacingOccurrences(of: "\"a\",2,", with: "\"a\",1,").replacingOccurrences(of: "\"a\",3,", with: "\"a\",1,") : String($0) }
            .joined(separator: "\n") + "\n", to: "lonely.csv", in: folder)
        run = try paradox(["describe", lonely.path, "--codebook", codebook, "--columns", "x1"])
        XCTAssertEqual(run.status, 1)
        XCTAssertEqual(run.stderr, "paradox: error: design-based mean of x1 could not be computed: stratum \"a\" has only one PSU, so its variance cannot be estimated; merge it with a similar stratum\n")
    }
}
