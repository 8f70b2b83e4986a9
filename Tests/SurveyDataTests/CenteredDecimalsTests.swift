import XCTest
@testable import SurveyData

final class CenteredDecimalsTests: XCTestCase {
    func testSubtractsTheIntegerOffsetExactly() throws {
        let values = try CenteredDecimals(["1000000000000.4", "1000000000000.3", "999999999999.5", "-2.25"])
        XCTAssertEqual(values.offset, 1_000_000_000_000)
        XCTAssertEqual(values.deviations[0], 0.4)
        XCTAssertEqual(values.deviations[1], 0.3)
        XCTAssertEqual(values.deviations[2], -1 + 0.5)
        XCTAssertEqual(values.deviations[3], -1_000_000_000_002.25)
    }

    func testRejectsNonDecimals() {
        XCTAssertThrowsError(try CenteredDecimals(["1", "1e5"])) { error in
            XCTAssertEqual(error as? DecimalFormatError, DecimalFormatError(index: 1, token: "1e5"))
        }
    }
}
