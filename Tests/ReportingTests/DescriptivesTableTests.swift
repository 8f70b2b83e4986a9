import XCTest
import SurveyStats
@testable import Reporting

final class DescriptivesTableTests: XCTestCase {
    func testTwoDecimalsAndDashForUndefined() {
        let one = DescriptivesResult(name: "trust", n: 1, missing: 2, mean: 3.456, sd: nil, median: 3.456,
                                     min: 3.456, max: 3.456, skewness: nil, kurtosis: nil, seSkewness: nil, seKurtosis: nil)
        let table = Table.descriptives([one])
        XCTAssertEqual(table.columns.map(\.key), ["name", "n", "missing", "mean", "sd", "median", "min", "max",
                                                  "skewness", "se_skewness", "kurtosis", "se_kurtosis"])
        XCTAssertEqual(table.rows[0].map(APA.display),
                       ["trust", "1", "2", "3.46", "—", "3.46", "3.46", "3.46", "—", "—", "—", "—"])
        XCTAssertEqual(table.rows[0].map(APA.raw)[3], "3.456")
        XCTAssertFalse(table.rows.flatMap { $0.map(APA.display) }.contains { $0.contains("nan") })
    }
}
