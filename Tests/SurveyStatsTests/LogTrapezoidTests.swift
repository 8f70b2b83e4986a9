import Foundation
import XCTest
@testable import SurveyStats

final class LogTrapezoidTests: XCTestCase {
    /// ∫ e^{c − x²/2} dx = e^c·√(2π) and the mean of x² under it is 1; the mean keeps its digits
    /// however far e^c underflows.
    func testGaussianIntegralAndMeanAtAnyScale() {
        for c in [0.0, -1000, -1e6] {
            let result = LogTrapezoid.integrate({ x in (c - x * x / 2, x * x) }, around: 0.3, step: 0.5)
            XCTAssertEqual(result.log, c + 0.5 * Foundation.log(2 * Double.pi), accuracy: 4 * Double.ulpOfOne * max(1, abs(c)))
            XCTAssertEqual(result.mean, 1, accuracy: 4 * Double.ulpOfOne, "c=\(c)")
        }
    }

    /// A step too coarse to start with is halved until the rule has converged.
    func testHalvesACoarseStep() {
        let result = LogTrapezoid.integrate({ x in (-x * x / 2, 0) }, around: 0, step: 4)
        XCTAssertEqual(result.log, 0.5 * Foundation.log(2 * Double.pi), accuracy: 1e-15)
    }
}
