import Foundation

/// Number formatting rules of the APA Publication Manual (7th ed., §6.36): a fixed number of
/// decimals, no leading zero for statistics that cannot exceed 1 in magnitude, exact p to three
/// decimals and `< .001` below that, an en dash for undefined values.
public enum APA {
    /// Shown for a value that is undefined (e.g. an SD of one case).
    public static let undefined = "—"

    /// `value` rounded to `decimals` places; without the leading zero when `leadingZero` is false.
    public static func number(_ value: Double?, decimals: Int, leadingZero: Bool = true) -> String {
        guard let value, value.isFinite else { return undefined }
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), Double(text) == 0 { text.removeFirst() }  // no "-0.00"
        if text.hasPrefix("-") { text = "−" + text.dropFirst() }
        if !leadingZero {
            if text.hasPrefix("0.") { text.removeFirst() } else if text.hasPrefix("−0.") { text = "−" + text.dropFirst(2) }
        }
        return text
    }

    /// A p-value: three decimals without leading zero, `< .001` below .001.
    public static func p(_ value: Double?) -> String {
        guard let value, value.isFinite else { return undefined }
        if value < 0.001 { return "< .001" }
        return number(value, decimals: 3, leadingZero: false)
    }

    /// A percentage with one decimal.
    public static func percent(_ value: Double?) -> String {
        guard let value, value.isFinite else { return undefined }
        return String(format: "%.1f", value)
    }

    /// A cell as displayed in Markdown, LaTeX and HTML.
    public static func display(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return s
        case .integer(let i): return i < 0 ? "−\(-i)" : String(i)
        case .number(let v, let d, let lz): return number(v, decimals: d, leadingZero: lz)
        case .p(let v): return p(v)
        case .percent(let v): return percent(v)
        case .empty: return ""
        }
    }

    /// A cell as written to CSV: full double precision (shortest round-trip form), empty when undefined.
    public static func raw(_ cell: Cell) -> String {
        switch cell {
        case .text(let s): return s
        case .integer(let i): return String(i)
        case .number(let v, _, _), .p(let v), .percent(let v):
            guard let v, v.isFinite else { return "" }
            return "\(v)"
        case .empty: return ""
        }
    }
}
