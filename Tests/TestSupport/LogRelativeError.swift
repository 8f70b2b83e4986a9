import Foundation

/// The number of correct significant digits of `x` against a certified value `c`, as NIST StRD and
/// `../shared/nist/lre.py` define it: LRE = −log10(|x − c|/|c|), or −log10(|x − c|) when c = 0,
/// capped at 15 and floored at 0; a missing or non-finite result scores 0.
public func logRelativeError(_ x: Double?, certified c: Double) -> Double {
    guard let x, x.isFinite else { return 0 }
    if x == c { return 15 }
    let error = c == 0 ? abs(x) : abs(x - c) / abs(c)
    return min(15, max(0, -log10(error)))
}
