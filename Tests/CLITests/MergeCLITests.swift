import Foundation
import XCTest

/// `paradox summarize` on parts of the bundled wave and `paradox merge` of their summaries give the
/// report of the whole wave (issue 6, point 5).
final class MergeCLITests: CLITestCase {
    static let study = packageRoot.appendingPathComponent("Codebooks/privacy-paradox.study.yml").path

    /// The bundled wave cut into files of `sizes` rows each, every one with the header line.
    func parts(_ sizes: [Int], in folder: URL) throws -> [URL] {
        let lines = try String(contentsOf: Self.packageRoot.appendingPathComponent("Data/wave1.csv"), encoding: .utf8)
            .split(separator: "\n")
        var start = 1
        return try sizes.enumerated().map { index, size in
            defer { start += size }
            return try write(([lines[0]] + lines[start..<(start + size)]).joined(separator: "\n") + "\n", to: "part\(index + 1).csv", in: folder)
        }
    }

    func testMergedPartsReproduceTheOnePassReport() throws {
        let folder = try temporaryFolder()
        let summaries = try parts([1, 120, 79], in: folder).map { part -> String in
            let summary = part.deletingPathExtension().path + ".summary.json"
            let outcome = try paradox(["summarize", Self.study, part.path, "--out", summary])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            return summary
        }
        let merged = folder.appendingPathComponent("merged")
        let outcome = try paradox(["merge", Self.study] + summaries + ["--out", merged.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("7 of 7 published results reproduced"), outcome.stdout)
        // The APA report rounds every number, so it equals the one-pass report (golden) exactly.
        XCTAssertEqual(try String(contentsOf: merged.appendingPathComponent("report.md"), encoding: .utf8),
                       try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Golden/bundled-study/report.md"), encoding: .utf8))
        let results = try json(String(contentsOf: merged.appendingPathComponent("results.json"), encoding: .utf8))
        let wave = try XCTUnwrap((results["waves"] as? [[String: Any]])?.first)
        XCTAssertEqual((wave["data_quality"] as? [String: Any])?["rows"] as? Int, 200)
    }

    /// Issue 13, point 7: shards of the wave's file, no splitting; the shard index is 1-based.
    func testShardsOfTheWaveReproduceTheOnePassReport() throws {
        let folder = try temporaryFolder()
        let wave = Self.packageRoot.appendingPathComponent("Data/wave1.csv").path
        let summaries = try (1...3).map { index -> String in
            let summary = folder.appendingPathComponent("part-\(index).summary.json").path
            let outcome = try paradox(["summarize", Self.study, wave, "--shard", "\(index)/3", "--out", summary])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            XCTAssertTrue(outcome.stdout.hasPrefix("Summarised "), outcome.stdout)
            XCTAssertTrue(outcome.stdout.contains(" rows of \(wave)#\(index)/3 into \(summary)."), outcome.stdout)
            return summary
        }
        let merged = folder.appendingPathComponent("merged")
        let outcome = try paradox(["merge", Self.study] + summaries + ["--out", merged.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try String(contentsOf: merged.appendingPathComponent("report.md"), encoding: .utf8),
                       try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Golden/bundled-study/report.md"), encoding: .utf8))

        // The same shard twice: refused at the merge, naming both files.
        let twice = try paradox(["merge", Self.study, summaries[0], summaries[1], summaries[0], "--out", folder.appendingPathComponent("twice").path])
        XCTAssertEqual(twice.status, 1)
        XCTAssertTrue(twice.stderr.hasPrefix("paradox: error: \(summaries[0]): "), twice.stderr)
        XCTAssertTrue(twice.stderr.contains(" respondent IDs of respondent_id are also in \(summaries[0]) (expected each respondent"), twice.stderr)

        for bad in ["0/3", "4/3", "1/0", "1"] {
            let refused = try paradox(["summarize", Self.study, wave, "--shard", bad, "--out", folder.appendingPathComponent("x.json").path])
            XCTAssertEqual(refused.status, 64, bad)
            XCTAssertTrue(refused.stderr.contains("The value '\(bad)' is invalid for '--shard <i/N>'"), refused.stderr)
        }
    }

    func testBadSummaryFilesAreNamed() throws {
        let folder = try temporaryFolder()
        let notJSON = try write("id,q1\n", to: "part.summary.json", in: folder)
        var outcome = try paradox(["merge", Self.study, notJSON.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("part.summary.json: not JSON"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))

        let other = try write(#"{"format": "paradox-wave-summary", "version": 8, "study": "Another study", "plan_sha256": "0", "parts": ["p.csv"], "summary": {}}"#,
                              to: "other.json", in: folder)
        outcome = try paradox(["merge", Self.study, other.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("other.json: not a Paradox wave summary: missing 'rows' at .summary"), outcome.stderr)

        // A summary of the first format version, whose regressions were stored differently.
        let old = try write(#"{"format": "paradox-wave-summary", "version": 1, "study": "x", "part": "p.csv", "summary": {"regressions": [{"rows": [[1, 2]]}]}}"#,
                            to: "old.json", in: folder)
        outcome = try paradox(["merge", Self.study, old.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("old.json: format 'paradox-wave-summary' version 1 (expected 'paradox-wave-summary' version 8)"),
                      outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// Issue 16: a crafted summary (a negative row count, which was reported as "96 respondents")
    /// is refused before anything is merged or written: exit 1, the file, the key, what was expected.
    func testCraftedSummaryIsRefused() throws {
        let folder = try temporaryFolder()
        let part = try parts([100], in: folder)[0]
        let summary = folder.appendingPathComponent("part.summary.json")
        XCTAssertEqual(try paradox(["summarize", Self.study, part.path, "--out", summary.path]).status, 0)
        let text = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertTrue(text.contains(#""rows":100,"#))
        let crafted = try write(text.replacingOccurrences(of: #""rows":100,"#, with: #""rows":-5,"#), to: "crafted.summary.json", in: folder)
        let outcome = try paradox(["merge", Self.study, summary.path, crafted.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "paradox: error: \(crafted.path): at summary.rows: expected 0 or more rows, found -5\n")
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// `merge --summary` writes the merged summary, which merges again with further parts.
    func testMergedSummariesMergeAgain() throws {
        let folder = try temporaryFolder()
        let summaries = try parts([60, 70, 70], in: folder).map { part -> String in
            let summary = part.deletingPathExtension().path + ".summary.json"
            XCTAssertEqual(try paradox(["summarize", Self.study, part.path, "--out", summary]).status, 0)
            return summary
        }
        let firstTwo = folder.appendingPathComponent("first-two.summary.json").path
        var outcome = try paradox(["merge", Self.study, summaries[0], summaries[1], "--summary", firstTwo])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "Merged 130 rows of 2 parts into \(firstTwo).\n")
        outcome = try paradox(["merge", Self.study, firstTwo, summaries[2], "--out", folder.appendingPathComponent("merged").path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("merged/report.md"), encoding: .utf8),
                       try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/Golden/bundled-study/report.md"), encoding: .utf8))
    }

    func testPartWithABadCellIsNamedByLine() throws {
        let folder = try temporaryFolder()
        let part = try parts([5], in: folder)[0]
        var lines = try String(contentsOf: part, encoding: .utf8).split(separator: "\n").map(String.init)
        let header = lines[0].split(separator: ",")
        let column = try XCTUnwrap(header.firstIndex(of: "PC1"))
        var cells = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[column] = "7"
        lines[3] = cells.joined(separator: ",")
        try (lines.joined(separator: "\n") + "\n").write(to: part, atomically: true, encoding: .utf8)
        let outcome = try paradox(["summarize", Self.study, part.path, "--out", folder.appendingPathComponent("p.json").path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("part1.csv:4, column \(column + 1) (PC1)"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("p.json").path))
    }
}
