import XCTest
import SurveyStats
@testable import Reporting

/// results.json's rule "undefined values are null" (``JSONValueEncoder``): every key of a result is in
/// the JSON, `null` where a statistic is undefined, through ``JSONOutput``, the writer of results.json.
final class JSONOutputTests: XCTestCase {
    func compact(_ json: String) -> String {
        json.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined()
    }

    func testUndefinedDescriptivesAreNull() throws {
        let one = Descriptives.describe([4], name: "x")
        XCTAssertEqual(compact(try JSONOutput.encode(one)),
                       #"{"kurtosis" : null,"max" : 4,"mean" : 4,"median" : 4,"min" : 4,"missing" : 0,"n" : 1,"name" : "x","#
                       + #""sd" : null,"se_kurtosis" : null,"se_skewness" : null,"skewness" : null}"#)
    }

    func testUndefinedCorrelationsAndPercentagesAreNull() throws {
        let perfect = try Correlation.pearson([[1, 2, 3, 4], [2, 4, 6, 8], [5, 5, 5, 5]], names: ["a", "b", "c"])
        let correlation = compact(try JSONOutput.encode(perfect))
        XCTAssertTrue(correlation.contains(#""p_value" : 0"#), correlation)
        XCTAssertTrue(correlation.contains(#""statistic" : null"#), correlation)
        let empty = try Frequencies.table(name: "q", kind: .likert, levels: [.init(value: "1", label: ""), .init(value: "2", label: "")],
                                          counts: [0, 0])
        let frequencies = compact(try JSONOutput.encode(empty))
        XCTAssertTrue(frequencies.contains(#""top2_box" : null"#), frequencies)
        XCTAssertTrue(frequencies.contains(#""valid_percent" : null"#), frequencies)
    }

    /// A group of one case: Welch, F* and Games–Howell pairs with it are undefined, and written as null.
    func testUndefinedAnovaStatisticsAreNull() throws {
        let result = try OneWayANOVA.run(values: [1, 2, 3, 5, 6, 9], groups: [0, 0, 0, 1, 1, 2], levels: ["a", "b", "c", "d"])
        let json = compact(try JSONOutput.encode(result))
        XCTAssertFalse(json.contains("nan"))
        for key in ["brown_forsythe_means", "welch"] { XCTAssertTrue(json.contains(#""\#(key)" : null"#), key) }
        for key in ["games_howell", "eta_squared", "omega_squared", "df_residual", "std_error"] { XCTAssertTrue(json.contains(#""\#(key)""#), key) }
    }
}
