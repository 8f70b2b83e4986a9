import Foundation
import XCTest
@testable import SurveyStats

/// ``RowTally``: the compact, exact and canonical summary of a regression's rows. Every tally is
/// checked against a reference computed naively here (a dictionary from each complete row's values
/// to its count, rows sorted lexicographically by value).
final class RowTallyTests: XCTestCase {
    /// The naive reference: (rows ascending by value, counts, excluded).
    func reference(_ columns: [[Double]]) -> (rows: [[Double]], counts: [Int], excluded: Int) {
        var counts: [[Double]: Int] = [:], excluded = 0
        for i in columns[0].indices {
            let row = columns.map { $0[i] + 0 }
            if row.contains(where: \.isNaN) { excluded += 1 } else { counts[row, default: 0] += 1 }
        }
        let rows = counts.keys.sorted { $0.lexicographicallyPrecedes($1) }
        return (rows, rows.map { counts[$0]! }, excluded)
    }

    func assertMatchesReference(_ tally: RowTally, _ columns: [[Double]], file: StaticString = #filePath, line: UInt = #line) {
        let expected = reference(columns)
        let rows = (0..<tally.rowCount).map { i in (0..<tally.columnCount).map { tally.columnValues[$0][tally.code(row: i, column: $0)] } }
        XCTAssertEqual(rows, expected.rows, file: file, line: line)
        XCTAssertEqual(tally.counts, expected.counts, file: file, line: line)
        XCTAssertEqual(tally.excluded, expected.excluded, file: file, line: line)
        for j in 0..<tally.columnCount {   // the dictionaries: exactly the values of complete rows
            XCTAssertEqual(tally.columnValues[j], Array(Set(expected.rows.map { $0[j] })).sorted(), file: file, line: line)
        }
    }

