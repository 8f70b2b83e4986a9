import XCTest
import SurveyStats
@testable import Reporting

final class FrequenciesTableTests: XCTestCase {
    func testLevelsMissingRowsTotalAndTopTwoBoxNote() throws {
        let result = try Frequencies.table(
            name: "q1", kind: .likert,
            levels: (1...5).map { Frequencies.Level(value: String($0), label: ["SD", "D", "N", "A", "SA"][$0 - 1]) },
            counts: [8, 9, 23, 13, 0], systemMissing: 2,
            userMissing: [.init(code: "98", label: "Don't know", count: 5)])
        let table = Table.frequencies(result, label: "I trust the brand")
        XCTAssertEqual(table.title, "Frequencies of q1: I trust the brand")
        XCTAssertEqual(table.rows.count, 5 + 2 + 1)
        XCTAssertEqual(table.rows[4].map(APA.display), ["5", "SA", "0", "0.0", "0.0", "100.0"])
        XCTAssertEqual(table.rows[5].map(APA.display), ["98", "Missing: Don't know", "5", "8.3", "", ""])
        XCTAssertEqual(table.rows[6].map(APA.display), ["", "Missing: System missing", "2", "3.3", "", ""])
        XCTAssertEqual(table.rows[7].map(APA.display), ["", "Total", "60", "100.0", "", ""])
        XCTAssertEqual(table.notes.last, "Top-2-box (A or SA): 24.5% of valid answers.")
    }
}
