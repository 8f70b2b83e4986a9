/// JSON for machines: keys sorted (so output is byte-for-byte reproducible), numbers at full double
/// precision (shortest round-trip form), undefined values as `null` (``JSONValueEncoder``: every
/// `nil` optional, so result types need no hand-written `encode(to:)` for it). The bytes are those
/// of Foundation's `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`,
/// written in one pass over a tree rather than through its generic boxes (a third of the cost).
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        var bytes: [UInt8] = []
        try JSONValueEncoder.encode(value, at: nil).write(into: &bytes, indent: 0)
        bytes.append(UInt8(ascii: "\n"))
        return String(decoding: bytes, as: UTF8.self)
    }
}
