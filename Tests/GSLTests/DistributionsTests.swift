import XCTest
@testable import GSL

/// Reference values from scipy 1.17.1 (`scipy.stats.t.sf`, `t.ppf`, `f.sf`, `chi2.sf`, `norm.cdf`,
/// `norm.ppf`), printed with `repr`.
final class DistributionsTests: XCTestCase {
    func assertRelative(_ x: Double, _ expected: Double, _ tol: Double = 1e-12,
                        file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertLessThanOrEqual(abs(x - expected) / abs(expected), tol, "\(x) vs \(expected)", file: file, line: line)
    }

    func testStudentT() {
        // t.sf(2.5, 10)
        assertRelative(StudentT.upperTail(2.5, df: 10), 0.01572342211830441, 1e-10)
        // t.ppf(0.975, 196)
        assertRelative(StudentT.quantile(0.975, df: 196), 1.9721412216620415, 1e-10)
    }

    func testFisherFUpperTailKeepsDigitsFarInTheTail() {
        // f.sf(4.67, 3, 196)
        assertRelative(FisherF.upperTail(4.67, df1: 3, df2: 196), 0.0035592634514093903, 1e-9)
        // f.sf(200, 3, 196)
        assertRelative(FisherF.upperTail(200, df1: 3, df2: 196), 2.1911520370142196e-59, 1e-8)
    }

    func testChiSquaredAndNormal() {
        // chi2.sf(11.3, 3)
        assertRelative(ChiSquared.upperTail(11.3, df: 3), 0.010209496433133654, 1e-10)
        // norm.cdf(-10)
        assertRelative(Normal.cdf(-10), 7.61985302416047e-24, 1e-10)
        // norm.ppf(0.975)
        assertRelative(Normal.quantile(0.975), 1.959963984540054, 1e-14)
    }

    func testGSLErrorIsTypedNotAnAbort() {
        let error = GSLError(code: 21, function: "gsl_linalg_LU_decomp")
        XCTAssertTrue(error.isSingular)
        XCTAssertTrue(error.description.contains("gsl_linalg_LU_decomp"))
    }
}
