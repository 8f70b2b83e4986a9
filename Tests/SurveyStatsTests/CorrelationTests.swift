import Foundation
import XCTest
@testable import SurveyStats
import TestSupport

/// Expected values: R 4.2.2 Patched (2022-11-10 r83330), `cor.test(x, y)` (Pearson, two-sided):
/// `estimate`, `statistic`, `p.value`, `parameter + 2`, on q1, q2, q4, hours of
/// `Fixtures/descriptives/likert.csv`; listwise on `na.omit(d[, vars])`, pairwise on the two raw
/// columns. Printed with `sprintf("%.17g")` by `Fixtures/descriptives/expected.R` (`expected_R.txt`).
final class CorrelationTests: XCTestCase {
    let names = ["q1", "q2", "q4", "hours"]
    var columns: [[Double]] { names.map(LikertFixture.column) }

    // x, y: estimate statistic p_value n
    let listwise: [[Double]] = [
        [0.16914651755298024, 1.284281959090017, 0.2043311231681379, 58],
        [0.40746881154900605, 3.3389767018632308, 0.0015002589168039739, 58],
        [-0.28941173484381039, -2.2625871970097422, 0.027559170934377101, 58],
        [0.36606166132942508, 2.9436732390111024, 0.0047138766715009049, 58],
        [-0.066463418593403656, -0.49846886549660824, 0.62010586398750123, 58],
        [-0.039085705124485011, -0.2927143087559636, 0.77082240529970902, 58],
    ]
    let pairwise: [[Double]] = [
        [0.16914651755298024, 1.284281959090017, 0.2043311231681379, 58],
        [0.40746881154900605, 3.3389767018632308, 0.0015002589168039739, 58],
        [-0.28941173484381039, -2.2625871970097422, 0.027559170934377101, 58],
        [0.37351504695332227, 3.0665501091359171, 0.0032866943237384772, 60],
        [-0.08771973420292288, -0.67063877473249289, 0.5051125119209583, 60],
        [-0.064701201910687289, -0.49378430855015232, 0.62332331822068121, 60],
    ]

    func check(_ result: CorrelationResult, _ expected: [[Double]]) {
        XCTAssertEqual(result.pairs.count, expected.count)
        for (pair, e) in zip(result.pairs, expected) {
            let label = "\(pair.x)–\(pair.y)"
            assertRelative(pair.estimate, e[0], 1e-10, label)
            assertRelative(pair.statistic, e[1], 1e-10, label)
            assertRelative(pair.pValue, e[2], 1e-10, label)
            XCTAssertEqual(pair.n, Int(e[3]), label)
            XCTAssertEqual(pair.df, Int(e[3]) - 2, label)
        }
    }

    func testListwiseMatchesCorTest() throws {
        let result = try Correlation.pearson(columns, names: names)
        XCTAssertEqual(result.deletion, .listwise)
        XCTAssertEqual(result.n, 58)
        XCTAssertEqual(result.pairs.map { "\($0.x)-\($0.y)" },
                       ["q1-q2", "q1-q4", "q1-hours", "q2-q4", "q2-hours", "q4-hours"])
        check(result, listwise)
        XCTAssertEqual(result.pair(3, 1), result.pairs[4])
        XCTAssertNil(result.pair(2, 2))
    }

    func testPairwiseMatchesCorTest() throws {
        let result = try Correlation.pearson(columns, names: names, deletion: .pairwise)
        XCTAssertNil(result.n)
        check(result, pairwise)
    }

    func testDegenerateInput() throws {
        let perfect = try Correlation.pearson([[1, 2, 3, 4], [2, 4, 6, 8], [5, 5, 5, 5]], names: ["a", "b", "c"])
        XCTAssertEqual(perfect.pairs[0].estimate, 1)
        XCTAssertNil(perfect.pairs[0].statistic)
        XCTAssertEqual(perfect.pairs[0].pValue, 0)
        XCTAssertNil(perfect.pairs[1].estimate)
        XCTAssertNil(perfect.pairs[1].pValue)
        let two = try Correlation.pearson([[1, 2], [3, 1]], names: ["a", "b"])
        XCTAssertEqual(two.pairs[0].estimate, -1)
        XCTAssertNil(two.pairs[0].pValue)
        XCTAssertThrowsError(try Correlation.pearson([[1, 2]], names: ["a"]))
        XCTAssertThrowsError(try Correlation.pearson([[1, 2], [1]], names: ["a", "b"]))
    }
}
