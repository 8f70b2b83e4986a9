import Foundation
import TestSupport
import XCTest
import Simulation
@testable import Study
import SurveyData
import SurveyStats

/// Issue 16, point 5: merging summaries is commutative and associative, and any split of a wave into
/// parts — random cut points, empty parts included — merges to the one-pass result. Parts go through
/// the files `paradox merge` reads (encoded, read back and checked by
/// ``WaveSummaryFile/merged(_:expecting:)``); results are compared number by number (1e-12
/// relative: co-moments merge with rounding, counts and tallies exactly). Seeded, so a failure
/// reproduces.
final class WaveSummaryMergePropertyTests: XCTestCase {
    var folder: URL!
    var identity: SummaryIdentity!
    var header: Substring = ""
    var lines: [Substring] = []
    var onePass: WaveResult!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("merge-property-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        identity = try SummaryIdentity(StudyPlan.load(from: WaveSummaryFileTests.study))
        let all = try String(contentsOf: identity.plan.data[0].url, encoding: .utf8).split(separator: "\n")
        header = all[0]
        lines = Array(all.dropFirst())
        onePass = try StudyRunner.run(identity.plan).waves[0]
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// The summary file of data rows `rows` (0-based), as `paradox summarize` makes it from a part
    /// file; none: the summary of no rows (with an empty list of ID hashes).
    func part(_ rows: Range<Int>) throws -> URL {
        let name = UUID().uuidString
        let file: WaveSummaryFile
        if rows.isEmpty {
            let codebook = identity.codebook
            var summary = try WaveSummary(plan: identity.plan.analyses, dataset: Dataset(noRowsOf: codebook, file: "empty.csv"), codebook: codebook)
            summary[RespondentIDAnalysis.self] = RespondentIDHashes(columns: codebook.variables.filter { $0.kind == .id }.map { .init(name: $0.name, summary: RespondentHashes(sorted: [])) })
            file = WaveSummaryFile(identity: identity, parts: ["rows \(rows)"], summary: summary)
        } else {
            let csv = folder.appendingPathComponent("\(name).csv")
            try (([header] + lines[rows]).joined(separator: "\n") + "\n").write(to: csv, atomically: true, encoding: .utf8)
            file = try StudyRunner.summarize(identity, part: FileReference(written: csv.path, relativeTo: folder))
        }
        let url = folder.appendingPathComponent("\(name).summary.json")
        try file.encoded().write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// The merge of `urls` in order, written as `paradox merge --summary` writes it.
    func merged(_ urls: [URL]) throws -> URL {
        let url = folder.appendingPathComponent("\(UUID().uuidString).summary.json")
        try XCTUnwrap(WaveSummaryFile.merged(urls, expecting: identity)).encoded().write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func result(_ urls: [URL]) throws -> WaveResult {
        try StudyRunner.analyse(identity, merged: XCTUnwrap(WaveSummaryFile.merged(urls, expecting: identity))).waves[0]
    }

    /// `count` sorted cut points in 0...200 (repeats give empty parts).
    func cuts(_ count: Int, _ generator: inout SplitMix64) -> [Int] {
        (0..<count).map { _ in Int(generator.next() % 201) }.sorted()
    }

    func testAnySplitMergesToTheOnePassResult() throws {
        var generator = SplitMix64(seed: 16)
        for _ in 0..<6 {
            let points = [0] + cuts(Int(generator.next() % 6), &generator) + [200]
            var parts = try zip(points, points.dropFirst()).map { try part($0..<$1) }
            if generator.next() % 2 == 0 { parts.append(try part(0..<0)) }   // an empty part at the end too
            try assertSameNumbers(try result(parts), onePass, relative: 1e-12, looser: iterativeFitTolerances)
            XCTAssertEqual(try result(parts).dataQuality.rows, 200)
        }
    }

    func testMergeIsCommutativeAndAssociative() throws {
        var generator = SplitMix64(seed: 13)
        for _ in 0..<4 {
            let points = cuts(2, &generator)
            let (a, b, c) = (try part(0..<points[0]), try part(points[0]..<points[1]), try part(points[1]..<200))
            let abc = try result([a, b, c])
            try assertSameNumbers(try result([c, a, b]), abc, relative: 1e-12, looser: iterativeFitTolerances)
            try assertSameNumbers(try result([b, c, a]), abc, relative: 1e-12, looser: iterativeFitTolerances)
            // (a + b) + c and a + (b + c), through merged summary files.
            try assertSameNumbers(try result([merged([a, b]), c]), abc, relative: 1e-12, looser: iterativeFitTolerances)
            try assertSameNumbers(try result([a, merged([b, c])]), abc, relative: 1e-12, looser: iterativeFitTolerances)
            try assertSameNumbers(abc, onePass, relative: 1e-12, looser: iterativeFitTolerances)
        }
    }
}
