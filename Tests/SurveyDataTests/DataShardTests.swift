import XCTest
@testable import SurveyData

/// The cuts of ``DataShard``: shards 1…N of a file tile its data lines exactly.
final class DataShardTests: XCTestCase {
    func testParsing() {
        XCTAssertEqual(DataShard("2/5"), DataShard(index: 2, count: 5))
        for bad in ["0/5", "6/5", "1/0", "-1/3", "1/", "/3", "1/3/4", "a/b", "", "1"] { XCTAssertNil(DataShard(bad), bad) }
    }

    func testShardsTileTheDataLines() throws {
        // Lines of different lengths; the header ends at byte 6.
        let text = "id,x\r\n" + (1...37).map { "\($0),\(String(repeating: "7", count: $0 % 5))\n" }.joined()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let bytes = Array(text.utf8)
        for count in [1, 2, 3, 5, 36, 37, 38, 100] {
            var data: [UInt8] = []
            for index in 1...count {
                let source = try CSVSource(contentsOf: url, delimiter: nil, shard: DataShard(index: index, count: count))
                let virtual = try source.prefix(source.size)
                XCTAssertEqual(Array(virtual.prefix(6)), Array("id,x\r\n".utf8))
                let lines = virtual.dropFirst(6)
                XCTAssertTrue(lines.isEmpty || lines.last == CSVReader.newline, "\(index)/\(count)")
                data += lines
            }
            XCTAssertEqual(data, Array(bytes.dropFirst(6)), "\(count) shards")
        }
    }

    /// Lines ended by a lone CR have no LF to cut at: the first shard holds them all.
    func testLinesEndedByCROnlyAreAllInTheFirstShard() throws {
        let text = "id,x\r1,2\r2,3\r3,4\r"
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("shards-\(UUID().uuidString).csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let shards = try (1...3).map { index in
            let source = try CSVSource(contentsOf: url, delimiter: nil, shard: DataShard(index: index, count: 3))
            return String(decoding: try source.prefix(source.size), as: UTF8.self)
        }
        XCTAssertEqual(shards, [text, "id,x\r", "id,x\r"])
    }
}
