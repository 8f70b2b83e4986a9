/// SplitMix64, a 64-bit pseudo-random generator (Steele, Lea & Flood 2014, "Fast splittable
/// pseudorandom number generators", OOPSLA; constants of Vigna's reference `splitmix64.c`).
///
/// State advances by the golden-ratio increment 0x9E3779B97F4A7C15 and each output is the state
/// passed through a bijective mixer. Only integer arithmetic with wrapping, so a seed gives the
/// same stream on every platform and Swift version (unlike `SystemRandomNumberGenerator`).
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
