import Foundation
import TestSupport
import XCTest
@testable import SurveyStats

/// The fast paths of the engine against plain oracles on random inputs (fixed seeds, so a failure
/// reproduces): ``RadixSort`` against the standard library's sort, ``PackedKeyTable`` against a
/// dictionary, ``TriangleReduction`` against the cross-products it never forms, and the tallied
/// regression (``RowTally`` → reduced QR) against the plain design-matrix path (`LeastSquares` on
/// every case). Shapes are drawn at random too: ties, missing values, many levels, empty inputs.
final class FastPathPropertyTests: XCTestCase {
    /// A seeded generator (Knuth's MMIX LCG, top bits).
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state
        }
        mutating func below(_ bound: Int) -> Int { Int((next() >> 33) % UInt64(bound)) }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }
    }

    /// Keys of `width` words whose varying bits lie in a random mask, with many repeats.
    func randomKeys(_ random: inout Random, count: Int, width: Int) -> [UInt64] {
        let masks = (0..<width).map { _ in random.below(3) == 0 ? 0 : random.next() & random.next() }
        let distinct = max(1, random.below(2) == 0 ? count / 8 : count)
        let pool = (0..<distinct).map { _ in (0..<width).map { random.next() & masks[$0] } }
        return (0..<count).flatMap { _ in pool[random.below(pool.count)] }
    }

    func testRadixSortOrdersLikeALexicographicSort() {
        var random = Random(state: 1)
        for trial in 0..<40 {
            let width = 1 + random.below(3)
            let count = trial < 4 ? trial : trial % 13 == 0 ? 17_000 + random.below(3_000) : random.below(2_000)  // 0–3 keys, small, > 2¹⁴ (split path)
            var keys = randomKeys(&random, count: count, width: width)
            let expected = stride(from: 0, to: keys.count, by: width).map { Array(keys[$0..<$0 + width]) }
                .sorted { $0.lexicographicallyPrecedes($1) }.flatMap { $0 }
            RadixSort.sort(&keys, width: width)
            XCTAssertEqual(keys, expected, "trial \(trial): \(count) keys of width \(width)")
        }
    }

    func testPackedKeyTableNumbersKeysInOrderOfFirstAppearance() {
        var random = Random(state: 2)
        for trial in 0..<40 {
            let width = 1 + random.below(4)
            let keys = randomKeys(&random, count: random.below(5_000), width: width)
            var table = PackedKeyTable(width: width)
            var oracle: [[UInt64]: Int] = [:]
            keys.withUnsafeBufferPointer { words in
                for start in stride(from: 0, to: keys.count, by: width) {
                    let key = Array(words[start..<start + width])
                    let expected = oracle[key] ?? oracle.count
                    oracle[key] = expected
                    XCTAssertEqual(table.number(of: words.baseAddress! + start), expected, "trial \(trial)")
                }
            }
            XCTAssertEqual(table.count, oracle.count)
        }
    }

    /// RᵀR = Σ wᵢ·xᵢxᵢᵀ per group, for rows fed in any order and for two reductions absorbed into one.
    func testTriangleReductionKeepsTheWeightedCrossProducts() {
        var random = Random(state: 3)
        for trial in 0..<30 {
            let width = 1 + random.below(6), groups = 1 + random.below(3)
            let whole = TriangleReduction(width: width, groups: groups)
            let first = TriangleReduction(width: width, groups: groups), second = TriangleReduction(width: width, groups: groups)
            var oracle = [[Double]](repeating: [Double](repeating: 0, count: width * width), count: groups)
            let rows = random.below(300)
            for index in 0..<rows {
                // Small integers (ties, exact zeros that the rotation skips) and a count as the weight.
                let row = (0..<width).map { _ in Double(random.below(7)) - 3 }
                let weight = Double(1 + random.below(5)), group = random.below(groups)
                for i in 0..<width { for k in 0..<width { oracle[group][i * width + k] += weight * row[i] * row[k] } }
                for reduction in [whole, index % 3 == 0 ? first : second] {
                    var copy = row
                    copy.withUnsafeMutableBufferPointer { reduction.append($0.baseAddress!, weight: weight, group: group) }
                }
            }
            first.absorb(second)
            for g in 0..<groups {
                for reduction in [whole, first] {
                    let r = reduction.triangle(group: g)
                    for i in 0..<width {
                        for k in 0..<width {
                            let product = (0..<width).reduce(0.0) { $0 + r[$1 * width + i] * r[$1 * width + k] }
                            let expected = oracle[g][i * width + k]
                            XCTAssertEqual(product, expected, accuracy: 1e-11 * max(1, abs(oracle[g][i * width + i]), abs(oracle[g][k * width + k])),
                                           "trial \(trial) group \(g) (\(i), \(k))")
                        }
                    }
                }
            }
        }
    }

    /// The tallied fit equals the plain fit on every case (unreduced QR of the design matrix) to
    /// 1e-9 relative in every number, on random models: 1–3 numeric predictors with few distinct
    /// values (ties), 0–2 factors of 2–12 levels, missing values, with and without intercept and HC3.
    func testTalliedRegressionEqualsThePlainDesignMatrixFit() throws {
        var random = Random(state: 4)
        var fitted = 0
        for trial in 0..<25 {
            let n = 60 + random.below(1_500)
            let numerics = 1 + random.below(3), factors = random.below(3)
            let distinct = 2 + random.below(12)
            let missing = random.below(2) == 0 ? 0.0 : 0.05
            var terms: [LinearModel.Term] = []
            var signal = [Double](repeating: 0, count: n)
            for j in 0..<numerics {
                let values = (0..<n).map { _ in random.uniform() < missing ? Double.nan : Double(random.below(distinct)) / 2 }
                for i in 0..<n { signal[i] += Double(j + 1) * 0.3 * (values[i].isNaN ? 0 : values[i]) }
                terms.append(.numeric(name: "x\(j)", values: values))
            }
            for j in 0..<factors {
                let levels = 2 + random.below(11)
                let codes = (0..<n).map { _ in random.uniform() < missing ? -1 : random.below(levels) }
                for i in 0..<n where codes[i] >= 0 { signal[i] += 0.2 * Double(codes[i] % 3) }
                terms.append(.categorical(name: "f\(j)", codes: codes, levels: (0..<levels).map { "L\($0)" }, reference: random.below(levels)))
            }
            let response = signal.map { (($0 + 2 * random.uniform()) * 4).rounded() / 4 }
            let model = LinearModel(responseName: "y", response: response, terms: terms, intercept: random.below(4) != 0,
                                    hc3: random.below(2) == 0)
            let plain: RegressionResult
            do {
                plain = try Regression.fit(model)
            } catch {
                // A random factor can leave a level empty or collinear: then the tallied path must refuse it too.
                XCTAssertThrowsError(try Regression.fit(model, tally: RowTally(model)), "trial \(trial): plain path threw \(error)")
                continue
            }
            try assertSameNumbers(try Regression.fit(model, tally: RowTally(model)), plain, relative: 1e-9)
            fitted += 1
        }
        XCTAssertGreaterThan(fitted, 15, "most random models are fittable")
    }
}

extension FastPathPropertyTests {
    /// α from the item columns in O(n·k) (never forming the k × k matrix) equals α from the items'
    /// co-moment matrix, the mergeable summary a study uses: every number of the result to 1e-10,
    /// on random items driven by a common trait (ties, missing answers, a constant item at times).
    func testReliabilityFromColumnsEqualsTheCoMomentPath() throws {
        var random = Random(state: 5)
        for trial in 0..<30 {
            let k = 2 + random.below(12), n = 3 + random.below(400)
            let missing = random.below(2) == 0 ? 0.0 : 0.03
            let traits = (0..<n).map { _ in Double(random.below(5)) }
            var columns = (0..<k).map { _ in
                traits.map { t in random.uniform() < missing ? Double.nan : min(7, max(1, t + Double(random.below(4)))) }
            }
            if trial % 7 == 3 { columns[0] = columns[0].map { $0.isNaN ? $0 : 4 } }  // a constant item
            let names = (0..<k).map { "item\($0)" }
            let direct = try Reliability.cronbachAlpha(columns, names: names)
            let viaMatrix = try Reliability.cronbachAlpha(CoMoments(columns: columns), names: names)
            try assertSameNumbers(direct, viaMatrix, relative: 1e-10)
        }
    }
}
