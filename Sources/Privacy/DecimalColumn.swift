import Foundation

/// Whether a column's cells so far are all decimal numbers, and whether one has a fractional part
/// other than 0 (see ``PersonalDataScan``).
enum DecimalColumn: Equatable {
    /// Every cell a decimal number, none with a fractional part other than 0.
    case wholeNumbers
    /// Every cell a decimal number, one at least with a fractional part other than 0.
    case fractions
    /// A cell that is not a decimal number.
    case other

    /// The column with `cell` (not blank) added.
    func adding<S: StringProtocol>(_ cell: S) -> DecimalColumn {
        guard self != .other else { return .other }
        let text = cell.trimmingCharacters(in: .whitespacesAndNewlines).utf8
        let unsigned = text.first == UInt8(ascii: "-") ? text.dropFirst() : text[...]
        let parts = unsigned.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(isDigit) else { return .other }
        guard parts.count == 2 else { return self }
        let fraction = parts[1]
        guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return .other }
        return fraction.contains { $0 != UInt8(ascii: "0") } ? .fractions : self
    }
}
