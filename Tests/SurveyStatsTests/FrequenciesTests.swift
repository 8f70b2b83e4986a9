import Foundation
import XCTest
@testable import SurveyStats
import TestSupport

/// Expected values: R 4.2.2 Patched (2022-11-10 r83330) on `Fixtures/descriptives/likert.csv`
/// (`Fixtures/descriptives/expected.R`, output `expected_R.txt`): `table(d$q1, useNA = "always")`,
/// `table(d$region, useNA = "always")`, `100 * prop.table(table(factor(d$q1, levels = 1:5)))`,
/// `100 * table(...) / nrow(d)`, `cumsum(...)`, `100 * mean(d$q1 >= 4, na.rm = TRUE)`, printed with
/// `sprintf("%.17g")`.
final class FrequenciesTests: XCTestCase {
    let likertLabels = ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"]

    func testLikertItemCountedFromValuesMatchesR() throws {
        let levels = (1...5).map { Frequencies.Code(value: Double($0), label: likertLabels[$0 - 1]) }
        let t = try Frequencies.table(name: "q1", kind: .likert, values: LikertFixture.column("q1"), levels: levels)
        XCTAssertEqual(t.levels.map(\.count), [8, 9, 23, 13, 5])
        XCTAssertEqual(t.levels.map(\.value), ["1", "2", "3", "4", "5"])
        XCTAssertEqual(t.levels.map(\.label), likertLabels)
        XCTAssertEqual(t.total, 60)
        XCTAssertEqual(t.n, 58)
        XCTAssertEqual(t.missing, [.init(code: nil, label: "System missing", count: 2, percent: 100 * 2.0 / 60)])
        let percent = [13.333333333333334, 15, 38.333333333333336, 21.666666666666668, 8.3333333333333339]
        let valid = [13.793103448275861, 15.517241379310345, 39.655172413793103, 22.413793103448278, 8.6206896551724146]
        let cumulative = [13.793103448275861, 29.310344827586206, 68.965517241379303, 91.379310344827587, 100]
        for j in 0..<5 {
            assertRelative(t.levels[j].percent, percent[j])
            assertRelative(t.levels[j].validPercent, valid[j])
            assertRelative(t.levels[j].cumulativePercent, cumulative[j])
        }
        XCTAssertEqual(t.levels[4].cumulativePercent, 100)
        assertRelative(t.topTwoBox, 31.03448275862069)
    }

    func testCategoricalWithZeroLevelUserMissingAndBlank() throws {
        // table(d$region, useNA = "always"): 1: 22, 2: 26, 3: 7, 98: 3, NA: 2
        let t = try Frequencies.table(
            name: "region", kind: .categorical, values: LikertFixture.column("region"),
            levels: [.init(value: 1, label: "North"), .init(value: 2, label: "South"),
                     .init(value: 3, label: "East"), .init(value: 4, label: "West")],
            userMissing: [.init(value: 98, label: "Don't know"), .init(value: 99, label: "Prefer not to say")])
        XCTAssertEqual(t.levels.map(\.count), [22, 26, 7, 0])
        XCTAssertEqual(t.levels[3].validPercent, 0)
        XCTAssertEqual(t.levels[3].cumulativePercent, 100)
        XCTAssertEqual(t.missing.map(\.code), ["98", "99", nil])
        XCTAssertEqual(t.missing.map(\.count), [3, 0, 2])
        XCTAssertEqual(t.total, 60)
        XCTAssertEqual(t.n, 55)
        XCTAssertNil(t.topTwoBox)
    }

    func testTalliedCountsGiveTheSameTable() throws {
        let levels = (1...5).map { Frequencies.Level(value: String($0), label: likertLabels[$0 - 1]) }
        let tallied = try Frequencies.table(name: "q1", kind: .likert, levels: levels, counts: [8, 9, 23, 13, 5],
                                            systemMissing: 2)
        let counted = try Frequencies.table(
            name: "q1", kind: .likert, values: LikertFixture.column("q1"),
            levels: (1...5).map { Frequencies.Code(value: Double($0), label: likertLabels[$0 - 1]) })
        XCTAssertEqual(tallied, counted)
    }

    func testErrorsAndEmptyInput() throws {
        XCTAssertThrowsError(try Frequencies.table(name: "q", kind: .likert, values: [1, 2, 7],
                                                   levels: [.init(value: 1, label: ""), .init(value: 2, label: "")])) {
            XCTAssertEqual($0 as? FrequencyError, .undeclaredValue(variable: "q", value: 7, row: 2))
            XCTAssertEqual(String(describing: $0), "q, row 3: value 7.0 is not a declared level or missing code")
        }
        XCTAssertThrowsError(try Frequencies.table(name: "q", kind: .likert, levels: [.init(value: "1", label: "")],
                                                   counts: [1, 2]))
        let empty = try Frequencies.table(name: "q", kind: .likert, levels: [.init(value: "1", label: ""), .init(value: "2", label: "")],
                                          counts: [0, 0])
        XCTAssertNil(empty.levels[0].percent)
        XCTAssertNil(empty.topTwoBox)
    }
}
