import XCTest
import SurveyStats
@testable import Reporting

final class ReliabilityTableTests: XCTestCase {
    func testNoLeadingZeroFeldtNoteAndWarnings() {
        let result = ReliabilityResult(
            n: 53, k: 2, excludedCases: 7, alpha: 0.66508, standardizedAlpha: 0.64864, meanInterItemCorrelation: 0.27,
            confLow: 0.49783, confHigh: 0.78898, confLevel: 0.95,
            items: [.init(name: "q1", mean: 2.962, sd: 1.176, rDrop: 0.4557, alphaIfDeleted: nil),
                    .init(name: "q3", mean: 2.906, sd: 1.148, rDrop: -0.504, alphaIfDeleted: nil)],
            warnings: [.init(kind: .negativeItemRest, item: "q3", message: "q3 correlates negatively with the sum of the other items; it is probably not reverse-keyed.")])
        let table = Table.reliability(result, scale: "Trust")
        XCTAssertEqual(table.rows.map { $0.map(APA.display) },
                       [["q1", "2.96", "1.18", ".46", "—"], ["q3", "2.91", "1.15", "−.50", "—"]])
        XCTAssertEqual(table.notes, [
            "n = 53 (7 with a missing item excluded listwise), k = 2.",
            "Cronbach's α = .67, 95% CI [.50, .79] (Feldt); standardized α = .65.",
            "Item–total r is corrected (item vs. sum of the other items).",
            "Warning: q3 correlates negatively with the sum of the other items; it is probably not reverse-keyed.",
        ])
    }
}
