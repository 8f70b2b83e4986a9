/// Decimal numbers read exactly and shifted by a common integer offset before conversion to `Double`.
///
/// Values such as `1000000000000.4` (NIST StRD SmLs07–09) or `10000000.2` (NumAcc4) cannot be held
/// in a binary double to more than a few digits of their deviation from each other. Every statistic
/// of spread (SD, sums of squares, F) is invariant to a shift, so reading `x − offset` with the
/// integer parts subtracted exactly, and only then converting the small remainder, keeps every digit.
/// The mean is `offset + mean(deviations)`.
///
/// `Dataset.infer` reads a numeric column this way when its values share three or more leading
/// digits (``sharesLeadingDigits(min:max:)``), and `paradox describe` and `paradox anova` compute
/// on the deviations: NIST StRD SmLs07–09 keep 13 correct digits of F instead of 3.
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

    /// The cells of a column read exactly, blank cells (`""`) as NaN; `nil` when a cell is not a
    /// plain decimal (an exponent, a decimal comma) or the integer parts are too far apart to be
    /// subtracted exactly.
    public init?(cells: [String]) {
        var parts: [(integer: Int, fraction: Double)?] = []
        parts.reserveCapacity(cells.count)
        for cell in cells {
            if cell.isEmpty { parts.append(nil); continue }
            guard let part = Self.split(cell) else { return nil }
            parts.append(part)
        }
        let base = parts.lazy.compactMap { $0?.integer }.first ?? 0
        var deviations: [Double] = []
        deviations.reserveCapacity(parts.count)
        for part in parts {
            guard let part else { deviations.append(.nan); continue }
            let (difference, overflow) = part.integer.subtractingReportingOverflow(base)
            guard !overflow else { return nil }
            deviations.append(Double(difference) + part.fraction)
        }
        offset = Double(base)
        self.deviations = deviations
    }

    /// Whether values from `min` to `max` share three or more leading digits (their range is below a
    /// thousandth of their magnitude), so that a binary double of each loses that many digits of
    /// their differences.
    public static func sharesLeadingDigits(min: Double, max: Double) -> Bool {
        max > min && Swift.max(abs(min), abs(max)) > 1000 * (max - min)
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
