/// Decimal numbers read exactly and shifted by a common integer offset before conversion to `Double`.
///
/// Values such as `1000000000000.4` (NIST StRD SmLs07–09) or `10000000.2` (NumAcc4) cannot be held
/// in a binary double to more than a few digits of their deviation from each other. Every statistic
/// of spread (SD, sums of squares, F) is invariant to a shift, so reading `x − offset` with the
/// integer parts subtracted exactly, and only then converting the small remainder, keeps every digit.
/// The mean is `offset + mean(deviations)`.
public struct CenteredDecimals: Sendable, Equatable {
    /// The common integer offset (exact: the integer part of the first value).
    public let offset: Double
    /// `value − offset` for every value, each computed from the exact decimal digits.
    public let deviations: [Double]

    /// Parses plain decimal tokens (`-12.345`, `+7`, `.5`; no exponent).
    /// - Throws: ``DecimalFormatError`` naming the first token that is not a plain decimal.
    public init<S: Sequence>(_ tokens: S) throws where S.Element: StringProtocol {
        var parts: [(integer: Int, fraction: Double)] = []
        for (index, token) in tokens.enumerated() {
            guard let part = Self.split(token) else {
                throw DecimalFormatError(index: index, token: String(token))
            }
            parts.append(part)
        }
        let base = parts.first?.integer ?? 0
        offset = Double(base)
        deviations = parts.map { Double($0.integer - base) + $0.fraction }
    }

    /// Splits a plain decimal into its exact integer part and its (signed) fractional part.
    private static func split<T: StringProtocol>(_ token: T) -> (integer: Int, fraction: Double)? {
        var text = Substring(token.trimmingSpaces())
        var negative = false
        if let sign = text.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            text = text.dropFirst()
        }
        let pieces = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integerDigits = pieces[0]
        let fractionDigits = pieces.count > 1 ? pieces[1] : ""
        guard !(integerDigits.isEmpty && fractionDigits.isEmpty),
              integerDigits.allSatisfy(\.isASCIIDigit), fractionDigits.allSatisfy(\.isASCIIDigit),
              integerDigits.count <= 18,
              let fraction = Double("0." + (fractionDigits.isEmpty ? "0" : fractionDigits))
        else { return nil }
        let integer = integerDigits.isEmpty ? 0 : Int(integerDigits)!
        return negative ? (-integer, -fraction) : (integer, fraction)
    }
}

/// A token that is not a plain decimal number.
public struct DecimalFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Zero-based position of the token in the input.
    public let index: Int
    public let token: String
    public var description: String { "value \(index + 1) \"\(token)\" is not a plain decimal number (expected digits with an optional sign and point)" }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> SubSequence {
        let start = firstIndex { $0 != " " && $0 != "\t" } ?? endIndex
        let end = lastIndex { $0 != " " && $0 != "\t" }.map(index(after:)) ?? start
        return self[start..<end]
    }
}
