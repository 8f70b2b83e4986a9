import Foundation
import XCTest
@testable import SurveyStats
import TestSupport

/// ``CoMoments`` and ``PairwiseCoMoments``: hand-computed values, and summaries of parts of
/// `Fixtures/descriptives/likert.csv` merged into the summary of the whole, giving the same
/// reliability and correlation results as one pass (whose values `ReliabilityTests` and
/// `CorrelationTests` check against R) to 1e-12 relative.
final class CoMomentsTests: XCTestCase {
    let itemNames = ["q1", "q2", "q3", "q4", "q5"]
    let correlationNames = ["q1", "q2", "q4", "hours"]

    /// q1..q5 with q3 reverse-keyed, as in `ReliabilityTests`.
    var items: [[Double]] {
        itemNames.map { name in
            let column = LikertFixture.column(name)
            return name == "q3" ? try! Reliability.reverseKeyed(column, item: name, min: 1, max: 5) : column
        }
    }

    var correlationColumns: [[Double]] { correlationNames.map(LikertFixture.column) }

    /// The 60 fixture rows in three uneven parts: row 0 alone (complete), rows 1–22 (three with a
    /// missing item), rows 23–59 (missing items and a missing `hours`).
    func parts(_ columns: [[Double]]) -> [[[Double]]] {
        [0..<1, 1..<23, 23..<60].map { rows in columns.map { Array($0[rows]) } }
    }

    func testHandComputedValues() {
        // Complete rows (1, 2), (2, 4), (3, 7): x̄ = (2, 13/3), Cxx = 2, Cxy = 5, Cyy = 114/9.
        let summary = CoMoments(columns: [[1, 2, .nan, 3], [2, 4, 1, 7]])
        XCTAssertEqual(summary.count, 3)
        XCTAssertEqual(summary.excluded, 1)
        XCTAssertEqual(summary.variableCount, 2)
        assertRelative(summary.means[0], 2, 1e-15)
        assertRelative(summary.means[1], 13.0 / 3, 1e-15)
        assertRelative(summary.coMoment(0, 0), 2, 1e-15)
        assertRelative(summary.coMoment(0, 1), 5, 1e-15)
        assertRelative(summary.coMoment(1, 1), 114.0 / 9, 1e-15)
        XCTAssertEqual(summary.coMoment(1, 0), summary.coMoment(0, 1))
        assertRelative(summary.covariance(0, 1), 2.5, 1e-15)
        assertRelative(summary.correlation(0, 1), 5 / (2 * 114.0 / 9).squareRoot(), 1e-15)

        let constant = CoMoments(columns: [[0.1, 0.1, 0.1], [1, 2, 4]])
        XCTAssertEqual(constant.means[0], 0.1)
        XCTAssertEqual(constant.coMoment(0, 0), 0)
        XCTAssertEqual(constant.coMoment(0, 1), 0)
        XCTAssertNil(constant.correlation(0, 1))
        XCTAssertNil(CoMoments(columns: [[1], [2]]).covariance(0, 0))
    }

    func testMergedPartsGiveTheOnePassSummary() {
        for columns in [items, correlationColumns] {
            let summaries = parts(columns).map { CoMoments(columns: $0) }
            XCTAssertEqual(summaries.map(\.count).filter { $0 == 1 }.count, 1, "a single-row part")
            XCTAssertGreaterThan(summaries.map(\.excluded).max()!, 0, "a part with missing values")
            let merged = summaries.reduce(CoMoments(variableCount: columns.count), +)
            let whole = CoMoments(columns: columns)
            XCTAssertEqual(merged.count, whole.count)
            XCTAssertEqual(merged.excluded, whole.excluded)
            for i in 0..<columns.count {
                assertSame(merged.means[i], whole.means[i], "mean \(i)")
                for j in 0..<columns.count {
                    // relative to the scale √(CᵢᵢCⱼⱼ), as an off-diagonal Cᵢⱼ may be near 0
                    let scale = (whole.coMoment(i, i) * whole.coMoment(j, j)).squareRoot()
                    XCTAssertLessThanOrEqual(abs(merged.coMoment(i, j) - whole.coMoment(i, j)), 1e-12 * scale, "C\(i)\(j)")
                    XCTAssertEqual(merged.coMoment(i, j), merged.coMoment(j, i), "symmetric")
                }
            }
        }
        // Row by row, the streaming case.
        let rows = (0..<60).map { r in CoMoments(columns: correlationColumns.map { [$0[r]] }) }
        let streamed = rows.reduce(CoMoments(variableCount: 4), +)
        let whole = CoMoments(columns: correlationColumns)
        XCTAssertEqual(streamed.count, 58)
        XCTAssertEqual(streamed.excluded, 2)
        for i in 0..<4 { for j in 0..<4 { assertSame(streamed.coMoment(i, j), whole.coMoment(i, j), "C\(i)\(j)") } }
    }

