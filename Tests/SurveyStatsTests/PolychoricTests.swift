import Foundation
import XCTest
@testable import SurveyStats
import TestSupport

/// Polychoric correlations, ordinal α and ω against `Fixtures/polychoric/polychoric.R` →
/// `polychoric_R.txt` (R 4.2.2, mvtnorm 1.1-3, psych 2.2.9, lavaan 0.6-14, semTools 0.5-6): the
/// two-step ML estimate solved by `uniroot(tol = 1e-15)` to 1e-9; psych's `polychoric(correct = 0)`,
/// which stops its search early, to 1e-4; ordinal α (psych `alpha` on the matrix) and ordinal ω
/// (lavaan `cfa(sample.cov = R)` + `compRelSEM`, whose fit stops ~1e-7 from the minimum) to 1e-8 and 1e-7.
final class PolychoricTests: XCTestCase {
    let names = ["q1", "q2", "q3", "q4", "q5"]

    func likertTable() throws -> PairwiseContingency {
        let columns = try names.map { name in
            name == "q3" ? try Reliability.reverseKeyed(LikertFixture.column(name), item: name, min: 1, max: 5) : LikertFixture.column(name)
        }
        return try PairwiseContingency(columns: columns, names: names)
    }

    func testLikertItemsMatchTwoStepML() throws {
        let table = try likertTable()
        XCTAssertEqual(table.count, 53)
        let r = try Polychoric.correlations(table, names: names)
        let thresholdsQ1 = [-1.03239568516491, -0.518981582211196, 0.465589396943837, 1.31449629146788]
        for (actual, expected) in zip(r.thresholds[0], thresholdsQ1) { assertRelative(actual, expected, 1e-12) }
        let expected: [(Int, Int, Double, Double)] = [
            (0, 1, 0.202438790752037, 0.20242001294392), (0, 2, 0.372178164116592, 0.372192046179014),
            (0, 3, 0.461250046358305, 0.461251617851959), (0, 4, 0.329334473275708, 0.329318182792778),
            (1, 2, 0.189944495475099, 0.189941160769642), (1, 3, 0.379474062883318, 0.37948997524),
            (1, 4, -0.0233173570300571, -0.0233176621421501), (2, 3, 0.538650522717542, 0.538670003349381),
            (2, 4, 0.29620549619282, 0.296197293932121), (3, 4, 0.246208271350643, 0.246194800938578),
        ]
        for (i, j, rho, psych) in expected {
            assertRelative(r.correlation(i, j), rho, 1e-9, "\(i),\(j)")
            XCTAssertEqual(r.correlation(j, i), r.correlation(i, j))
            XCTAssertEqual(r.correlation(i, j), psych, accuracy: 1e-4, "psych \(i),\(j)")
        }
        let ordinal = try OrdinalReliability.analyse(table, names: names)
        assertRelative(ordinal.alpha, 0.681028549386325, 1e-8)
        assertRelative(ordinal.omega?.omega, 0.703280528493273, 1e-7)  // lavaan stops ~1e-7 from the minimum
        XCTAssertNil(ordinal.omega?.fit)
        XCTAssertNil(ordinal.omega?.stdError)
    }

    func testMergedTablesEqualOnePass() throws {
        let columns = names.map(LikertFixture.column)
        let whole = try PairwiseContingency(columns: columns, names: names)
        var first = PairwiseContingency(levels: whole.levels), second = PairwiseContingency(levels: whole.levels)
        for (part, rows) in [(0, 0..<25), (1, 25..<columns[0].count)] {
            let slice = columns.map { Array($0[rows]) }
            let complete = rows.indices.filter { r in slice.allSatisfy { !$0[r - rows.lowerBound].isNaN } }
            for r in complete {
                let codes = zip(slice, whole.levels).map { column, levels in levels.firstIndex(of: column[r - rows.lowerBound])! }
                if part == 0 { first.add(codes) } else { second.add(codes) }
            }
        }
        first.merge(second)
        XCTAssertEqual(first.tables, whole.tables)
        XCTAssertEqual(first.margins, whole.margins)
        XCTAssertEqual(first.count, whole.count)
    }

    func testConstantAndContinuousItemsAreTypedErrors() throws {
        let table = try PairwiseContingency(columns: [[1, 2, 3, 1], [2, 2, 2, 2]], names: ["a", "b"])
        XCTAssertThrowsError(try Polychoric.correlations(table, names: ["a", "b"])) {
            XCTAssertEqual($0 as? PolychoricError, .constantItem("b"))
        }
        XCTAssertThrowsError(try PairwiseContingency(columns: [(1...11).map(Double.init), (1...11).map(Double.init)], names: ["x", "y"])) {
            XCTAssertEqual($0 as? PolychoricError, .tooManyCategories(item: "x", count: 11))
        }
    }
}
