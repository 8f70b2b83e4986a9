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

    /// The column with `cell` (not blank) added: an optional `-`, digits, and an optional `.` and
    /// digits, between white space.
    func adding<S: StringProtocol>(_ cell: S) -> DecimalColumn {
        guard self != .other else { return .other }
        var bytes = Array(cell.utf8)
        // White space as Foundation trims it; ASCII cells (nearly all) without Foundation.
        if bytes.contains(where: { $0 >= 0x80 }) { bytes = Array(cell.trimmingCharacters(in: .whitespacesAndNewlines).utf8) }
        let isSpace = { (byte: UInt8) in byte == 0x20 || (0x09...0x0D).contains(byte) }
        var text = bytes[...]
        while let first = text.first, isSpace(first) { text = text.dropFirst() }
        while let last = text.last, isSpace(last) { text = text.dropLast() }
        if text.first == UInt8(ascii: "-") { text = text.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let point = text.firstIndex(of: UInt8(ascii: "."))
        let whole = text[..<(point ?? text.endIndex)]
        guard !whole.isEmpty, whole.allSatisfy(isDigit) else { return .other }
        guard let point else { return self }
        let fraction = text[text.index(after: point)...]
        guard !fraction.isEmpty, fraction.allSatisfy(isDigit) else { return .other }
        return fraction.contains { $0 != UInt8(ascii: "0") } ? .fractions : self
    }
}
