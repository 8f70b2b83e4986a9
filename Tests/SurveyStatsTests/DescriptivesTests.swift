import Foundation
import XCTest
@testable import SurveyStats
import TestSupport

/// Expected values: R 4.2.2 Patched (2022-11-10 r83330), psych 2.2.9,
/// `psych::describe(d[, c("q1","q2","q3","q4","q5","hours")], type = 2)` on
/// `Fixtures/descriptives/likert.csv`; `missing` is `sum(is.na(x))`; the SPSS standard errors of
/// skewness and kurtosis are their formulas evaluated in the same R session. Script:
/// `Fixtures/descriptives/expected.R`, output `expected_R.txt` (printed with `sprintf("%.17g")`).
final class DescriptivesTests: XCTestCase {
    // name: n missing mean sd median min max skew kurtosis se_skew se_kurt
    static let expected: [(String, [Double])] = [
        ("q1", [58, 2, 2.9655172413793105, 1.1388747484600648, 3, 1, 5, -0.15191111177504035, -0.52557424427912514, 0.31371993256121683, 0.61813583682801443]),
        ("q2", [60, 0, 3.0833333333333335, 0.9440566391128804, 3, 1, 5, -0.17047468286730208, -0.1933434701065373, 0.30869391391488188, 0.60849201008918852]),
        ("q3", [56, 4, 3.0892857142857144, 1.1326041708347219, 3, 1, 5, -0.10301862265324319, -0.38022285237698616, 0.31899999031607185, 0.62825591452081586]),
        ("q4", [60, 0, 2.8666666666666667, 1.2817713731814051, 3, 1, 5, 0.25740477358685754, -0.93339222511279862, 0.30869391391488188, 0.60849201008918852]),
        ("q5", [59, 1, 3.0847457627118646, 0.9338119059148301, 3, 1, 5, 0.22148180963756844, -0.51143361664624898, 0.31117645579964665, 0.61325676420293163]),
        ("hours", [60, 0, 5.7080000000000002, 3.6799533895353269, 5.335, 0.53000000000000003, 16.309999999999999, 0.81515745622007274, 0.15822577884073752, 0.30869391391488188, 0.60849201008918852]),
    ]

    func testMatchesPsychDescribeType2() {
        for (name, e) in Self.expected {
            let r = Descriptives.describe(LikertFixture.column(name), name: name)
            XCTAssertEqual(r.name, name)
            XCTAssertEqual(r.n, Int(e[0]), name)
            XCTAssertEqual(r.missing, Int(e[1]), name)
            let actual = [r.mean, r.sd, r.median, r.min, r.max, r.skewness, r.kurtosis, r.seSkewness, r.seKurtosis]
            for (index, value) in actual.enumerated() {
                assertRelative(value, e[index + 2], 1e-10, "\(name) statistic \(index + 2)")
            }
        }
    }

    func testMergedChunksEqualTheTwoPassSummary() {
        let values = LikertFixture.column("hours")
        let whole = Moments(values)
        var merged = Moments(values[0..<7])
        merged.merge(Moments(values[7..<31]))
        for x in values[31...] { merged.append(x) }
        XCTAssertEqual(merged.count, whole.count)
        XCTAssertEqual(merged.min, whole.min)
        XCTAssertEqual(merged.max, whole.max)
        assertRelative(merged.mean, whole.mean, 1e-14)
        assertRelative(merged.m2, whole.m2, 1e-13)
        assertRelative(merged.m3, whole.m3, 1e-12)
        assertRelative(merged.m4, whole.m4, 1e-13)
        XCTAssertEqual(Moments() + whole, whole)
    }

    func testTalliedCountsGiveTheSameResultAsTheValues() {
        for name in ["q1", "q2", "q3", "q4", "q5"] {
            let values = LikertFixture.column(name)
            let counts = (1...5).map { level in values.filter { $0 == Double(level) }.count }
            let missing = values.filter(\.isNaN).count
            let tallied = Descriptives.describe(ValueTally(values: [1, 2, 3, 4, 5], counts: counts, missing: missing), name: name)
            XCTAssertEqual(ValueTally(values), ValueTally(values: [1, 2, 3, 4, 5], counts: counts, missing: missing))
            let direct = Descriptives.describe(values, name: name)
            XCTAssertEqual(tallied.n, direct.n)
            XCTAssertEqual(tallied.missing, direct.missing)
            XCTAssertEqual(tallied.median, direct.median, name)
            XCTAssertEqual(tallied.min, direct.min)
            XCTAssertEqual(tallied.max, direct.max)
            for (a, b) in [(tallied.mean, direct.mean), (tallied.sd, direct.sd), (tallied.skewness, direct.skewness),
                           (tallied.kurtosis, direct.kurtosis)] {
                assertRelative(a, b!, 1e-13, name)
            }
        }
        let even = Descriptives.describe(ValueTally(values: [4, 1, 2, 3], counts: [2, 1, 1, 0]), name: "even")
        XCTAssertEqual(even.median, 3)
        XCTAssertNil(Descriptives.describe(ValueTally(values: [1, 2], counts: [0, 0], missing: 3), name: "none").median)
    }

    func testTalliesOfPartsMergeIntoTheTallyOfTheWhole() {
        let values = LikertFixture.column("q1") + [2.5, .nan, -1, 2.5]
        let parts = [Array(values[..<7]), Array(values[7..<60]), Array(values[60...])]
        let merged = parts.map { ValueTally($0) }.reduce(ValueTally(), +)
        XCTAssertEqual(merged, ValueTally(values))
        XCTAssertEqual(merged.count + merged.missing, values.count)
        XCTAssertEqual(merged.median, Descriptives.median(values))
    }

    func testUndefinedStatisticsAreNilNotNaN() {
        let empty = Descriptives.describe([.nan, .nan], name: "empty")
        XCTAssertEqual(empty, DescriptivesResult(name: "empty", n: 0, missing: 2, mean: nil, sd: nil, median: nil,
                                                 min: nil, max: nil, skewness: nil, kurtosis: nil,
                                                 seSkewness: nil, seKurtosis: nil))
        let one = Descriptives.describe([4, .nan], name: "one")
        XCTAssertEqual(one.mean, 4)
        XCTAssertNil(one.sd)
        XCTAssertNil(one.skewness)
        let three = Descriptives.describe([1, 2, 4], name: "three")
        XCTAssertNotNil(three.skewness)
        XCTAssertNil(three.kurtosis)
        XCTAssertNil(three.seKurtosis)
        let constant = Descriptives.describe([0.1, 0.1, 0.1, 0.1, 0.1], name: "constant")
        XCTAssertEqual(constant.mean, 0.1)
        XCTAssertEqual(constant.sd, 0)
        XCTAssertNil(constant.skewness)
        XCTAssertNil(constant.kurtosis)
        XCTAssertEqual(Descriptives.median([3, .nan, 1, 2, 10]), 2.5)
    }

    func testJSONUsesBroomKeysAndNullForUndefined() throws {
        // (Undefined values as null: results.json's rule, tested through JSONOutput in ReportingTests.)
        let encoder = JSONEncoder()
        let full = Descriptives.describe(LikertFixture.column("q1"), name: "q1")
        let keys = try JSONSerialization.jsonObject(with: encoder.encode(full)) as! [String: Any]
        XCTAssertEqual(Set(keys.keys), ["name", "n", "missing", "mean", "sd", "median", "min", "max",
                                        "skewness", "kurtosis", "se_skewness", "se_kurtosis"])
        XCTAssertEqual(try JSONDecoder().decode(DescriptivesResult.self, from: encoder.encode(full)), full)
    }
}