    func testIntegerColumnsGiveTheSummaryOfTheDoubles() throws {
        let integers = items.map { $0.map { $0.isNaN ? Int16.min : Int16($0) } }
        let exact = CoMoments(integerColumns: integers)
        let twoPass = CoMoments(columns: items)
        XCTAssertEqual(exact.count, 53)
        XCTAssertEqual(exact.excluded, 7)
        for i in 0..<5 {
            assertRelative(exact.means[i], twoPass.means[i], 1e-15)
            for j in 0..<5 { assertRelative(exact.coMoment(i, j), twoPass.coMoment(i, j), 1e-14) }
        }
        // psych::alpha on q1..q5 with q3 reversed, as in ReliabilityTests
        assertRelative(try Reliability.cronbachAlpha(exact, names: itemNames).alpha, 0.66508806912595542)
        // Hand-computed: complete rows (1, 2), (2, 4), (3, 7) as in testHandComputedValues.
        let small = CoMoments(integerColumns: [[1, 2, .min, 3], [2, 4, 1, 7]])
        XCTAssertEqual(small.excluded, 1)
        XCTAssertEqual(small.coMoment(0, 1), 5)
        XCTAssertEqual(small.coMoment(1, 1), 114.0 / 9)
        XCTAssertEqual(small.means[1], 13.0 / 3)
        // The same values as sixths and thirds: 6, 12, 18 / 6 and 6, 12, 21 / 3.
        let scaled = CoMoments(integerColumns: [[6, 12, .min, 18], [6, 12, 3, 21]], denominators: [6, 3])
        XCTAssertEqual(scaled.coMoment(0, 1), 5)
        XCTAssertEqual(scaled.coMoment(1, 1), 114.0 / 9)
        XCTAssertEqual(scaled.means, [2, 13.0 / 3])
    }

    func testMergedPartsGiveTheOnePassReliability() throws {
        for reverseQ3 in [true, false] {
            let columns = reverseQ3 ? items : itemNames.map(LikertFixture.column)
            let merged = parts(columns).map { CoMoments(columns: $0) }.reduce(CoMoments(variableCount: 5), +)
            let fromParts = try Reliability.cronbachAlpha(merged, names: itemNames)
            let onePass = try Reliability.cronbachAlpha(columns, names: itemNames)
            XCTAssertEqual(fromParts.n, 53)
            XCTAssertEqual(fromParts.excludedCases, 7)
            XCTAssertEqual(fromParts.n, onePass.n)
            XCTAssertEqual(fromParts.k, onePass.k)
            XCTAssertEqual(fromParts.excludedCases, onePass.excludedCases)
            XCTAssertEqual(fromParts.confLevel, onePass.confLevel)
            XCTAssertEqual(fromParts.warnings, onePass.warnings)
            assertSame(fromParts.alpha, onePass.alpha, "alpha")
            assertSame(fromParts.standardizedAlpha, onePass.standardizedAlpha, "std_alpha")
            assertSame(fromParts.meanInterItemCorrelation, onePass.meanInterItemCorrelation, "r_bar")
            assertSame(fromParts.confLow, onePass.confLow, "conf_low")
            assertSame(fromParts.confHigh, onePass.confHigh, "conf_high")
            XCTAssertEqual(fromParts.items.count, 5)
            for (a, b) in zip(fromParts.items, onePass.items) {
                XCTAssertEqual(a.name, b.name)
                assertSame(a.mean, b.mean, "\(a.name) mean")
                assertSame(a.sd, b.sd, "\(a.name) sd")
                assertSame(a.rDrop, b.rDrop, "\(a.name) r_drop")
                assertSame(a.alphaIfDeleted, b.alphaIfDeleted, "\(a.name) alpha_if_deleted")
            }
            // psych::alpha, as in ReliabilityTests
            assertRelative(fromParts.alpha, reverseQ3 ? 0.66508806912595542 : 0.049454297407912629)
        }
    }

    func testSingleRowSummaryReportsTheRowAsMeans() throws {
        let row = parts(items)[0]
        let result = try Reliability.cronbachAlpha(CoMoments(columns: row), names: itemNames)
        XCTAssertEqual(result.n, 1)
        XCTAssertNil(result.alpha)
        XCTAssertEqual(result.items.map(\.mean), row.map { $0[0] })
        XCTAssertEqual(result.items.map(\.mean), [1, 3, 3, 3, 3])
        XCTAssertEqual(result.warnings.map(\.kind), [.tooFewCases])
    }

