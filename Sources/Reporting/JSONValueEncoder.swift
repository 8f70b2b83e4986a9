import Foundation
import Study
import Thematic

/// Results whose `nil` parts are left out of the JSON, as their `Codable` says, rather than written
/// as `null`: a replication check's statistics that its kind of target has none of, a thematic
/// summary's agreement and coder panel when there is one coder.
protocol LeavesOutNil {}
extension ReplicationCheckResult: LeavesOutNil {}
extension ThematicSummary: LeavesOutNil {}

/// Encodes a value into a ``JSONValue`` so that every `nil` optional is written as `null` rather than
/// left out: the one place where machine-readable output gets its rule "undefined values are `null`"
/// (broom writes `NA` where a statistic is undefined, and a reader of `results.json` finds every key
/// in every row). The result types keep their synthesized `Codable`, whose `encodeIfPresent` calls
/// land here; a type marked ``LeavesOutNil`` leaves its absent parts out instead.
final class JSONValueEncoder: Encoder {
    /// Where the value sits in the document (built into an array only when asked for).
    let node: CodingPathNode?
    var codingPath: [CodingKey] { CodingPathNode.path(node) }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    /// Whether the value being encoded writes a `nil` optional as `null` (else leaves it out).
    let writesNull: Bool
    /// What the value encoded itself as; `nil` until it asks for a container.
    var value: JSONValue?

    init(node: CodingPathNode?, writesNull: Bool) {
        self.node = node
        self.writesNull = writesNull
    }

    /// `value` as JSON: numbers, strings and booleans directly, a URL as its absolute string (as
    /// Foundation's encoder does), anything else through its own `encode(to:)`.
    static func encode<T: Encodable>(_ value: T, at node: @autoclosure () -> CodingPathNode?) throws -> JSONValue {
        switch value {
        case let number as Double: return try JSONValue.number(number, codingPath: CodingPathNode.path(node()))
        case let number as Float: return try JSONValue.number(number, codingPath: CodingPathNode.path(node()))
        case let text as String: return .string(text)
        case let flag as Bool: return .bool(flag)
        case let number as any FixedWidthInteger: return .number("\(number)")
        case let url as URL: return .string(url.absoluteString)
        default:
            let encoder = JSONValueEncoder(node: node(), writesNull: !(T.self is LeavesOutNil.Type))
            try value.encode(to: encoder)
            return encoder.value ?? .object(JSONValue.Object())
        }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object(let object) = value { return KeyedEncodingContainer(KeyedContainer(object: object, encoder: self, node: node)) }
        let object = JSONValue.Object()
        value = .object(object)
        return KeyedEncodingContainer(KeyedContainer(object: object, encoder: self, node: node))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        if case .array(let array) = value { return UnkeyedContainer(array: array, encoder: self, node: node) }
        let array = JSONValue.Array()
        value = .array(array)
        return UnkeyedContainer(array: array, encoder: self, node: node)
    }

    func singleValueContainer() -> SingleValueEncodingContainer { SingleValueContainer(encoder: self) }

    /// A coding path as a linked list: a value's place costs one small object, and the array of keys
    /// is built only when an error or a type asks for it.
    final class CodingPathNode {
        let parent: CodingPathNode?
        let key: any CodingKey

        init(_ parent: CodingPathNode?, _ key: any CodingKey) {
            self.parent = parent
            self.key = key
        }

        static func path(_ node: CodingPathNode?) -> [CodingKey] {
            var keys: [CodingKey] = []
            var current = node
            while let step = current {
                keys.append(step.key)
                current = step.parent
            }
            return keys.reversed()
        }
    }

    /// The key of an array element in a coding path, as Foundation names it.
    struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    /// The key `super` of ``KeyedContainer/superEncoder()``.
    struct SuperKey: CodingKey {
        var stringValue: String { "super" }
        var intValue: Int? { nil }
        init() {}
        init?(stringValue: String) { nil }
        init?(intValue: Int) { nil }
    }

    /// An encoder whose value becomes `set`'s argument when it is done (super encoders).
    final class Deferred: Encoder {
        let inner: JSONValueEncoder
        let set: (JSONValue) -> Void
        var codingPath: [CodingKey] { inner.codingPath }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        init(node: CodingPathNode, writesNull: Bool, set: @escaping (JSONValue) -> Void) {
            inner = JSONValueEncoder(node: node, writesNull: writesNull)
            self.set = set
        }
        deinit { set(inner.value ?? .object(JSONValue.Object())) }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
        func unkeyedContainer() -> UnkeyedEncodingContainer { inner.unkeyedContainer() }
        func singleValueContainer() -> SingleValueEncodingContainer { inner.singleValueContainer() }
    }

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let object: JSONValue.Object
        let encoder: JSONValueEncoder
        let node: CodingPathNode?
        var codingPath: [CodingKey] { CodingPathNode.path(node) }

        mutating func encodeNil(forKey key: Key) throws { object.members.append((key.stringValue, .null)) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            object.members.append((key.stringValue, try JSONValueEncoder.encode(value, at: CodingPathNode(node, key))))
        }
        // The point of this encoder: a nil optional is written as null (unless the type leaves it out).
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOrNil(value, key) }
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws { try encodeOrNil(value, key) }

        private mutating func encodeOrNil<T: Encodable>(_ value: T?, _ key: Key) throws {
            if let value { try encode(value, forKey: key) } else if encoder.writesNull { try encodeNil(forKey: key) }
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONValue.Object()
            object.members.append((key.stringValue, .object(nested)))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, encoder: encoder, node: CodingPathNode(node, key)))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
            let nested = JSONValue.Array()
            object.members.append((key.stringValue, .array(nested)))
            return UnkeyedContainer(array: nested, encoder: encoder, node: CodingPathNode(node, key))
        }

        mutating func superEncoder() -> Encoder { superEncoder(named: SuperKey()) }
        mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: key) }

        private func superEncoder(named key: CodingKey) -> Encoder {
            let object = self.object
            return Deferred(node: CodingPathNode(node, key), writesNull: encoder.writesNull) { object.members.append((key.stringValue, $0)) }
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let array: JSONValue.Array
        let encoder: JSONValueEncoder
        let node: CodingPathNode?
        var codingPath: [CodingKey] { CodingPathNode.path(node) }
        var count: Int { array.elements.count }

        mutating func encodeNil() throws { array.elements.append(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            array.elements.append(try JSONValueEncoder.encode(value, at: CodingPathNode(node, IndexKey(intValue: count))))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONValue.Object()
            let key = IndexKey(intValue: count)
            array.elements.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(object: nested, encoder: encoder, node: CodingPathNode(node, key)))
        }

        mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
            let nested = JSONValue.Array()
            let key = IndexKey(intValue: count)
            array.elements.append(.array(nested))
            return UnkeyedContainer(array: nested, encoder: encoder, node: CodingPathNode(node, key))
        }

        mutating func superEncoder() -> Encoder {
            let array = self.array, index = count
            array.elements.append(.null)
            return Deferred(node: CodingPathNode(node, IndexKey(intValue: index)), writesNull: encoder.writesNull) { array.elements[index] = $0 }
        }
    }

    struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: JSONValueEncoder
        var codingPath: [CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws { encoder.value = .null }
        mutating func encode<T: Encodable>(_ value: T) throws { encoder.value = try JSONValueEncoder.encode(value, at: encoder.node) }
    }
}
