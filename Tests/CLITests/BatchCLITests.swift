import Foundation
import XCTest

/// `paradox batch` and `paradox run` over several waves: a report per wave, the comparison, a failed
/// wave reported without stopping the others, and no progress output when stderr is not a terminal.
final class BatchCLITests: CLITestCase {
    static let waves = packageRoot.appendingPathComponent("Tests/Fixtures/waves")

    /// Wave 2 has a bad cell: exit 1, waves 1 and 3 written in full, the error (file, line, column)
    /// in the combined report, its JSON and on stderr; each wave's folder equals a run on that wave alone.
    func testMalformedWaveIsReportedAndTheOthersComplete() throws {
        let folder = try temporaryFolder()
        var lines = try String(contentsOf: Self.waves.appendingPathComponent("wave-2.csv"), encoding: .utf8).components(separatedBy: "\n")
        let column = try XCTUnwrap(lines[0].components(separatedBy: ",").firstIndex(of: "PC2"))
        var cells = lines[5].components(separatedBy: ",")
        cells[column] = "7"
        lines[5] = cells.joined(separator: ",")
        let bad = try write(lines.joined(separator: "\n"), to: "wave-2.csv", in: folder)
        let out = folder.appendingPathComponent("out")
        let outcome = try paradox(["batch", Self.waves.appendingPathComponent("waves.study.yml").path,
                                   Self.waves.appendingPathComponent("wave-1.csv").path, bad.path,
                                   Self.waves.appendingPathComponent("wave-3.csv").path, "--out", out.path])
        XCTAssertEqual(outcome.status, 1, outcome.stderr)
        let error = "\(bad.path):6, column \(column + 1) (PC2): value \"7\" is out of range (expected a whole number from 1 to 5 or a missing code (98, 99))"
        XCTAssertEqual(outcome.stderr, "paradox: error: \(error)\n", "only the error, no progress bar")

        let fileManager = FileManager.default
        XCTAssertEqual(try fileManager.contentsOfDirectory(atPath: out.appendingPathComponent("waves").path).sorted(), ["wave-1", "wave-3"])
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("3 waves, 2 analysed."), report)
        XCTAssertTrue(report.contains("Wave wave-2 failed and has no report: \(error)"), report)
        XCTAssertTrue(report.contains("| wave-2 | \(bad.path) |  | failed (no report) |"), report)
        XCTAssertTrue(report.contains("*Change from wave-1 to wave-3: Scale Scores*"), report)
        XCTAssertTrue(report.contains("| privacy_concern | wave-3 | 360 | 4.18 | 0.60 | 4.12 | 4.25 |"), report)
        let json = try self.json(String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))
        let statuses = try XCTUnwrap(json["waves"] as? [[String: Any]])
        XCTAssertEqual(statuses.map { $0["error"] as? String }, [nil, error, nil])
        XCTAssertEqual(json["change_to"] as? String, "wave-3")
        for file in ["report.html", "tables.tex", "csv/01_waves.csv", "csv/04_scale_change.csv"] {
            XCTAssertTrue(fileManager.fileExists(atPath: out.appendingPathComponent(file).path), file)
        }
        let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Mean Privacy concern by wave</title>"), "figure of the means by wave")
        XCTAssertTrue(fileManager.fileExists(atPath: out.appendingPathComponent("figures/01_scale_means_privacy_concern.svg").path), "figure of the means by wave")

        // A run of the study on wave 1 alone writes what the batch wrote for wave 1, byte for byte
        // (the study file copied three folders below a copy of Codebooks/, so that it reads the same).
        let nested = folder.appendingPathComponent("a/b/c")
        try fileManager.createDirectory(at: nested, withIntermediateDirectories: true)
        try fileManager.createDirectory(at: folder.appendingPathComponent("Codebooks"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: Self.packageRoot.appendingPathComponent("Codebooks/privacy-paradox.codebook.yml"),
                                 to: folder.appendingPathComponent("Codebooks/privacy-paradox.codebook.yml"))
        let study = try String(contentsOf: Self.waves.appendingPathComponent("waves.study.yml"), encoding: .utf8)
            .replacingOccurrences(of: "data: wave-*.csv", with: "data: \(Self.waves.appendingPathComponent("wave-1.csv").path)")
        let alone = folder.appendingPathComponent("alone")
        let single = try paradox(["run", try write(study, to: "one.study.yml", in: nested).path, "--out", alone.path])
        XCTAssertEqual(single.status, 0, single.stderr)
        let waveOne = out.appendingPathComponent("waves/wave-1")
        let files = try fileManager.subpathsOfDirectory(atPath: alone.path).sorted().filter { $0 != ".paradox-output" }  // OUT's alone
        XCTAssertEqual(try fileManager.subpathsOfDirectory(atPath: waveOne.path).sorted(), files)
        for path in files where path.contains(".") {
            XCTAssertEqual(try Data(contentsOf: waveOne.appendingPathComponent(path)), try Data(contentsOf: alone.appendingPathComponent(path)), path)
        }
    }

    /// `paradox run` on a study whose data entry is a glob runs the batch; stderr (a pipe here, not a
    /// terminal) stays empty: no progress bar.
    func testRunOverGlobWritesBatchAndNoProgressWithoutTerminal() throws {
        let out = try temporaryFolder().appendingPathComponent("out")
        let outcome = try paradox(["run", Self.waves.appendingPathComponent("waves.study.yml").path, "--out", out.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "")
        XCTAssertTrue(outcome.stdout.hasPrefix("Wrote "), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("3 of 3 waves analysed"), outcome.stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("waves").path).sorted(),
                       ["wave-1", "wave-2", "wave-3"])
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("| privacy_concern | 0.83 | 2 | 897 | .435 | 0.81 | 557.56 | .446 | .00 | .00 |"), report)
    }

    func testQuietIsAcceptedAndBatchNeedsAnOutputFolder() throws {
        let outcome = try paradox(["batch", Self.waves.appendingPathComponent("waves.study.yml").path])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("--out"), outcome.stderr)
        let out = try temporaryFolder().appendingPathComponent("out")
        let quiet = try paradox(["batch", Self.waves.appendingPathComponent("waves.study.yml").path,
                                 Self.waves.appendingPathComponent("wave-1.csv").path, "--out", out.path, "--quiet"])
        XCTAssertEqual(quiet.status, 0, quiet.stderr)
        XCTAssertEqual(quiet.stderr, "")
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("Fewer than two waves were analysed, so the waves are not compared."), report)
    }
}
