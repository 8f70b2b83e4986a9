import XCTest
@testable import SurveyStats
import TestSupport

/// Property: the ``DesignSums`` of random parts of the fixture's rows (a PSU's rows scattered over
/// parts, parts merged in random order and tree shape) give the one-pass estimates to 1e-12.
final class DesignSumsMergeTests: XCTestCase {
    func testMergedRandomSplitsGiveOnePassEstimates() throws {
        var random = FastPathPropertyTests.Random(state: 19)
        let rows = DesignFixture.rows
        let values: (DesignFixture.Row) -> [Double] = { [$0.x1, $0.x2, $0.y] }
        for design in DesignFixture.Design.allCases {
            let whole = try DesignFixture.sums(design, values)
            let means = try DesignMeans.estimate(whole, names: ["x1", "x2", "y"])
            let fit = try DesignRegression.fit(whole, predictors: ["x1", "x2"])
            let correlation = try DesignCorrelation.estimate(whole, names: ["x1", "x2", "y"])
            for trial in 0..<50 {
                let partCount = 1 + random.below(8)
                var parts = [[Int]](repeating: [], count: partCount)
                for index in rows.indices { parts[random.below(partCount)].append(index) }
                var summaries = try parts.map { indices -> DesignSums in
                    var part = DesignFixture.empty(design, variableCount: 3)
                    for index in indices {
                        part = part + (try DesignFixture.sums(design, rows: rows[index...index], values))
                    }
                    return part
                }
                while summaries.count > 1 {  // merge a random pair until one is left
                    let a = summaries.remove(at: random.below(summaries.count))
                    let b = summaries.remove(at: random.below(summaries.count))
                    summaries.append(random.below(2) == 0 ? a + b : b + a)
                }
                let merged = summaries[0]
                XCTAssertEqual(merged.cells.keys.sorted(), whole.cells.keys.sorted(), "trial \(trial)")
                try assertSameNumbers(try DesignMeans.estimate(merged, names: ["x1", "x2", "y"]), means, relative: 1e-12)
                try assertSameNumbers(try DesignRegression.fit(merged, predictors: ["x1", "x2"]), fit, relative: 1e-12)
                try assertSameNumbers(try DesignCorrelation.estimate(merged, names: ["x1", "x2", "y"]), correlation, relative: 1e-12)
            }
        }
    }
}
