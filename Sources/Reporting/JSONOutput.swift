import Foundation

/// JSON for machines: keys sorted (so output is byte-for-byte reproducible), numbers at full double
/// precision (shortest round-trip form), undefined values as `null` (``NullWriting``: every `nil`
/// optional, so result types need no hand-written `encode(to:)` for it).
public enum JSONOutput {
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .throw
        return String(decoding: try encoder.encode(NullWriting(value)), as: UTF8.self) + "\n"
    }
}
