import ComputeSupport
import Foundation
import GSL

/// D_k(w) = log P(R > w) − log[k(k − 1)(1 − Φ(w/√2))] (``NormalRange``) on 0 ≤ w < 30 as Chebyshev
/// interpolants on pieces of width 2, so that a node of the studentized range's outer integral costs
/// a polynomial instead of an inner integral.
///
/// Piece i covers [2i, 2i + 2]; with x = w − 2i − 1 ∈ [−1, 1], D_k ≈ Σₗ cₗTₗ(x), the interpolant on the
/// n + 1 Chebyshev points xⱼ = cos(πj/n), j = 0…n, both ends included (so that adjacent pieces meet):
/// cₗ = (2/n) Σ″ⱼ D_k(wⱼ)·cos(πlj/n), the end terms of the sum and c₀, c_n halved, summed by
/// Clenshaw's recurrence (Trefethen 2013, *Approximation Theory and Approximation Practice*, ch. 3–4).
/// D_k is analytic and its coefficients fall geometrically, down to the rounding of the integral
/// (about an ulp of max(1, |D_k|)): n = 16 first, doubled (the old points are every other new one)
/// while any of the last three coefficients exceeds 4 ulps of max(1, |D_k|), up to 64; trailing
/// coefficients whose magnitudes add up to less than an ulp are then dropped. For k ≤ 20 that keeps
/// up to 27 coefficients below w = 8 (n = 32) and 16 or fewer above (n = 16). The interpolant agrees
/// with the integral to 1.1e-15 absolute for k ≤ 20 and 5e-15 at k = 100 (`RangeTailTableTests`),
/// i.e. P(R > w) to that relative precision; at k = 1000 both are down to the integral's own rounding
/// (5e-14), and n stops at 64.
///
/// Pieces are built on first use (17 or 33 integrals, 0.1–0.6 ms for k ≤ 20) and shared by all
/// threads: a store holds them under a lock, and each caller works on a snapshot, taking the lock
/// only to fetch or publish a missing piece (two threads may build the same piece; they build
/// identical ones).
struct RangeTailTable {
    static let pieces = 15, width = 2.0

    let groups: Int
    /// Snapshot of the shared store: each piece's Chebyshev coefficients, empty until it is built.
    private var coefficients: [[Double]]

    init(groups k: Int) {
        groups = k
        coefficients = Store.shared.snapshot(groups: k)
    }

    /// D_k(w) for w ≥ 0 (0 for k = 2 and for w ≥ 30).
    mutating func logRatio(_ w: Double) -> Double {
        guard groups > 2, w < Double(Self.pieces) * Self.width else { return 0 }
        let i = Int(w / Self.width)
        if coefficients[i].isEmpty { coefficients = Store.shared.building(i, groups: groups) }
        return coefficients[i].withUnsafeBufferPointer { c in
            // Clenshaw: b_l = c_l + 2x·b_{l+1} − b_{l+2}, D = c₀ + x·b₁ − b₂.
            let x = 2 * (w / Self.width - Double(i)) - 1
            var b1 = 0.0, b2 = 0.0
            for l in stride(from: c.count - 1, through: 1, by: -1) { (b1, b2) = (c[l] + 2 * x * b1 - b2, b1) }
            return c[0] + x * b1 - b2
        }
    }

    /// The Chebyshev coefficients of piece i of D_k, to the rounding of the integral.
    static func coefficients(ofPiece i: Int, groups k: Int) -> [Double] {
        /// D_k at the point x = cos(πj/n) of the piece, w = centre + x·width/2 (one rounding).
        func value(_ j: Int, of n: Int) -> Double {
            NormalRange.logBonferroniRatio(width * (Double(i) + 0.5) + width / 2 * chebyshevPoint(j, of: n), groups: k)
        }
        var n = 16
        var values = (0...n).map { value($0, of: n) }
        while true {
            let c = (0...n).map { l in
                var sum = CompensatedSum()
                for j in 0...n {
                    let m = l * j % (2 * n)   // cos(πlj/n) = cos(πm/n) = cos(π(2n − m)/n)
                    sum.add((j == 0 || j == n ? 0.5 : 1) * values[j] * chebyshevPoint(min(m, 2 * n - m), of: n))
                }
                return (l == 0 || l == n ? 1 : 2) * sum.value / Double(n)
            }
            let ulp = max(1, values.map(abs).max()!).ulp
            if n < 64 && c.suffix(3).contains(where: { abs($0) > 4 * ulp }) {
                let previous = values
                n *= 2
                values = (0...n).map { $0 % 2 == 0 ? previous[$0 / 2] : value($0, of: n) }
                continue
            }
            var kept = c.count, dropped = 0.0
            while kept > 1 && dropped + abs(c[kept - 1]) < ulp {
                dropped += abs(c[kept - 1])
                kept -= 1
            }
            return Array(c[..<kept])
        }
    }

    /// cos(πj/n) for 0 ≤ j ≤ n, as sin(π(n − 2j)/2n): the argument is rounded where the sine is flat,
    /// so the points near ±1 and every cosine of the transform are good to an ulp (cos(πj/n) itself
    /// would carry the rounding of πj/n, up to 1e-15, into the coefficients).
    static func chebyshevPoint(_ j: Int, of n: Int) -> Double {
        Elementary.sin(Double.pi * Double(n - 2 * j) / Double(2 * n))
    }

    /// The pieces built so far, for every k.
    private final class Store: @unchecked Sendable {
        static let shared = Store()
        private let lock = NSLock()
        private var tables: [Int: [[Double]]] = [:]

        func snapshot(groups k: Int) -> [[Double]] {
            lock.lock()
            defer { lock.unlock() }
            return tables[k] ?? [[Double]](repeating: [], count: RangeTailTable.pieces)
        }

        /// Builds piece i (outside the lock) unless it is there already, publishes it, and returns the new snapshot.
        func building(_ i: Int, groups k: Int) -> [[Double]] {
            var table = snapshot(groups: k)
            guard table[i].isEmpty else { return table }
            let c = RangeTailTable.coefficients(ofPiece: i, groups: k)
            lock.lock()
            defer { lock.unlock() }
            table = tables[k] ?? table
            table[i] = c
            tables[k] = table
            return table
        }
    }
}
