/// A result that JSON cannot hold (NaN or an infinity): a sum beyond a double's range, from values or
/// weights too large, in the data or in the summary files merged. Named by its place in results.json.
public struct NonFiniteResultError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The key path in results.json, e.g. `waves[0].design.anovas[0].result.terms[0].std_error`.
    public var path: String
    /// `nan`, `inf` or `-inf`.
    public var value: String

    init(value: Double, codingPath: [CodingKey]) {
        let path = codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }
        self.path = path.count > 200 ? path.prefix(200) + "…" : String(path)
        self.value = value.isNaN ? "nan" : value > 0 ? "inf" : "-inf"
    }

    public var description: String {
        "results.json: \(path) is \(value), not a number: the values or weights behind it (in the data, or in the summaries merged) "
            + "are too large for its sums of squares; expected values and weights whose fourth powers stay within a double's range (±1.8e308)"
    }
}
