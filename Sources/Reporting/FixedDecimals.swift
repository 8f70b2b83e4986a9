/// Numbers in fixed notation rounded as a reader rounds by hand: half away from zero, from the
/// decimal the double stands for — its shortest round-trip form, Swift's `description` (Steele &
/// White 1990; the digits `repr` prints in Python). The mean of 837 answers over 200 respondents is
/// 4.185, stored as 4.18499999999999960920…; `String(format: "%.2f")` rounds that binary value to
/// "4.18", SPSS and a reader with a calculator to "4.19", and so does this.
enum FixedDecimals {
    /// `value` with `places` decimals: "-0.50", "3", "-0.00" (the sign of a negative zero is kept).
    /// NaN and the infinities print as `String(describing:)` does.
    static func format(_ value: Double, places: Int) -> String {
        guard value.isFinite else { return value.description }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var pointPosition = 0
        shortestDecimal(of: value.magnitude, digits: &digits, pointPosition: &pointPosition)
        // digits × 10^(pointPosition − digits.count): keep `pointPosition + places` of them, rounded half up.
        let kept = pointPosition + places
        if kept < 0 {
            digits.removeAll()
        } else if kept < digits.count {
            let roundsUp = digits[kept] >= 5
            digits.removeLast(digits.count - kept)
            if roundsUp {
                var index = digits.count - 1
                while index >= 0, digits[index] == 9 { digits[index] = 0; index -= 1 }
                if index >= 0 { digits[index] += 1 } else { digits.insert(1, at: 0); pointPosition += 1 }
            }
        }
        // The i-th digit from the left of 0.000ddd000 × 10^integerCount: zeros before and after the kept digits.
        let integerCount = max(pointPosition, 0), leadingZeros = max(-pointPosition, 0)
        func digit(_ position: Int) -> UInt8 {
            let index = position - leadingZeros
            return UInt8(ascii: "0") + (index >= 0 && index < digits.count ? digits[index] : 0)
        }
        var text: [UInt8] = []
        text.reserveCapacity(integerCount + places + 3)
        if value.sign == .minus { text.append(UInt8(ascii: "-")) }
        if integerCount == 0 { text.append(UInt8(ascii: "0")) }
        for position in 0..<integerCount { text.append(digit(position)) }
        if places > 0 {
            text.append(UInt8(ascii: "."))
            for position in integerCount..<(integerCount + places) { text.append(digit(position)) }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The shortest decimal digits of a finite non-negative `magnitude` (none for zero) and the
    /// position of the decimal point: magnitude = 0.d₁d₂… × 10^pointPosition.
    private static func shortestDecimal(of magnitude: Double, digits: inout [UInt8], pointPosition: inout Int) {
        guard magnitude != 0 else { return }
        let text = magnitude.description.utf8  // "4.185", "1e-05", "1.2345e+20", "100.0"
        var exponent = 0, pointSeen = false, afterPoint = 0
        var mantissa = text[...]
        if let e = text.firstIndex(of: UInt8(ascii: "e")) {
            mantissa = text[..<e]
            exponent = Int(String(decoding: text[text.index(after: e)...], as: UTF8.self)) ?? 0
        }
        for byte in mantissa {
            if byte == UInt8(ascii: ".") { pointSeen = true; continue }
            digits.append(byte - UInt8(ascii: "0"))
            if pointSeen { afterPoint += 1 }
        }
        pointPosition = digits.count - afterPoint + exponent
        // Leading zeros ("0.0125") move the point left; trailing zeros ("100.0") carry nothing.
        while let first = digits.first, first == 0 { digits.removeFirst(); pointPosition -= 1 }
        while let last = digits.last, last == 0 { digits.removeLast() }
    }
}
