import Foundation
import XCTest

/// Asserts that two results encode to the same JSON tree — same keys, same strings, same nulls —
/// with every number equal to `relative` (|a − b| ≤ relative·max(|a|, |b|)). Used by the tests that
/// compare a statistic computed from merged per-chunk summaries with the one-pass result. A number
/// under a key of `looser` is compared to that key's tolerance instead (e.g.
/// ``iterativeFitTolerances``); it holds for everything below that key.
public func assertSameNumbers<T: Encodable>(_ actual: T, _ expected: T, relative: Double, looser: [String: Double] = [:],
                                     file: StaticString = #filePath, line: UInt = #line) throws {
    let encoder = JSONEncoder()
    let a = try JSONSerialization.jsonObject(with: encoder.encode(actual))
    let b = try JSONSerialization.jsonObject(with: encoder.encode(expected))
    var compared = 0
    func walk(_ x: Any, _ y: Any, _ path: String, tolerance relative: Double) {
        switch (x, y) {
        case let (x as [String: Any], y as [String: Any]):
            XCTAssertEqual(Set(x.keys), Set(y.keys), path, file: file, line: line)
            for (key, value) in x { if let other = y[key] { walk(value, other, path + "." + key, tolerance: looser[key] ?? relative) } }
        case let (x as [Any], y as [Any]):
            XCTAssertEqual(x.count, y.count, path, file: file, line: line)
            for (i, (u, v)) in zip(x, y).enumerated() { walk(u, v, "\(path)[\(i)]", tolerance: relative) }
        case let (x as String, y as String):
            XCTAssertEqual(x, y, path, file: file, line: line)
        case let (x as NSNumber, y as NSNumber):
            let u = x.doubleValue, v = y.doubleValue
            compared += 1
            XCTAssertLessThanOrEqual(abs(u - v), relative * max(abs(u), abs(v)), "\(path): \(u) vs \(v)", file: file, line: line)
        case (is NSNull, is NSNull):
            break
        default:
            XCTFail("\(path): \(x) vs \(y)", file: file, line: line)
        }
    }
    walk(a, b, "$", tolerance: relative)
    XCTAssertGreaterThan(compared, 0, "no numbers compared", file: file, line: line)
}

/// Results of iterative fits, under their key in a wave's results. A CFA's estimates come from an
/// ML minimiser whose optimum follows last-bit differences of the merged co-moments: ~2e-13
/// absolute on the bundled wave, 1.5e-12 relative on a factor covariance of 0.16, and more where a
/// number amplifies it by its conditioning (a Wald limit near 0, θ̂ − 1.96·SE, a cancellation: seen
/// 8e-12; a p-value far in the tail, relative change ≈ z·Δz: seen 3e-12 at p = 7e-18). No tighter
/// convergence removes that. The standardized SEs, which followed it to 2e-10 through a numerical
/// Jacobian, now have an analytic one (``ConfirmatoryFactorAnalysis``), so 1e-10 holds for all.
public let iterativeFitTolerances = ["cfa": 1e-10]
