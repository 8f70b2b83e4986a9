import Foundation

/// Numbers in fixed notation, the characters of `String(format: "%.Nf", value)` without its cost
/// (Foundation's format parser and a C library call per number).
///
/// For up to three places the digits are worked out exactly in 64-bit integers: the double's exact
/// binary value times 10^places, rounded half to even as the C library rounds it. Anything else
/// (NaN, infinities, more places, magnitudes past 2^64 / 10^places) goes to `String(format:)` itself.
enum FixedDecimals {
    /// `value` with `places` decimals: "-0.50", "3", "-0.00" (the sign of a negative zero is kept).
    static func format(_ value: Double, places: Int) -> String {
        guard let scaled = roundedScaledMagnitude(value, places: places) else {
            return String(format: "%.\(places)f", value)
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { buffer in
            var start = buffer.count, rest = scaled, written = 0
            repeat {
                if written == places, places > 0 { start -= 1; buffer[start] = UInt8(ascii: ".") }
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                written += 1
            } while rest > 0 || written <= places
            if value.sign == .minus { start -= 1; buffer[start] = UInt8(ascii: "-") }
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start...]), as: UTF8.self)
        }
    }

    private static let powersOfTen: [UInt64] = [1, 10, 100, 1000]

    /// |value| × 10^places rounded half to even, or nil where 64-bit integers cannot hold the work.
    private static func roundedScaledMagnitude(_ value: Double, places: Int) -> UInt64? {
        guard value.isFinite, places >= 0, places < powersOfTen.count else { return nil }
        // |value| = significand × 2^exponent exactly; significand < 2^53, so × 10^3 stays below 2^63.
        let subnormal = value.exponentBitPattern == 0
        let significand = subnormal ? value.significandBitPattern : value.significandBitPattern | 1 << 52
        let exponent = subnormal ? -1074 : Int(value.exponentBitPattern) - 1075
        let product = significand * powersOfTen[places]
        if exponent >= 0 {
            guard exponent <= product.leadingZeroBitCount else { return nil }
            return product << exponent
        }
        let shift = -exponent
        if shift >= 64 { return 0 }  // product < 2^63 ≤ half of 2^shift
        let quotient = product >> shift, remainder = product & (1 << shift - 1), half: UInt64 = 1 << (shift - 1)
        return remainder > half || (remainder == half && quotient & 1 == 1) ? quotient + 1 : quotient
    }
}
