import Foundation
import XCTest
@testable import Reporting

/// ``JSONOutput`` writes results.json in one pass of its own; Foundation's `JSONEncoder` with
/// `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` is the plain path beside it (the format
/// results.json always had). On random documents — every kind of number, strings with control
/// characters, quotes and non-ASCII, keys whose byte order differs from other orders, empty and
/// nested containers — the two must give the same bytes.
final class JSONOutputOracleTests: XCTestCase {
    indirect enum Node: Encodable {
        case double(Double), float(Float), int(Int), int8(Int8), uint64(UInt64), bool(Bool), string(String)
        case array([Node]), object([String: Node]), optional(Double?)

        func encode(to encoder: Encoder) throws {
            var single = encoder.singleValueContainer()
            switch self {
            case .double(let value): try single.encode(value)
            case .float(let value): try single.encode(value)
            case .int(let value): try single.encode(value)
            case .int8(let value): try single.encode(value)
            case .uint64(let value): try single.encode(value)
            case .bool(let value): try single.encode(value)
            case .string(let value): try single.encode(value)
            case .array(let value): try single.encode(value)
            case .object(let value): try single.encode(value)
            case .optional(let value): try single.encode(value)
            }
        }
    }

    /// A struct with synthesized Codable: its nil optional is null in results.json and absent in Foundation's.
    struct Row: Encodable {
        var name: String
        var value: Double?
        var counts: [Int]
    }

    func oracle<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .throw
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }

    func testRandomDocumentsAreWrittenAsFoundationWritesThem() throws {
        var generator = SystemRandomNumberGenerator()
        let characters: [Character] = ["a", "B", "_", "z", "0", "9", " ", "\"", "\\", "/", "\n", "\t", "\r", "\u{0}", "\u{8}", "\u{C}", "\u{1A}", "\u{1F}",
                                       "\u{7F}", "é", "ß", "Ω", "\u{2028}", "😀", "中", "-", "."]
        func string() -> String { String((0..<Int.random(in: 0...8, using: &generator)).map { _ in characters.randomElement(using: &generator)! }) }
        func double() -> Double {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: return Double(Int.random(in: -1_000_000...1_000_000, using: &generator))
            case 1: return Double.random(in: -1...1, using: &generator)
            case 2: return Double(bitPattern: UInt64.random(in: 0...UInt64.max, using: &generator) & ~(0x7FF << 52) | (UInt64.random(in: 1...2046, using: &generator) << 52))
            case 3: return [0, -0.0, 1e15, 1e16, 9007199254740992, 5e-324, 1e-5, 4.185, .greatestFiniteMagnitude].randomElement(using: &generator)!
            case 4: return Double(Int.random(in: -99...99, using: &generator)) / 100
            default: return Double.random(in: -1e20...1e20, using: &generator).rounded()
            }
        }
        func node(depth: Int) -> Node {
            switch Int.random(in: 0..<(depth > 3 ? 8 : 11), using: &generator) {
            case 0, 1: return .double(double())
            case 2: let float = Float(double()); return .float(float.isFinite ? float : 1.5)
            case 3: return .int(Int.random(in: Int.min...Int.max, using: &generator))
            case 4: return .int8(Int8.random(in: Int8.min...Int8.max, using: &generator))
            case 5: return .uint64(UInt64.random(in: 0...UInt64.max, using: &generator))
            case 6: return .bool(Bool.random(using: &generator))
            case 7: return .string(string())
            case 8: return .array((0..<Int.random(in: 0...4, using: &generator)).map { _ in node(depth: depth + 1) })
            case 9: return .optional(Bool.random(using: &generator) ? double() : nil)
            default: return .object(Dictionary((0..<Int.random(in: 0...5, using: &generator)).map { _ in (string(), node(depth: depth + 1)) },
                                               uniquingKeysWith: { first, _ in first }))
            }
        }
        for _ in 0..<2_000 {
            let document = node(depth: 0)
            XCTAssertEqual(try JSONOutput.encode(document), try oracle(document))
        }
    }

    func testNilOptionalsAreNullWhereFoundationLeavesThemOut() throws {
        let row = Row(name: "x", value: nil, counts: [])
        XCTAssertEqual(try oracle(row), "{\n  \"counts\" : [\n\n  ],\n  \"name\" : \"x\"\n}\n")
        XCTAssertEqual(try JSONOutput.encode(row), "{\n  \"counts\" : [\n\n  ],\n  \"name\" : \"x\",\n  \"value\" : null\n}\n")
    }

    func testNaNIsRefusedAsFoundationRefusesIt() {
        XCTAssertThrowsError(try JSONOutput.encode([Double.nan]))
        XCTAssertThrowsError(try oracle([Double.nan]))
    }
}
