import XCTest
@testable import SurveyData

/// `firstInvalidUTF8Offset`: the offset of the first byte that breaks UTF-8 (RFC 3629), whether the
/// cell is short (overlapping word loads) or long (eight bytes at a time), and `nil` for valid text.
final class UTF8ValidationTests: XCTestCase {
    func offset(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset) }

    func testFirstInvalidByteIsFoundAtEveryLengthAndPosition() {
        for count in 0...24 {
            let ascii = (0..<count).map { UInt8(ascii: "a") + UInt8($0 % 26) }
            XCTAssertNil(offset(ascii), "\(count) ASCII bytes")
            for position in 0..<count {
                for bad: UInt8 in [0xFF, 0x80, 0xC0] {   // never valid; a lone continuation byte; an overlong lead
                    var bytes = ascii
                    bytes[position] = bad
                    XCTAssertEqual(offset(bytes), position, "\(count) bytes, 0x\(String(bad, radix: 16)) at \(position)")
                }
            }
        }
    }

    func testMultibyteTextIsValidAndBrokenSequencesAreNot() {
        for text in ["é", "Zürich", "naïve café", "数据保护", "🔒 privacy 🔒", "Ünïcödé everywhere in this longer cell"] {
            XCTAssertNil(offset(Array(text.utf8)), text)
        }
        let truncated = Array("ab数".utf8).dropLast()   // a three-byte sequence cut after two bytes
        XCTAssertEqual(offset(Array(truncated)), 2)
        XCTAssertEqual(offset(Array("abc".utf8) + [0xED, 0xA0, 0x80]), 3)   // a UTF-16 surrogate
        XCTAssertEqual(offset(Array("abcdefgh".utf8) + [0xF4, 0x90, 0x80, 0x80]), 8)   // above U+10FFFF
    }
}
