import Foundation
import TestSupport
import XCTest
@testable import Study
import SurveyData

/// Issue 13, point 7: `paradox summarize STUDY WAVE --shard i/N` reads shard i of N of the wave's
/// file; the summaries of shards 1…N, merged as `paradox merge` merges them, give the one-pass
/// results, for any N (also more shards than rows); respondents in two summaries are refused at
/// the merge; a shard's errors name the real file and line; quotes in a shard are refused.
final class ShardSummaryTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let study = root.appendingPathComponent("Codebooks/privacy-paradox.study.yml")

    var folder: URL!
    var identity: SummaryIdentity!
    var wave: String = ""

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("shard-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        identity = try SummaryIdentity(StudyPlan.load(from: Self.study))
        wave = try String(contentsOf: identity.plan.data[0].url, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The summary files of shards 1…`count` of `data`, as `paradox summarize --shard` writes them.
    func shardSummaries(of data: URL, count: Int) throws -> [URL] {
        try (1...count).map { index in
            let file = try StudyRunner.summarize(identity, part: FileReference(written: data.path, relativeTo: folder),
                                                 shard: XCTUnwrap(DataShard(index: index, count: count)))
            XCTAssertEqual(file.parts, ["\(data.path)#\(index)/\(count)"])
            let url = folder.appendingPathComponent("part-\(count)-\(index).summary.json")
            try file.encoded().write(to: url, atomically: true, encoding: .utf8)
            return url
        }
    }

    /// `paradox merge`'s calls on the shards' summary files.
    func merged(_ urls: [URL]) throws -> (rows: [Int], result: StudyResult) {
        let rows = try urls.map { try WaveSummaryFile.read($0, expecting: identity).summary.rows }
        guard let merged = try WaveSummaryFile.merged(urls, expecting: identity) else { throw XCTSkip("no files") }
        return (rows, try StudyRunner.analyse(identity, merged: merged))
    }

    func write(_ text: String, _ name: String) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testShardsMergeToTheOnePassResults() throws {
        let onePass = try StudyRunner.run(identity.plan)
        // 210 > 200 rows: shards without a line give the summary of no rows.
        for count in [1, 2, 3, 7, 210] {
            let (rows, fromShards) = try merged(shardSummaries(of: identity.plan.data[0].url, count: count))
            XCTAssertEqual(rows.reduce(0, +), 200, "\(count) shards")
            if count == 210 { XCTAssertTrue(rows.contains(0)) }
            try assertSameNumbers(fromShards.waves, onePass.waves, relative: 1e-12, looser: iterativeFitTolerances)
        }
    }

    /// A header in quotes (as R's write.csv writes it) is read by the sequential reader; the
    /// shards of such a file tile it too.
    func testShardsOfAFileWithAQuotedHeader() throws {
        let lines = wave.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[0].split(separator: ",").map { "\"\($0)\"" }.joined(separator: ",")
        let data = try write(([header] + lines.dropFirst().map(String.init)).joined(separator: "\n"), "quoted-header.csv")
        let onePass = try StudyRunner.run(identity.plan)
        for count in [3, 205] {
            let (rows, fromShards) = try merged(shardSummaries(of: data, count: count))
            XCTAssertEqual(rows.reduce(0, +), 200)
            try assertSameNumbers(fromShards.waves, onePass.waves, relative: 1e-12, looser: iterativeFitTolerances)
        }
    }

    func testRespondentsInTwoShardsAreRefusedAtTheMerge() throws {
        // The first row again at the end: in shard 1 and in shard 2 of 2.
        var lines = wave.split(separator: "\n")
        lines.append(lines[1])
        let data = try write(lines.joined(separator: "\n") + "\n", "repeated.csv")
        let summaries = try shardSummaries(of: data, count: 2)
        XCTAssertThrowsError(try merged(summaries)) { error in
            XCTAssertEqual(error as? RepeatedRespondentsError,
                           RepeatedRespondentsError(file: summaries[1].path, earlierFile: summaries[0].path, column: "respondent_id", count: 1))
            XCTAssertEqual("\(error)", "\(summaries[1].path): 1 respondent ID of respondent_id is also in \(summaries[0].path) "
                           + "(expected each respondent in one summary only: do parts or shards overlap, or was one summarised twice?)")
        }
        // Every respondent of the first shard again: all counted.
        let whole = try shardSummaries(of: identity.plan.data[0].url, count: 1)
        XCTAssertThrowsError(try merged([summaries[0], whole[0]])) { error in
            XCTAssertEqual((error as? RepeatedRespondentsError)?.count, 100)
        }
    }

    func testErrorsInAShardNameTheFileAndItsLine() throws {
        var lines = wave.split(separator: "\n").map(String.init)
        let fields = lines[150].split(separator: ",", omittingEmptySubsequences: false)
        let column = try XCTUnwrap(lines[0].split(separator: ",").firstIndex(of: "PC1"))
        lines[150] = fields.enumerated().map { $0.offset == column ? "x" : String($0.element) }.joined(separator: ",")
        let data = try write(lines.joined(separator: "\n") + "\n", "bad.csv")
        // Line 151 of the file lies in shard 3 of 4 (the file's lines are about equally long).
        XCTAssertThrowsError(try shardSummaries(of: data, count: 4)) { error in
            let error = error as? DataError
            XCTAssertEqual(error?.file, data.path)
            XCTAssertEqual(error?.line, 151)
            XCTAssertEqual(error?.columnName, "PC1")
        }
    }

    func testAQuoteInAShardIsRefused() throws {
        var lines = wave.split(separator: "\n").map(String.init)
        let id = try XCTUnwrap(lines[180].split(separator: ",").first)
        lines[180] = "\"\(id)\"" + lines[180].dropFirst(id.count)
        let data = try write(lines.joined(separator: "\n") + "\n", "quoted.csv")
        XCTAssertNoThrow(try StudyRunner.summarize(identity, part: FileReference(written: data.path, relativeTo: folder), shard: DataShard(index: 1, count: 2)))
        XCTAssertThrowsError(try StudyRunner.summarize(identity, part: FileReference(written: data.path, relativeTo: folder),
                                                       shard: DataShard(index: 2, count: 2))) { error in
            XCTAssertEqual(error as? DataError, DataError(file: data.path, line: 181, kind: .quoteInShard))
        }
        // Read whole, the file is fine.
        XCTAssertNoThrow(try StudyRunner.summarize(identity, part: FileReference(written: data.path, relativeTo: folder)))
    }
}
