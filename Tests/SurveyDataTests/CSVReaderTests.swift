import XCTest
@testable import SurveyData

final class CSVReaderTests: XCTestCase {
    /// All records of `text` as arrays of strings.
    func records(_ text: String, delimiter: UInt8? = nil) throws -> [[String]] {
        try records(Array(text.utf8), delimiter: delimiter)
    }

    func records(_ bytes: [UInt8], delimiter: UInt8? = nil) throws -> [[String]] {
        var rows: [[String]] = []
        try CSVReader(bytes: bytes, file: "test.csv", delimiter: delimiter).forEachRecord { record in
            rows.append((0..<record.count).map(record.string))
        }
        return rows
    }

    func dataError(_ body: () throws -> Void) -> DataError? {
        do { try body() } catch let error as DataError { return error } catch { XCTFail("unexpected \(error)") }
        return nil
    }

    func testQuotedFieldsWithDelimitersDoubledQuotesAndNewlines() throws {
        let rows = try records("id,comment\n1,\"a, b\"\n2,\"she said \"\"hi\"\"\"\n3,\"two\nlines\"\n")
        XCTAssertEqual(rows, [["id", "comment"], ["1", "a, b"], ["2", "she said \"hi\""], ["3", "two\nlines"]])
    }

    func testCRLFByteOrderMarkAndMissingFinalNewline() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n3,4".utf8)
        XCTAssertEqual(try records(bytes), [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    func testSpacesAroundValuesAreTrimmedAndBlankLinesSkipped() throws {
        XCTAssertEqual(try records("a,b\n 1 , 2\n\n3,4\n\n"), [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    func testDelimiterDetection() throws {
        XCTAssertEqual(try CSVReader(bytes: Array("a;b;c\n1;2;3\n".utf8), file: "x").delimiter, UInt8(ascii: ";"))
        XCTAssertEqual(try CSVReader(bytes: Array("a\tb\n1\t2\n".utf8), file: "x").delimiter, UInt8(ascii: "\t"))
        XCTAssertEqual(try CSVReader(bytes: Array("\"a;x\",b\n1,2\n".utf8), file: "x").delimiter, UInt8(ascii: ","))
        XCTAssertEqual(try records("a;b\n1,5;2\n", delimiter: UInt8(ascii: ";")), [["a", "b"], ["1,5", "2"]])
    }

    func testLineNumbersFollowQuotedLineBreaks() throws {
        var lines: [Int] = []
        try CSVReader(bytes: Array("a,b\n\"x\ny\",1\n2,3\n".utf8), file: "t").forEachRecord { lines.append($0.line) }
        XCTAssertEqual(lines, [1, 2, 4])
    }

    func testUnterminatedQuoteNamesItsLine() {
        let error = dataError { _ = try records("a,b\n1,2\n3,\"open\n4,5\n") }
        XCTAssertEqual(error?.kind, .unterminatedQuote)
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 2)
        XCTAssertTrue(error?.description.hasPrefix("test.csv:3, column 2") ?? false, error?.description ?? "")
    }

    func testTextAfterClosingQuote() {
        let error = dataError { _ = try records("a,b\n\"x\"y,2\n") }
        XCTAssertEqual(error?.kind, .textAfterClosingQuote("y"))
        XCTAssertEqual(error?.line, 2)
    }

    func testInvalidUTF8NamesLineAndColumn() {
        let bytes = Array("a,b\n1,2\n3,".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let error = dataError { _ = try records(bytes) }
        XCTAssertEqual(error?.kind, .invalidUTF8)
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 2)
    }

    func testValidMultibyteUTF8IsAccepted() throws {
        XCTAssertEqual(try records("name\nJosé – ✓ 😀\n"), [["name"], ["José – ✓ 😀"]])
    }

    func testEmptyFile() {
        XCTAssertEqual(dataError { _ = try records("") }?.kind, .emptyFile)
        XCTAssertEqual(dataError { _ = try records("\n\r\n  \n") }?.kind, .emptyFile)
    }

    func testNumberParsingFastAndSlowPaths() {
        func parse(_ s: String, comma: Bool = false) -> Double? {
            Array(s.utf8).withUnsafeBufferPointer { NumberParsing.double($0, decimalComma: comma) }
        }
        XCTAssertEqual(parse("3"), 3)
        XCTAssertEqual(parse("-0.1"), -0.1)
        XCTAssertEqual(parse("1e3"), 1000)
        XCTAssertEqual(parse("0.30000000000000004"), 0.30000000000000004)
        XCTAssertEqual(parse("3,5", comma: true), 3.5)
        XCTAssertNil(parse("3,5"))
        XCTAssertNil(parse("abc"))
        XCTAssertNil(parse("nan"))
        XCTAssertNil(parse("."))
        XCTAssertNil(parse("1.2.3"))
    }

    /// `isNumber` is `double(_:) != nil` without making the number: compared on every string of up
    /// to four characters from an alphabet of number parts, and on long plain decimals (the slow
    /// path's 16+ digits, and past the 300 digits `isNumber` answers for itself).
    func testIsNumberAgreesWithDouble() {
        func agree(_ s: String) {
            Array(s.utf8).withUnsafeBufferPointer { bytes in
                XCTAssertEqual(NumberParsing.isNumber(bytes), NumberParsing.double(bytes) != nil, s)
            }
        }
        let alphabet = ["", "0", "7", ".", "-", "+", "e", "E", ",", "x", " "]
        for a in alphabet { for b in alphabet { for c in alphabet { for d in alphabet { agree(a + b + c + d) } } } }
        for digits in [15, 16, 17, 40, 299, 300, 301, 320, 400] {
            let long = String(repeating: "9", count: digits)
            for s in [long, "-" + long, "0." + long, "." + long, long + ".", "0." + String(repeating: "0", count: digits) + "1", long + "e5"] { agree(s) }
        }
    }
}
