import XCTest
@testable import Thematic

final class SegmentTableTests: XCTestCase {
    private let answers = FixtureFiles.url("segments/open-answers.csv")

    func testRowsAreSegmentsWithTheirOwnIDsAndAttributes() throws {
        let result = try ThematicAnalysis.run(transcripts: [answers], codebook: FixtureFiles.url("codebooks/mini.yml"))
        XCTAssertEqual(result.segments.map(\.segment.id), ["R1", "R3"])  // R2 has no text
        XCTAssertEqual(result.segments.map(\.segment.participantID), ["P1", "P1"])
        XCTAssertEqual(result.segments[0].themeIDs, ["communication", "consent"])
        XCTAssertEqual(result.participants.map(\.id), ["P1"])
        XCTAssertEqual(result.participants[0]["age_group"], "18-29")
    }

    func testParagraphUnitNumbersPartsOfARow() throws {
        let result = try ThematicAnalysis.run(transcripts: [answers], codebook: FixtureFiles.url("codebooks/mini.yml"), unit: .paragraph)
        XCTAssertEqual(result.segments.map(\.segment.id), ["R1-001", "R3-001", "R3-002"])
    }

    func testMissingTextColumnAndDuplicateIDsAreErrors() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let noText = folder.appendingPathComponent("a.csv")
        try "id,answer\n1,hello\n".write(to: noText, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SegmentTable.read(contentsOf: noText)) { error in
            XCTAssertEqual(error as? CSVError, .missingColumn(file: noText.path, expected: "'text' holding each segment's words"))
        }
        let duplicate = folder.appendingPathComponent("b.csv")
        try "id,text\n1,hello\n1,again\n".write(to: duplicate, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try SegmentTable.read(contentsOf: duplicate)) { error in
            XCTAssertEqual(error as? CSVError, .malformed(file: duplicate.path, line: 3, expected: "a unique segment id ('1' is on line 2 too)"))
        }
    }
}
