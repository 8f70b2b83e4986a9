/// Number formatting rules of the APA Publication Manual (7th ed., §6.36): a fixed number of
/// decimals, no leading zero for statistics that cannot exceed 1 in magnitude, exact p to three
/// decimals and `< .001` below that, an en dash for undefined values.
public enum APA {
    /// Shown for a value that is undefined (e.g. an SD of one case).
    public static let undefined = "—"

    /// `value` rounded to `decimals` places; without the leading zero when `leadingZero` is false.
    public static func number(_ value: Double?, decimals: Int, leadingZero: Bool = true) -> String {
        guard let value, value.isFinite else { return undefined }
        var digits = Substring(FixedDecimals.format(value, places: decimals))
        let negative = digits.utf8.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        if !leadingZero, digits.utf8.starts(with: "0.".utf8) { digits = digits.dropFirst() }
        let zero = !digits.utf8.contains { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }
        return negative && !zero ? "−" + digits : String(digits)  // no "−0.00"
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
        return FixedDecimals.format(value, places: 1)
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
