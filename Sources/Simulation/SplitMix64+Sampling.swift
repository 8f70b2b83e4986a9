import Foundation

/// Deterministic draws built on the raw 64-bit stream, written out here rather than taken from
/// the standard library so that their algorithms cannot change under us.
extension SplitMix64 {
    /// A uniform deviate in the open interval (0, 1): the top 53 bits as (k + ½)·2⁻⁵³.
    public mutating func nextUnitInterval() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A standard normal deviate by Marsaglia's polar method (Marsaglia & Bray 1964): draw
    /// (u, v) uniform in the unit disc, s = u² + v², and return u·√(−2 ln s / s). Only `log` and
    /// `sqrt` are used; the second deviate of each pair is discarded to keep the generator stateless.
    public mutating func nextNormal() -> Double {
        while true {
            let u = 2 * nextUnitInterval() - 1
            let v = 2 * nextUnitInterval() - 1
            let s = u * u + v * v
            if s > 0, s < 1 { return u * (-2 * log(s) / s).squareRoot() }
        }
    }

    /// An integer uniform in `0..<bound` (bound > 0), by Lemire's multiply-shift with rejection.
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let limit = UInt64(bound)
        let threshold = (0 &- limit) % limit
        while true {
            let product = next().multipliedFullWidth(by: limit)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// True with probability `probability`.
    public mutating func nextBernoulli(_ probability: Double) -> Bool {
        nextUnitInterval() < probability
    }

    /// Fisher–Yates shuffle of `elements` in place.
    public mutating func shuffle<Element>(_ elements: inout [Element]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(i, nextIndex(below: i + 1))
        }
    }
}
