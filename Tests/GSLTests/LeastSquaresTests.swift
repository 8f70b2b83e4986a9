import XCTest
@testable import GSL

/// Least squares by pivoted QR. Exact values from Python 3.11 `fractions` (rational arithmetic):
/// for X = [1, x], x = 0…4, (XᵀX)⁻¹ = [[3/5, −1/5], [−1/5, 1/10]].
final class LeastSquaresTests: XCTestCase {
    let x: [Double] = [0, 1, 2, 3, 4]

    func testExactFitHasExactCoefficientsAndZeroResiduals() throws {
        let design = Matrix(columns: [[Double](repeating: 1, count: 5), x])
        let fit = try LeastSquares.solve(design, x.map { 1 + 2 * $0 })
        XCTAssertEqual(fit.coefficients, [1, 2])
        XCTAssertEqual(fit.residualSumOfSquares, 0)
        XCTAssertEqual(fit.rank, 2)
        let v = fit.unscaledCovariance
        XCTAssertEqual(v[0, 0], 3.0 / 5, accuracy: 1e-15)
        XCTAssertEqual(v[0, 1], -1.0 / 5, accuracy: 1e-15)
        XCTAssertEqual(v[1, 1], 1.0 / 10, accuracy: 1e-15)
    }

    func testAnExactlyDependentColumnIsAliasedWithItsDependencies() throws {
        let design = Matrix(columns: [[Double](repeating: 1, count: 5), x, x.map { 3 * $0 - 1 }])
        let fit = try LeastSquares.solve(design, [1, 3, 2, 5, 4])
        XCTAssertEqual(fit.rank, 2)
        XCTAssertEqual(fit.aliasedColumns.count, 1)
        let aliased = fit.aliasedColumns[0]
        XCTAssertNil(fit.coefficients[aliased])
        XCTAssertEqual(fit.aliasedDependencies[aliased]?.count, 2)
    }

    func testRankToleranceIsMachineEpsilonTimesSize() {
        XCTAssertEqual(LeastSquares.rankTolerance(rows: 82, columns: 11), 82 * Double.ulpOfOne)
    }
}
