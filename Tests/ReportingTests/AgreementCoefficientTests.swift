import XCTest
@testable import Reporting

/// Agreement statistics (κ, PABAK, α, precision, recall, F1) are shown to three decimals, and a value
/// short of ±1 never as ±1.000 (issue 17 point 3).
final class AgreementCoefficientTests: XCTestCase {
    func testThreeDecimalsAndOnlyPerfectAgreementReadsOne() {
        let shown = [0.5, 0.12345, 0.9994, 0.9996, 0.99999, 1, -0.9997, 0, nil].map { APA.display(Table.coefficient($0)) }
        XCTAssertEqual(shown, [".500", ".123", ".999", ".9996", ".99999", "1.000", "−.9997", ".000", "—"])
    }
}
