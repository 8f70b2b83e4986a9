import XCTest
@testable import SurveyData

/// The fast path's level lookup agrees with the sequential reader's dictionary of values and labels.
final class LevelTableTests: XCTestCase {
    func code(_ table: LevelTable, _ text: String) -> Int32? {
        let bytes = Array(text.utf8) + [UInt8](repeating: 0, count: 8)
        return bytes.withUnsafeBufferPointer { table.lookup.code($0.baseAddress!, count: text.utf8.count) }
    }

    func testValuesAndLabelsOfAnyLengthWithTheSequentialReadersPrecedence() {
        let table = LevelTable([
            Level(value: "a", label: "Alpha"),
            Level(value: "some_college", label: "Some college or vocational qualification"),
            Level(value: "Alpha", label: "first"),
            Level(value: "NA", label: "not applicable"),
            Level(value: "under_30k", label: "Under $30,000"),
        ], delimiter: UInt8(ascii: ","))
        let expected: [(String, Int32?)] = [
            ("a", 0), ("Alpha", 0), ("first", 2), ("some_college", 1), ("Some college or vocational qualification", 1),
            ("under_30k", 4), ("Under $30,000", 4), ("not applicable", 3),
            ("NA", nil),  // missing before it is a level
            ("b", nil), ("alpha", nil), ("some_colleges", nil), ("some_collegf", nil), ("under_30K", nil), ("Under $30,001", nil),
            ("Some college or vocational qualificatioN", nil), ("Some college or vocational qualification!", nil),
        ]
        for (text, code) in expected { XCTAssertEqual(self.code(table, text), code, text) }
    }

    func guess(_ table: LevelTable, _ cell: String) -> (code: Int32, length: Int)? {
        let bytes = Array(cell.utf8) + [UInt8](repeating: 0, count: 16)
        return bytes.withUnsafeBufferPointer { table.lookup.guessedKey($0.baseAddress!, at: 0, end: cell.utf8.count) }
    }

    /// The guess from a cell's first two bytes names a key only if the cell begins with it: the
    /// common cells (a value or label, then the delimiter) are guessed, with their length; a key with
    /// the delimiter inside or one the reader would trim is never guessed; no cell that merely looks
    /// like a key is given a key it does not begin with.
    func testGuessedKeysAreKeysTheCellBeginsWith() {
        let table = LevelTable([
            Level(value: "1", label: "18-24"),
            Level(value: "some_college", label: "Some college"),
            Level(value: "no", label: "No"),
            Level(value: "under_30k", label: "Under $30,000"),
            Level(value: "postgraduate_degree", label: " padded "),
        ], delimiter: UInt8(ascii: ","))
        let guessed: [(String, Int32, Int)] = [
            ("1,", 0, 1), ("18-24,", 0, 5), ("some_college,", 1, 12), ("Some college,", 1, 12), ("no,", 2, 2),
            ("No\n", 2, 2), ("under_30k,", 3, 9), ("some_college,x", 1, 12),
        ]
        for (cell, code, length) in guessed {
            let result = guess(table, cell)
            XCTAssertEqual(result?.code, code, cell)
            XCTAssertEqual(result?.length, length, cell)
        }
        for cell in ["Under $30,000,", "postgraduate_degree,", " padded ,", "1\n", ",", "x,", "n,", "some_colleg,", "unde,"] {
            XCTAssertNil(guess(table, cell), cell)
        }
        for cell in ["none,", "1 ,", "10,", "some_college_x,", "18-245,", "No way,", "under_30k"] {
            guard let (code, length) = guess(table, cell) else { continue }
            XCTAssertEqual(self.code(table, String(cell.prefix(length))), code, cell)
            XCTAssertLessThan(length, cell.utf8.count, cell)   // the cell goes on: the parser needs a delimiter there
        }
    }
}
