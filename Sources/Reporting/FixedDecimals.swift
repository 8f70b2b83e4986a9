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
        var pointPosition = 0
        shortestDecimal(of: value.magnitude, digits: &digits, pointPosition: &pointPosition)
        // digits × 10^(pointPosition − digits.count): keep `pointPosition + places` of them.
        let kept = pointPosition + places
        var rounded = Array(digits.prefix(max(kept, 0)))
        if kept < digits.count, kept >= 0, digits[kept] >= 5 {
            var index = rounded.count - 1
            while index >= 0, rounded[index] == 9 { rounded[index] = 0; index -= 1 }
            if index >= 0 { rounded[index] += 1 } else { rounded.insert(1, at: 0); pointPosition += 1 }
        }
        let integerCount = max(pointPosition, 0)
        // Pad to the integer digits plus `places` (zeros after the shortest digits, or all zeros).
        if kept < 0 { rounded = [] }
        var text = value.sign == .minus ? "-" : ""
        let leadingZeros = max(-pointPosition, 0)
        let all = Array(repeating: UInt8(0), count: leadingZeros) + rounded
            + Array(repeating: 0, count: max(integerCount + places - leadingZeros - rounded.count, 0))
        let integerDigits = all.prefix(integerCount), fraction = all.dropFirst(integerCount).prefix(places)
        text += integerDigits.isEmpty ? "0" : String(decoding: integerDigits.map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        if places > 0 {
            text += "." + String(decoding: (fraction + Array(repeating: 0, count: places - fraction.count)).map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
        }
        return text
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
