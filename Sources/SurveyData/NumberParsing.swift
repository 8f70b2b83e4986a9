import Foundation

/// Parsing of numbers straight from CSV bytes (public so that importers choose a column's type by the
/// same rules the data path reads it with).
public enum NumberParsing {
    /// Exact powers of ten up to 10²², the range in which `Double(m) / 10^k` is correctly rounded
    /// for an integer mantissa m < 2⁵³ (Clinger's fast path).
    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// A whole number written as optional sign and decimal digits (at most 9), e.g. a Likert answer.
    @inlinable @inline(__always)
    public static func integer(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var negative = false
        let count = bytes.count
        guard count > 0 else { return nil }
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { negative = bytes[0] == UInt8(ascii: "-"); i = 1 }
        guard i < count, count - i <= 9 else { return nil }
        var value = 0
        while i < count {
            let digit = Int(bytes[i]) &- 48
            guard digit >= 0 && digit <= 9 else { return nil }
            value = value * 10 + digit
            i += 1
        }
        return negative ? -value : value
    }

    /// A real number: plain decimals by an exact fast path, anything else (exponents, long
    /// mantissas) by `strtod`, both correctly rounded. With `decimalComma` a single `,` is accepted
    /// as the decimal separator (files written with `;` as delimiter in many European locales).
    public static func double(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool = false) -> Double? {
        let count = bytes.count
        guard count > 0 else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") { negative = bytes[0] == UInt8(ascii: "-"); i = 1 }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var seenPoint = false
        var fastPath = true
        while i < count {
            let byte = bytes[i]
            if byte >= 48 && byte <= 57 {
                if digits < 19 { mantissa = mantissa * 10 + UInt64(byte - 48) }
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if !seenPoint && (byte == UInt8(ascii: ".") || (decimalComma && byte == UInt8(ascii: ","))) {
                seenPoint = true
            } else {
                fastPath = false
                break
            }
            i += 1
        }
        if fastPath {
            guard digits > 0 else { return nil }
            if digits <= 15 && fractionDigits <= 22 {
                let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
                return negative ? -magnitude : magnitude
            }
        }
        return slowPath(bytes, decimalComma: decimalComma)
    }

    /// Whether ``double(_:decimalComma:)`` (without a decimal comma) reads `bytes` as a number, found
    /// without making it: a plain decimal — optional sign, digits, at most one point — of 1 to 300
    /// digits is one (it can neither overflow nor underflow); anything else is what `double` says.
    /// (Importers check every cell of a column of numbers, and a coordinate of 17 significant digits
    /// took `double`'s slow path.)
    public static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0, digits = 0
        var seenPoint = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { i = 1 }
        while i < bytes.count {
            let byte = bytes[i]
            if byte >= 48 && byte <= 57 {
                digits += 1
            } else if byte == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                return double(bytes) != nil
            }
            i += 1
        }
        return (1...300).contains(digits) || double(bytes) != nil
    }

    /// `strtod` semantics through Swift's `Double(String)`; rejects `inf`, `nan` and hexadecimal forms.
    private static func slowPath(_ bytes: UnsafeBufferPointer<UInt8>, decimalComma: Bool) -> Double? {
        // The characters are checked as bytes (a check by `Character` was a quarter of an import's time).
        let allowed = { (byte: UInt8) in
            (48...57).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || (decimalComma && byte == UInt8(ascii: ","))
        }
        guard bytes.allSatisfy(allowed) else { return nil }
        var text = String(decoding: bytes, as: UTF8.self)
        if decimalComma { text = text.replacingOccurrences(of: ",", with: ".") }
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }
}
