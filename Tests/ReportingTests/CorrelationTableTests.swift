import XCTest
import SurveyStats
@testable import Reporting

final class CorrelationTableTests: XCTestCase {
    func testLowerTriangleWithStarsAndNote() {
        let result = CorrelationResult(variables: ["a", "b", "c"], deletion: .pairwise, n: nil, pairs: [
            .init(x: "a", y: "b", estimate: 0.4075, statistic: 3.34, df: 56, pValue: 0.0015, n: 58),
            .init(x: "a", y: "c", estimate: -0.2894, statistic: -2.26, df: 56, pValue: 0.0276, n: 58),
            .init(x: "b", y: "c", estimate: 0.0877, statistic: 0.67, df: 58, pValue: 0.505, n: 60),
        ])
        let table = Table.correlations(result)
        XCTAssertEqual(table.columns.map(\.header), ["Variable", "1", "2"])
        XCTAssertEqual(table.rows.map { $0.map(APA.display) },
                       [["1. a", "—", ""], ["2. b", ".41**", "—"], ["3. c", "−.29*", ".09"]])
        XCTAssertEqual(table.notes, ["n = 58–60 (pairwise deletion).", "*p < .05. **p < .01 (two-sided)."])
    }
}
