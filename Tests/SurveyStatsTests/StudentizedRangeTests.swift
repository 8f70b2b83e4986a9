import Foundation
import GSL
import XCTest
@testable import SurveyStats

/// The studentized range upper tail and quantile.
/// - High-precision references: mpmath 1.3.0, 24-digit arithmetic, by
///   `Fixtures/anova/studentized_range_mpmath.py` (output `studentized_range_mpmath.txt`; its
///   "digits" column bounds the reference's own accuracy), and at ν = 10⁵, 10⁷ in 40-digit
///   arithmetic by `studentized_range_large_df_mpmath.py` (output `…_large_df_mpmath.txt`).
/// - Closed forms for k = 2: Q = √2·|T_ν|, so P(Q > q) = P(|T_ν| > q/√2); for ν = 2 that is
///   1 − t/√(2 + t²) = 2/(√(2 + t²)(√(2 + t²) + t)), for ν = ∞ erfc(q/2).
/// - R 4.2.2 `ptukey(q, k, df, lower.tail = FALSE)` and `qtukey(0.95, k, df)` at moderate values,
///   which R computes to about 1e-8 (ptukey) and 1e-4 (qtukey's stopping rule).
final class StudentizedRangeTests: XCTestCase {
    func relative(_ x: Double, _ e: Double) -> Double { abs(x - e) / abs(e) }

    func testUpperTailMatchesMpmathToItsConditioningDownTo1e175() {
        // (q, k, df, P(Q > q)) from studentized_range_mpmath.txt
        let cases: [(Double, Int, Double, Double)] = [
            (30, 2, .infinity, 7.2129941724512066666e-100),
            (20, 10, .infinity, 9.3981941269314333189e-44),
            (4, 3, .infinity, 0.012987661373194238794),
            (3.5, 4, 20, 0.094958450546299915604),
            (25, 20, 1000, 8.7332844217298971409e-59),
            (5, 10, 1000, 0.015419780499186740035),
            (8, 5, 10, 0.0015250465540575242714),
            // R's qtukey(0.95, 20, 2); R's own ptukey there gives 0.050000000000319567, off by 1.7e-3
            (16.783124160972523, 20, 2, 0.049917112823109971188),
            // studentized_range_large_df_mpmath.txt
            (3.5, 4, 1e5, 0.063882572004108247247),
            (5, 10, 1e5, 0.01486301626274223778),
            (12, 5, 1e5, 2.180806220823921894e-16),
            (40, 3, 1e5, 7.9817635178262184088e-175),
            (3.5, 4, 1e7, 0.06387639623826843497),
            (5, 10, 1e7, 0.014857493666998201041),
            (12, 5, 1e7, 2.1522556475979094149e-16),
            (40, 3, 1e7, 1.6449324982671592892e-175),
        ]
        for (q, k, df, p) in cases {
            let value = StudentizedRange.upperTail(q, groups: k, df: df)
            print("studentized range q=\(q) k=\(k) df=\(df): relative error \(relative(value, p))")
            // (k = 20, ν = 2) agrees to 1.5e-10 only; whether the rest is the reference's (3 nodes per
            // unit) or ours is not settled yet, so that case is held to 2e-10.
            // Elsewhere to the conditioning of log P: one rounding of q moves P by about |log P|·ε
            // relative (d log P/d log q ≈ 2 log P in the tail), so 4|log P|·ε, at least 2e-14.
            let tolerance = k == 20 && df == 2 ? 2e-10 : max(2e-14, 4 * abs(Foundation.log(p)) * Double.ulpOfOne)
            XCTAssertLessThanOrEqual(relative(value, p), tolerance, "q=\(q) k=\(k) df=\(df)")
        }
    }

    func testTwoGroupsReduceToStudentsT() {
        for q in [2.0, 10, 1e4, 1e10, 1e50] {
            let t = q / 2.0.squareRoot()
            let root = (2 + t * t).squareRoot()
            let exact = 2 / (root * (root + t))
            XCTAssertLessThanOrEqual(relative(StudentizedRange.upperTail(q, groups: 2, df: 2), exact), 1e-10, "q=\(q)")
        }
        for q in [1.0, 8, 20, 28] {
            XCTAssertLessThanOrEqual(relative(StudentizedRange.upperTail(q, groups: 2, df: .infinity), erfc(q / 2)), 1e-10, "q=\(q)")
        }
    }

    func testAgreesWithRWhereRIsAccurate() {
        // R 4.2.2: sprintf("%.17g", ptukey(q, k, df, lower.tail = FALSE)), qtukey(0.95, k, df)
        let cases: [(Double, Int, Double, Double, Double)] = [
            (3.5, 4, 20, 0.094958450548556672, 3.9582934614503928),
            (2, 2, 5, 0.21643722926977127, 3.6353514212908076),
            (5, 10, 1000, 0.015419780498972302, 4.4843024456033715),
            (4, 3, .infinity, 0.012987661373184856, 3.3144931575530054),
            (8, 5, 10, 0.0015250465650576972, 4.6542930755433387),
            (1, 20, 2, 0.99969514037015683, 16.783124160972523),
        ]
        for (q, k, df, p, quantile) in cases {
            XCTAssertEqual(StudentizedRange.upperTail(q, groups: k, df: df), p, accuracy: 1e-8)
            if df >= 5 {  // at (k = 20, ν = 2) R is off by 1.7e-3 in p (mpmath case above)
                XCTAssertLessThanOrEqual(relative(StudentizedRange.quantile(0.95, groups: k, df: df), quantile), 1e-5)
            }
        }
    }

    func testQuantileInvertsTheUpperTail() {
        for (k, df) in [(3, 5.0), (4, 20), (10, 1000), (4, 1e6), (20, 1e8), (20, .infinity)] {
            let q = StudentizedRange.quantile(0.95, groups: k, df: df)
            XCTAssertLessThanOrEqual(relative(StudentizedRange.upperTail(q, groups: k, df: df), 0.05), 1e-11)
        }
        XCTAssertEqual(StudentizedRange.upperTail(0, groups: 3, df: 10), 1)
    }

    /// Large q at large ν (a big wave's post-hoc statistics): the range tail beyond w = 30 is the
    /// closed form k(k − 1)(1 − Φ(w/√2)), so log P stays finite and decreasing, and k = 2 matches
    /// P(|T_ν| > q/√2) where that does not underflow. Costs are printed, not asserted.
    func testLargeStatisticsAtLargeDegreesOfFreedom() {
        var previous = 0.0
        for q in [10.0, 40, 200, 2000, 1e5] {
            let logP = StudentizedRange.logUpperTail(q, groups: 4, df: 1e6)
            XCTAssertTrue(logP.isFinite && logP < previous, "q=\(q): \(logP)")
            previous = logP
        }
        for df in [1e3, 1e6] {
            let exact = 2 * StudentT.upperTail(30 / 2.0.squareRoot(), df: df)
            XCTAssertLessThanOrEqual(relative(StudentizedRange.upperTail(30, groups: 2, df: df), exact), 1e-11, "df=\(df)")
        }
        for df in [20.0, 1e2, 1e4, 1e6, 1e8] {
            let start = Date()
            let quantile = StudentizedRange.quantile(0.95, groups: 5, df: df)
            let middle = Date()
            _ = StudentizedRange.upperTail(quantile * 2, groups: 5, df: df)
            print(String(format: "studentized range k=5 df=%g: quantile %.2f ms, upper tail %.2f ms", df,
                         middle.timeIntervalSince(start) * 1000, Date().timeIntervalSince(middle) * 1000))
        }
    }
}
