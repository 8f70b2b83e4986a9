import Foundation
import XCTest
@testable import SurveyStats

/// Φ₂ against `Fixtures/polychoric/bivariate_normal.txt` (mpmath 1.3.0 quadrature of Plackett's
/// identity at 40 digits, `bivariate_normal.py`), in every branch of Genz's algorithm (|ρ| < 0.3,
/// < 0.75, < 0.925, ≥ 0.925 of both signs) and far in the lower tail: absolute error ≤ 1e-15 and
/// relative error ≤ 1e-12.
final class BivariateNormalTests: XCTestCase {
    func testAgreesWithHighPrecisionQuadrature() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("polychoric/bivariate_normal.txt")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }
        XCTAssertEqual(lines.count, 18)
        for line in lines {
            let v = try line.split(separator: " ").map { try XCTUnwrap(Double($0), String(line)) }
            let actual = BivariateNormal.cdf(v[0], v[1], correlation: v[2])
            XCTAssertLessThanOrEqual(abs(actual - v[3]), Swift.max(1e-15, 1e-12 * v[3]), "\(line): \(actual)")
        }
    }

    func testLimitsAndSymmetry() {
        XCTAssertEqual(BivariateNormal.cdf(-.infinity, 0.3, correlation: 0.5), 0)
        XCTAssertEqual(BivariateNormal.cdf(.infinity, 0.3, correlation: 0.5), 0.6179114221889526, accuracy: 1e-15)
        XCTAssertEqual(BivariateNormal.cdf(0.4, -1.1, correlation: 0.8), BivariateNormal.cdf(-1.1, 0.4, correlation: 0.8), accuracy: 1e-16)
        XCTAssertEqual(BivariateNormal.density(.infinity, 0, correlation: 0.2), 0)
    }
}
