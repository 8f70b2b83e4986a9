/// The cells of one table that small-cell suppression hides (set by the Privacy gate): their rows
/// in the table's order (a frequency table's levels, then its missing rows; an ANOVA's groups). A
/// small count prints as "< `minCell`", a count hidden to protect it as "[c]" (confidential), in the
/// tables and in results.json.
public struct SuppressedCells: Sendable, Equatable, Codable {
    public var minCell: Int
    /// Rows whose count is below `minCell` (1 … minCell − 1).
    public var small: [Int]
    /// Rows hidden as well so that a small count cannot be recovered from the table's total.
    public var complementary: [Int]

    public init(minCell: Int, small: [Int], complementary: [Int]) {
        self.minCell = minCell
        self.small = small
        self.complementary = complementary
    }

    /// Whether the count of `row` is hidden.
    public func hides(_ row: Int) -> Bool { mark(row) != nil }

    /// What the count of `row` prints as, or `nil` when it is shown.
    public func mark(_ row: Int) -> String? {
        if small.contains(row) { return "< \(minCell)" }
        return complementary.contains(row) ? Self.complementaryMark : nil
    }

    public static let complementaryMark = "[c]"

    /// The note under a table with hidden cells.
    public var note: String {
        var note = "Counts from 1 to \(minCell - 1) are shown as \"< \(minCell)\" to protect respondents"
        if !complementary.isEmpty { note += "; \"\(Self.complementaryMark)\": a count hidden so that they cannot be recovered from the total" }
        return note + "."
    }
}
