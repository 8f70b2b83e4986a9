import XCTest
@testable import GSL

/// Reference values from mpmath 1.3.0 in 40-digit arithmetic
/// (`gamma(x)/(sqrt(2*pi)*x**(x-0.5)*exp(-x))`, `log(erfc(x))`).
final class ElementaryFunctionsTests: XCTestCase {
    func testGammaStarToRelativePrecision() {
        for (x, expected) in [(0.5, 1.165821990798562101681768), (3, 1.028064517918789304509227),
                              (10, 1.008365359132400245905553), (30, 1.002781536243090427920144)] {
            XCTAssertEqual(Elementary.gammaStar(x), expected, accuracy: 4 * expected.ulp, "x=\(x)")
        }
    }

    /// Both sides of x = 26, where erfc(x) leaves the normal numbers (GSL's log erfc beyond).
    func testLogErfcKeepsRelativePrecisionWhereErfcUnderflows() {
        for (x, expected) in [(-2.0, 0.6908055736465876567632438), (5, -27.20088954553743442244204),
                              (30, -903.9741171106438780796002)] {
            XCTAssertEqual(Elementary.logErfc(x), expected, accuracy: 4 * expected.ulp, "x=\(x)")
        }
    }
}