    /// Columns of `n` cases with a few values each, some missing, from a fixed-seed generator.
    func columns(_ n: Int, seed: UInt64, valueCounts: [Int]) -> [[Double]] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        return valueCounts.map { count in (0..<n).map { _ in next() % 23 == 0 ? .nan : Double(next() % count) * 0.5 - 1 } }
    }

    func testTalliesMatchTheNaiveCountAndCodedColumnsDropUnusedValues() {
        let data = columns(3000, seed: 1, valueCounts: [17, 4, 3, 13, 2])
        let tally = RowTally(columns: data)
        assertMatchesReference(tally, data)
        XCTAssertEqual(tally.caseCount + tally.excluded, 3000)
        // Coded columns with extra dictionary values (never used, or used only by excluded cases):
        // the same tally.
        let coded = data.map { column -> RowTally.CodedColumn in
            let values = (-4...40).map { Double($0) * 0.5 - 1 }
            return RowTally.CodedColumn(values: values, codes: column.map { $0.isNaN ? -1 : Int32(values.firstIndex(of: $0)!) })
        }
        XCTAssertEqual(RowTally(codedColumns: coded), tally)
        // −0 is +0, and a value seen only in an excluded case is not in the dictionary.
        let signed = RowTally(columns: [[-0.0, 0, 7, 1], [1, 1, .nan, 2]])
        XCTAssertEqual(signed.columnValues, [[0, 1], [1, 2]])
        XCTAssertEqual(signed.counts, [2, 1])
        XCTAssertEqual(signed.columnValues[0][0].sign, .plus)
        XCTAssertEqual(RowTally.CodedColumn([2, .nan, -0.0, 2, 0.5]), RowTally.CodedColumn(values: [0, 0.5, 2], codes: [2, -1, 0, 2, 1]))
    }

    func testWideRowsTakeSeveralWordsAndBehaveTheSame() throws {
        // Six columns of up to 1,500 values: 11 bits each, 66 bits, two words per row.
        let data = columns(6000, seed: 2, valueCounts: [1500, 1500, 1500, 1500, 1500, 1500])
        let tally = RowTally(columns: data)
        XCTAssertEqual(tally.layout.wordsPerRow, 2)
        assertMatchesReference(tally, data)
        let parts = [0..<1000, 1000..<4500, 4500..<6000].map { range in RowTally(columns: data.map { Array($0[range]) }) }
        XCTAssertEqual(parts[2] + parts[0] + parts[1], tally)
        XCTAssertEqual(try JSONDecoder().decode(RowTally.self, from: JSONEncoder().encode(tally)), tally)
        // Duplicated cases: the same rows with doubled counts.
        let doubled = RowTally(columns: data.map { $0 + $0 })
        XCTAssertEqual(doubled.counts, tally.counts.map { 2 * $0 })
        XCTAssertEqual(doubled, tally + tally)
    }

    func testMergingTalliesWithDifferentDictionaries() throws {
        let a: [[Double]] = [[1, 3, 3, 1], [0, 1, 1, .nan]]
        let b: [[Double]] = [[2, 3, 5, 3, .nan], [2, 1, 2, 2, 1]]
        let whole = RowTally(columns: zip(a, b).map { $0 + $1 })
        assertMatchesReference(whole, zip(a, b).map { $0 + $1 })
        let (ta, tb) = (RowTally(columns: a), RowTally(columns: b))
        XCTAssertEqual(ta.columnValues, [[1, 3], [0, 1]])
        XCTAssertEqual(tb.columnValues, [[2, 3, 5], [1, 2]])
        XCTAssertEqual(ta + tb, whole)
        XCTAssertEqual(tb + ta, whole)
        XCTAssertEqual(whole.columnValues, [[1, 2, 3, 5], [0, 1, 2]])
        XCTAssertEqual(whole.counts, [1, 1, 3, 1, 1])
        XCTAssertEqual(whole.excluded, 2)
        // The tally of no complete case is the identity of the merge.
        let none = RowTally(columns: [[.nan, 1], [2, .nan]])
        XCTAssertEqual(none.rowCount, 0)
        XCTAssertEqual(none.columnValues, [[], []])
        XCTAssertEqual(none + whole, RowTally(columns: zip(zip(a, b).map { $0 + $1 }, [[.nan, 1], [2, .nan]]).map { $0 + $1 }))
        XCTAssertEqual(try JSONDecoder().decode(RowTally.self, from: JSONEncoder().encode(none)), none)
    }

    func testJSONIsReadableAndDecodingChecksTheInvariants() throws {
        let tally = RowTally(columns: [[2.5, 1, 2.5, 2.5], [0, 1, 0, 1]])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(tally), as: UTF8.self)
        XCTAssertEqual(json, #"{"columns":[[1,2.5],[0,1]],"excluded":0,"rows":["0 1: 1","1 0: 2","1 1: 1"]}"#)
        func rejects(_ text: String, _ reason: String, file: StaticString = #filePath, line: UInt = #line) {
            XCTAssertThrowsError(try JSONDecoder().decode(RowTally.self, from: Data(text.utf8)), file: file, line: line) { error in
                guard case let DecodingError.dataCorrupted(context) = error else { return XCTFail("\(error)", file: file, line: line) }
                XCTAssertTrue(context.debugDescription.contains(reason), context.debugDescription, file: file, line: line)
            }
        }
        rejects(#"{"columns":[[1,2.5],[0,1]],"excluded":0,"rows":["1 0: 2","0 1: 1"]}"#, "row 1 does not follow row 0")
        rejects(#"{"columns":[[1,2.5],[0,1]],"excluded":0,"rows":["0 1: 1","0 1: 2"]}"#, "ascending distinct rows")
        rejects(#"{"columns":[[1,2.5],[0,1]],"excluded":0,"rows":["0 2: 1","1 0: 2"]}"#, "code 2 in column 1, expected 0..<2")
        rejects(#"{"columns":[[1,2.5],[0,1]],"excluded":0,"rows":["0 1: 0","1 0: 2"]}"#, "row 0 has count 0")
        rejects(#"{"columns":[[1,2.5],[0,1,2]],"excluded":0,"rows":["0 1: 1","1 0: 2"]}"#, "column 1 lists 2.0, which no row uses")
        rejects(#"{"columns":[[2.5,1],[0,1]],"excluded":0,"rows":["0 1: 1","1 0: 2"]}"#, "column 0 lists 1.0 after 2.5")
        rejects(#"{"columns":[[1,2.5],[0,1]],"excluded":0,"rows":["0 1 1: 1"]}"#, #"row 0 is "0 1 1: 1", expected 2 codes, a colon and a count"#)
        rejects(#"{"columns":[[1,2.5],[0,1]],"excluded":-1,"rows":[]}"#, "-1 excluded cases")
        rejects(#"{"columns":[],"excluded":0,"rows":[]}"#, "at least one column")
    }
}
