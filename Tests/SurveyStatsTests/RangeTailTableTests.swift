import Foundation
import GSL
import XCTest
@testable import SurveyStats

/// The range of k normals: the ratio integral D_k against the tail integral it is derived from, and
/// the tabulated D_k against the ratio integral.
final class RangeTailTableTests: XCTestCase {
    /// 0 < w < 30, well spread and reproducible (the golden-ratio sequence), with the piece boundaries
    /// and their neighbours.
    func points(_ count: Int) -> [Double] {
        let spread = (1...count).map { 30 * (Double($0) * 0.6180339887498949).truncatingRemainder(dividingBy: 1) }
        let edges = (1..<15).flatMap { [2 * Double($0), (2 * Double($0)).nextDown] }
        return spread + edges + [1e-300, 1e-8, 0.01, 30.0.nextDown]
    }

    /// log P(R > w) from P(R > w) = k ∫ φ(z)·A^m·(1 − (1 − u)^m) dz directly (the form before the
    /// Bonferroni factor is taken out), step ⅛; its rounding grows with |log P| (the integrand is of
    /// that size), about an ulp of it.
    func directLogTail(_ w: Double, groups k: Int) -> Double {
        let m = Double(k - 1)
        /// log(1 − Φ(z)) to relative precision in the upper tail and absolute precision below.
        func logUpperTail(_ z: Double) -> Double {
            z < 0 ? Foundation.log1p(-0.5 * erfc(-z / 2.0.squareRoot())) : Foundation.log(0.5 * erfc(z / 2.0.squareRoot()))
        }
        return Foundation.log(Double(k)) + LogTrapezoid.integrate({ z in
            let logA = logUpperTail(z)
            let logU = min(0, logUpperTail(z + w) - logA)
            let log1mu = logU > -0.6931471805599453 ? Foundation.log(-Foundation.expm1(logU)) : Foundation.log1p(-Foundation.exp(logU))
            let tail = Foundation.log(-Foundation.expm1(m * log1mu))
            return (-0.5 * z * z - 0.9189385332046728 + m * logA + tail, 0)
        }, around: min(-w / 2, Normal.quantile(1 / Double(k + 1))), step: 0.125).log
    }

    func testBonferroniRatioMatchesTheTailIntegral() {
        for k in [2, 3, 4, 6, 10, 20] {
            var worst = 0.0
            for w in points(100) where w > 0.01 {
                let direct = directLogTail(w, groups: k)
                let split = NormalRange.logBonferroniBound(w, groups: k) + NormalRange.logBonferroniRatio(w, groups: k)
                let error = abs(split - direct) / max(1, abs(direct))
                worst = max(worst, error)
                XCTAssertLessThanOrEqual(error, 8 * Double.ulpOfOne, "k=\(k) w=\(w): \(split) vs \(direct)")
            }
            print("range tail k=\(k): D_k + Bonferroni vs the tail integral, worst |Δ log P|/max(1, |log P|) \(worst)")
        }
    }

    /// D_k(0) = −log C(k, 2) (P(R > 0) = 1), D_k ≤ 0 (the Bonferroni bound), D₂ = 0, D_k(w ≥ 30) = 0.
    func testRatioLimits() {
        for k in [2, 3, 6, 20] {
            var table = RangeTailTable(groups: k)
            let pairs = Double(k * (k - 1) / 2)
            XCTAssertEqual(table.logRatio(0), -Foundation.log(pairs), accuracy: 4 * Double.ulpOfOne * max(1, Foundation.log(pairs)))
            XCTAssertEqual(NormalRange.logUpperTail(1e-300, table: &table), 0, accuracy: 4 * Double.ulpOfOne * max(1, Foundation.log(pairs)))
            XCTAssertEqual(table.logRatio(30), 0)
            for w in points(40) { XCTAssertLessThanOrEqual(table.logRatio(w), 1e-15, "k=\(k) w=\(w)") }
        }
        var two = RangeTailTable(groups: 2)
        XCTAssertEqual(two.logRatio(3), 0)
    }

    /// The interpolant against the integral it interpolates, at 400 points and both sides of every
    /// piece boundary: |ΔD_k| = |Δ log P(R > w)|, i.e. the relative error in P(R > w), ≤ 4e-15 for
    /// k ≤ 20 (a few ulps of |D_k| ≤ log C(k, 2) ≈ 5.2: both sides round, the interpolant's dropped
    /// coefficients add up to less than an ulp) and ≤ 1e-14 for k = 100, where the integral's own
    /// rounding grows with k.
    func testTableMatchesTheRatioIntegral() {
        for k in [3, 4, 5, 6, 10, 20, 100] {
            var table = RangeTailTable(groups: k)
            var worst = 0.0
            for w in points(400) {
                let error = abs(table.logRatio(w) - NormalRange.logBonferroniRatio(w, groups: k))
                worst = max(worst, error)
                XCTAssertLessThanOrEqual(error, k <= 20 ? 4e-15 : 1e-14, "k=\(k) w=\(w)")
            }
            print("range tail table k=\(k): worst |ΔD| \(worst)")
        }
    }

    /// Threads building one table at once (k = 13, used by no other test) see correct values.
    func testConcurrentBuildingGivesTheSameTable() {
        let ws = points(60)
        let expected = ws.map { NormalRange.logBonferroniRatio($0, groups: 13) }
        let results = UnsafeMutableBufferPointer<Double>.allocate(capacity: 8 * ws.count)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            var table = RangeTailTable(groups: 13)
            for step in ws.indices {
                let i = (step + 7 * thread) % ws.count   // each thread in its own order
                results[thread * ws.count + i] = table.logRatio(ws[i])
            }
        }
        for thread in 0..<8 {
            for i in ws.indices {
                XCTAssertEqual(results[thread * ws.count + i], expected[i], accuracy: 1e-14, "thread \(thread) w=\(ws[i])")
            }
        }
    }
}
