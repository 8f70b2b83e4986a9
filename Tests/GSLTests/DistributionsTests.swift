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

    /// GSL really fails here (Cholesky of a matrix that is not positive definite reports GSL_EDOM
    /// through its error handler, which would abort the process by default) and the caller sees a
    /// typed `GSLError`, not an abort.
    func testAFailingGSLRoutineThrowsATypedError() {
        let indefinite = Matrix(rows: 2, columns: 2, elements: [1, 2, 2, 1])  // eigenvalues 3 and −1
        XCTAssertThrowsError(try indefinite.logDeterminantSPD()) { error in
            guard let error = error as? GSLError else { return XCTFail("\(error) is not a GSLError") }
            XCTAssertEqual(error.code, 1)  // GSL_EDOM
            XCTAssertEqual(error.function, "gsl_linalg_cholesky_decomp1")
            XCTAssertEqual(error.description, "GSL gsl_linalg_cholesky_decomp1 failed: input domain error (status 1)")
        }
        XCTAssertEqual(try Matrix(rows: 2, columns: 2, elements: [4, 2, 2, 3]).logDeterminantSPD(), log(8), accuracy: 1e-15)
    }
}
