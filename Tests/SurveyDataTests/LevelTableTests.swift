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
        ])
        let expected: [(String, Int32?)] = [
            ("a", 0), ("Alpha", 0), ("first", 2), ("some_college", 1), ("Some college or vocational qualification", 1),
            ("under_30k", 4), ("Under $30,000", 4), ("not applicable", 3),
            ("NA", nil),  // missing before it is a level
            ("b", nil), ("alpha", nil), ("some_colleges", nil), ("some_collegf", nil), ("under_30K", nil), ("Under $30,001", nil),
            ("Some college or vocational qualificatioN", nil), ("Some college or vocational qualification!", nil),
        ]
        for (text, code) in expected { XCTAssertEqual(self.code(table, text), code, text) }
    }
}
