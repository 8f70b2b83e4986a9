import Foundation
import TestSupport
import XCTest

/// The NIST StRD accuracy sets through the command line, as a user runs them: `paradox anova` on
/// the eleven one-way ANOVA sets and `paradox describe` on the nine univariate sets, scored by LRE
/// against NIST's certified values (fixtures and their provenance: Tests/SurveyStatsTests/Fixtures/).
/// SmLs07–09 (values like 1000000000000.4) keep their digits because the reader takes a column whose
/// values share leading digits as exact decimals minus a common offset (`CenteredDecimals`); with
/// plain doubles F had 3 correct digits.
final class NISTCLITests: CLITestCase {
    static let fixtures = packageRoot.appendingPathComponent("Tests/SurveyStatsTests/Fixtures")

    func certified(_ file: URL) throws -> [String: Any] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any]
        return try XCTUnwrap(json?["certified"] as? [String: Any])
    }

    func number(_ value: Any?) throws -> Double { try XCTUnwrap(value as? NSNumber).doubleValue }

    func testAnovaHasNineCorrectDigitsOnEverySet() throws {
        for name in ["SiRstv", "SmLs01", "SmLs02", "SmLs03", "SmLs04", "SmLs05", "SmLs06", "SmLs07", "SmLs08", "SmLs09", "AtmWtAg"] {
            let data = Self.fixtures.appendingPathComponent("anova/\(name).csv")
            let outcome = try paradox(["anova", data.path, "--dv", "y", "--factor", "group", "--format", "json"])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            let result = try json(outcome.stdout)
            let rows = try XCTUnwrap(result["anova"] as? [[String: Any]])
            let expected = try certified(Self.fixtures.appendingPathComponent("anova/\(name).json"))
            var digits: [String: Double] = [:]
            for (row, key) in zip(rows, ["between", "within"]) {
                let c = try XCTUnwrap(expected[key] as? [String: Any])
                XCTAssertEqual(try number(row["df"]), try number(c["df"]), "\(name) \(key) df")
                digits["\(key).ss"] = logRelativeError(try number(row["sumsq"]), certified: try number(c["ss"]))
                digits["\(key).ms"] = logRelativeError(try number(row["meansq"]), certified: try number(c["ms"]))
            }
            digits["f_statistic"] = logRelativeError(try number(rows[0]["statistic"]), certified: try number(expected["f_statistic"]))
            digits["r_squared"] = logRelativeError(try number(result["eta_squared"]), certified: try number(expected["r_squared"]))
            let worst = try XCTUnwrap(digits.min { $0.value < $1.value })
            XCTAssertGreaterThanOrEqual(worst.value, 9, "\(name): \(worst.key)")
        }
    }

    func testDescribeHasFourteenCorrectDigitsOfEveryMean() throws {
        for name in ["PiDigits", "Lottery", "Lew", "Mavro", "Michelso", "NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4"] {
            let data = Self.fixtures.appendingPathComponent("descriptives/nist/\(name).csv")
            let outcome = try paradox(["describe", data.path, "--format", "json"])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            let variable = try XCTUnwrap((try json(outcome.stdout)["variables"] as? [[String: Any]])?.first)
            let expected = try certified(Self.fixtures.appendingPathComponent("descriptives/nist/\(name).json"))
            XCTAssertGreaterThanOrEqual(logRelativeError(try number(variable["mean"]), certified: try number(expected["mean"])), 14, "\(name) mean")
            // Michelso's SD has 13.8 correct digits (two-pass moments on its deviations); NumAcc3–4 had 9.5 and 8.3 from plain doubles.
            XCTAssertGreaterThanOrEqual(logRelativeError(try number(variable["sd"]), certified: try number(expected["sd"])), 13, "\(name) sd")
        }
    }
}
