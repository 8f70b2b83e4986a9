import Foundation
import XCTest
@testable import SurveyData

/// The block loader gives the same dataset as the sequential reader, and errors still name the
/// exact line when they sit deep in a file read in blocks.
final class ParallelLoadTests: XCTestCase {
    let codebook = Codebook(title: "t", variables: [
        Variable(name: "id", label: "ID", kind: .id),
        Variable(name: "q1", label: "Q1", kind: .likert(LikertScale(range: 1...5)),
                 missingCodes: [MissingCode(value: 98, label: "Don't know"), MissingCode(value: 99, label: "Refused")]),
        Variable(name: "q2", label: "Q2", kind: .likert(LikertScale(range: 0...10))),
        Variable(name: "group", label: "Group", kind: .categorical(levels: [Level(value: "a", label: "Alpha"), Level(value: "b", label: "Beta")], reference: 0),
                 missingCodes: [MissingCode(value: 99, label: "Refused")]),
        Variable(name: "age", label: "Age", kind: .numeric, missingCodes: [MissingCode(value: -99, label: "No answer")]),
    ])

    /// About 3 MB of rows (several chunks): blanks, NA, missing codes, two-digit answers, CRLF, blank lines.
    func wave(rows: Int, lineEnd: String = "\n", row: (Int) -> String? = { _ in nil }) -> [UInt8] {
        var text = "id,q1,q2,group,extra,age" + lineEnd
        for i in 1...rows {
            if let custom = row(i) { text += custom + lineEnd; continue }
            let q1 = ["1", "2", "3", "4", "5", "", "98", "99", "NA", " 4 "][i % 10]
            let q2 = String(i % 11)
            let group = ["a", "b", "Alpha", "Beta", "", "99"][i % 6]
            let age = i % 13 == 0 ? "-99" : i % 17 == 0 ? "" : String(Double(i % 80) + 18.5)
            text += "R\(i),\(q1),\(q2),\(group),x,\(age)" + lineEnd
            if i % 5000 == 0 { text += lineEnd }
        }
        return Array(text.utf8)
    }

    func testChunkedReadEqualsSequentialRead() throws {
        for lineEnd in ["\n", "\r\n"] {
            let reader = try CSVReader(bytes: wave(rows: 120_000, lineEnd: lineEnd), file: "wave.csv")
            let parallel = try Dataset.load(reader: reader, codebook: codebook, concurrency: 4)
            let sequential = try Dataset.loadSequentially(reader: reader, codebook: codebook)
            XCTAssertEqual(parallel.rowCount, 120_000)
            assertSame(parallel, sequential)
            guard case .likert(let q1) = parallel.columns[1].values else { return XCTFail("q1 is Likert") }
            let m = LikertValues.missing
            XCTAssertEqual(q1.codes[0..<10], [2, 3, 4, 5, m, m, m, m, 4, 1])  // rows 1…10 cycle from index 1
            XCTAssertEqual(parallel.columns[1].missing.userMissing.map(\.count), [12_000, 12_000])
        }
    }

    func testTheFastPathIsTakenForAPlainFile() throws {
        let bytes = wave(rows: 1_000)
        let header = try XCTUnwrap(CSVReader.plainFirstLine(of: bytes, from: 0, delimiter: UInt8(ascii: ",")))
        let plans = header.fields.map { ColumnPlan(codebook.variable(named: $0), delimiter: UInt8(ascii: ",")) }
        let data = Array(bytes[header.end...]) + [UInt8](repeating: 0, count: 8)
        let chunk = data.withUnsafeBufferPointer {
            ChunkParser.parse($0.baseAddress!, count: data.count - 8, lines: 1_000, plans: plans, delimiter: UInt8(ascii: ","), keepingText: true)
        }
        XCTAssertEqual(chunk?.rows, 1_000)
    }

    /// Row 99,000 is on line 99,020: after the header and the blank line after every 5,000th row.
    func testErrorsDeepInAChunkedFileNameTheirLine() throws {
        let cases: [(String, String)] = [
            ("R99000,7,3,a,x,20", "wave.csv:99020, column 2 (q1): value \"7\" is out of range (expected a whole number from 1 to 5 or a missing code (98, 99))"),
            ("R99000,3,3,c,x,20", "wave.csv:99020, column 4 (group): value \"c\" is not a level of this variable (expected one of: a, b)"),
            ("R99000,3,3,a,x", "wave.csv:99020: the row has 5 fields (expected 6, as in the header)"),
            ("R5,3,3,a,x,20", "wave.csv:99020, column 1 (id): respondent ID \"R5\" appears again (first on line 6; expected unique IDs)"),
        ]
        for (row, message) in cases {
            let bytes = wave(rows: 120_000) { $0 == 99_000 ? row : nil }
            XCTAssertThrowsError(try Dataset.load(reader: CSVReader(bytes: bytes, file: "wave.csv"), codebook: codebook, concurrency: 4)) {
                XCTAssertEqual("\($0)", message)
            }
        }
    }

    func testProgressReachesTheFileSize() throws {
        let bytes = wave(rows: 50_000)
        final class Box: @unchecked Sendable { var last = 0; let lock = NSLock() }
        let box = Box()
        _ = try Dataset.load(reader: CSVReader(bytes: bytes, file: "wave.csv"), codebook: codebook, concurrency: 2) { read, total in
            box.lock.lock(); box.last = max(box.last, read); box.lock.unlock()
            XCTAssertEqual(total, bytes.count)
        }
        XCTAssertEqual(box.last, bytes.count)
    }
}
