/// A JSON document in memory, as ``JSONValueEncoder`` builds it and ``JSONOutput`` writes it.
/// Objects and arrays are references so that a container can fill them after they are placed.
enum JSONValue {
    case null, bool(Bool), number(String), string(String), object(Object), array(Array)

    final class Object {
        /// Members in the order encoded; a key encoded twice keeps its last value, as Foundation's encoder does.
        var members: [(key: String, value: JSONValue)] = []

        /// The members to write: in UTF-8 byte order of their keys, the last of each key.
        var sortedMembers: [(key: String, value: JSONValue)] {
            let order = members.indices.sorted { left, right in
                members[left].key == members[right].key ? left < right : members[left].key.utf8.lexicographicallyPrecedes(members[right].key.utf8)
            }
            return order.indices.compactMap { position in
                let index = order[position]
                let isLastOfKey = position == order.count - 1 || members[order[position + 1]].key != members[index].key
                return isLastOfKey ? members[index] : nil
            }
        }
    }

    final class Array {
        var elements: [JSONValue] = []
    }

    /// A double as Foundation's `JSONEncoder` writes it: its shortest round-trip form (`description`)
    /// without a trailing ".0" ("4.185", "200", "1e-05", "1.5e+16"). NaN and the infinities are not
    /// JSON: ``NonFiniteResultError``.
    static func number<F: BinaryFloatingPoint & LosslessStringConvertible>(_ value: F, codingPath: @autoclosure () -> [CodingKey]) throws -> JSONValue {
        guard value.isFinite else { throw NonFiniteResultError(value: Double(value), codingPath: codingPath()) }
        let text = value.description
        return .number(text.hasSuffix(".0") ? String(text.dropLast(2)) : text)
    }

    /// Pretty-printed UTF-8 as Foundation's `JSONEncoder` writes it with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]`: two-space indents, `"key" : value`, keys in UTF-8 byte order, an empty
    /// object or array as `{`, an empty line and `}`.
    func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .number(let text): out += text.utf8
        case .string(let text): Self.writeString(text, into: &out)
        case .object(let object):
            let members = object.sortedMembers
            writeContainer(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), count: members.count, indent: indent, into: &out) { index, out in
                Self.writeString(members[index].key, into: &out)
                out += " : ".utf8
                members[index].value.write(into: &out, indent: indent + 2)
            }
        case .array(let array):
            writeContainer(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), count: array.elements.count, indent: indent, into: &out) { index, out in
                array.elements[index].write(into: &out, indent: indent + 2)
            }
        }
    }

    private func writeContainer(open: UInt8, close: UInt8, count: Int, indent: Int, into out: inout [UInt8],
                                element: (Int, inout [UInt8]) -> Void) {
        out.append(open)
        out.append(UInt8(ascii: "\n"))
        for index in 0..<count {
            out += repeatElement(UInt8(ascii: " "), count: indent + 2)
            element(index, &out)
            if index < count - 1 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\n"))
        }
        if count == 0 { out.append(UInt8(ascii: "\n")) }
        out += repeatElement(UInt8(ascii: " "), count: indent)
        out.append(close)
    }

    /// A JSON string: `"` and `\` escaped, control characters as `\b \f \n \r \t` or `\u00XX`, the rest as is.
    private static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), byte]
            case 0x08: out += "\\b".utf8
            case 0x0C: out += "\\f".utf8
            case 0x0A: out += "\\n".utf8
            case 0x0D: out += "\\r".utf8
            case 0x09: out += "\\t".utf8
            case 0..<0x20:
                let hex = Swift.Array("0123456789abcdef".utf8)
                out += "\\u00".utf8
                out += [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