    func testMergedPartsGiveTheOnePassCorrelations() throws {
        let pieces = parts(correlationColumns)
        let listwise = try Correlation.pearson(
            pieces.map { CoMoments(columns: $0) }.reduce(CoMoments(variableCount: 4), +), names: correlationNames)
        let pairwise = try Correlation.pearson(
            pieces.map { PairwiseCoMoments(columns: $0) }.reduce(PairwiseCoMoments(variableCount: 4), +),
            names: correlationNames)
        for (fromParts, deletion) in [(listwise, CorrelationResult.Deletion.listwise), (pairwise, .pairwise)] {
            let onePass = try Correlation.pearson(correlationColumns, names: correlationNames, deletion: deletion)
            XCTAssertEqual(fromParts.deletion, deletion)
            XCTAssertEqual(fromParts.variables, onePass.variables)
            XCTAssertEqual(fromParts.n, onePass.n)
            XCTAssertEqual(fromParts.pairs.count, 6)
            for (a, b) in zip(fromParts.pairs, onePass.pairs) {
                let label = "\(deletion) \(a.x)–\(a.y)"
                XCTAssertEqual([a.x, a.y], [b.x, b.y], label)
                XCTAssertEqual(a.n, b.n, label)
                XCTAssertEqual(a.df, b.df, label)
                assertSame(a.estimate, b.estimate, label)
                assertSame(a.statistic, b.statistic, label)
                assertSame(a.pValue, b.pValue, label)
            }
        }
        XCTAssertEqual(listwise.n, 58)
        XCTAssertEqual(pairwise.pairs.map(\.n), [58, 58, 58, 60, 60, 60])
        // R cor.test, as in CorrelationTests
        assertRelative(listwise.pairs[3].estimate, 0.36606166132942508)
        assertRelative(pairwise.pairs[3].estimate, 0.37351504695332227)
    }

    func testMergingWithAnEmptySummaryIsTheIdentity() {
        let summary = CoMoments(columns: items)
        let empty = CoMoments(variableCount: 5)
        XCTAssertEqual(CoMoments(columns: [[Double]](repeating: [], count: 5)), empty)
        XCTAssertEqual(summary + empty, summary)
        XCTAssertEqual(empty + summary, summary)
        XCTAssertEqual(empty + empty, empty)

        let allMissing = summary + CoMoments(columns: [[.nan, .nan], [1, .nan], [1, 2], [3, 4], [5, 6]])
        XCTAssertEqual(allMissing.excluded, summary.excluded + 2)
        XCTAssertEqual(allMissing.count, summary.count)
        XCTAssertEqual(allMissing.means, summary.means)
        XCTAssertEqual(allMissing.matrix, summary.matrix)

        let pairwise = PairwiseCoMoments(columns: correlationColumns)
        let emptyPairwise = PairwiseCoMoments(variableCount: 4)
        XCTAssertEqual(PairwiseCoMoments(columns: [[Double]](repeating: [], count: 4)), emptyPairwise)
        XCTAssertEqual(pairwise + emptyPairwise, pairwise)
        XCTAssertEqual(emptyPairwise + pairwise, pairwise)
    }

    func testJSONRoundTripIsExact() throws {
        let summary = parts(items).map { CoMoments(columns: $0) }.reduce(CoMoments(variableCount: 5), +)
        let data = try JSONEncoder().encode(summary)
        XCTAssertEqual(try JSONDecoder().decode(CoMoments.self, from: data), summary)
        let object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        XCTAssertEqual(Set(object.keys), ["n", "incomplete", "means", "co_moments"])
        XCTAssertEqual(object["n"] as? Int, 53)
        XCTAssertEqual((object["co_moments"] as? [Any])?.count, 25)

        let pairwise = PairwiseCoMoments(columns: correlationColumns)
        XCTAssertEqual(try JSONDecoder().decode(PairwiseCoMoments.self, from: JSONEncoder().encode(pairwise)), pairwise)

        let wrongSize = Data(#"{"n": 2, "incomplete": 0, "means": [1, 2], "co_moments": [1, 0, 0]}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(CoMoments.self, from: wrongSize)) {
            guard case DecodingError.dataCorrupted = $0 else { return XCTFail("\($0)") }
        }
        let wrongPairs = Data(#"{"variables": 3, "pairs": []}"#.utf8)
        XCTAssertThrowsError(try JSONDecoder().decode(PairwiseCoMoments.self, from: wrongPairs))
    }

    func testSummaryEntryPointsValidateLikeTheArrayOnes() {
        XCTAssertThrowsError(try Reliability.cronbachAlpha(CoMoments(variableCount: 1), names: ["a"])) {
            XCTAssertEqual($0 as? ReliabilityError, .tooFewItems(1))
        }
        XCTAssertThrowsError(try Reliability.cronbachAlpha(CoMoments(variableCount: 2), names: ["a"])) {
            XCTAssertEqual($0 as? ReliabilityError, .nameCount(names: 1, items: 2))
        }
        XCTAssertThrowsError(try Correlation.pearson(CoMoments(variableCount: 2), names: ["a", "b", "c"])) {
            XCTAssertEqual($0 as? CorrelationError, .nameCount(names: 3, variables: 2))
        }
        XCTAssertThrowsError(try Correlation.pearson(PairwiseCoMoments(variableCount: 1), names: ["a"])) {
            XCTAssertEqual($0 as? CorrelationError, .tooFewVariables(1))
        }
    }

    /// Both `nil`, or |a − b| ≤ 1e-12·|b| (absolute when b is 0).
    func assertSame(_ a: Double?, _ b: Double?, _ message: String, file: StaticString = #filePath, line: UInt = #line) {
        guard let b else { return XCTAssertNil(a, message, file: file, line: line) }
        assertRelative(a, b, 1e-12, message, file: file, line: line)
    }
}
