import Foundation
import XCTest

/// Output as a transaction (issue 16, points 3 and 4): names sanitised and kept inside --out, the
/// previous report untouched by a failure or a kill, no stale or temporary files, human errors.
final class OutputCLITests: CLITestCase {
    static let codebook = packageRoot.appendingPathComponent("Codebooks/privacy-paradox.codebook.yml").path
    static let wave = packageRoot.appendingPathComponent("Data/wave1.csv").path

    /// A study on the bundled codebook and wave (absolute paths) with these analyses.
    func study(_ analyses: String, title: String = "T", in folder: URL, name: String = "study.yml") throws -> String {
        try write("title: \(title)\ncodebook: \(Self.codebook)\ndata: \(Self.wave)\nanalyses:\n\(analyses)", to: name, in: folder).path
    }

    /// Every file and folder below `folder` (hidden ones too) with its bytes (folders: none).
    func tree(_ folder: URL) throws -> [String: Data] {
        var tree: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            tree[path] = isFolder.boolValue ? Data() : try Data(contentsOf: url)
        }
        return tree
    }

    func temporaries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".paradox-tmp-") }
    }

    /// FileName.maximumBytes (this target does not import Reporting).
    enum FileNameLimit { static let bytes = 120 }

    /// Names that lead elsewhere, are 300 characters long or differ only in case become file names
    /// inside --out: nothing is written beside it, every name is one bounded component.
    func testNamesAreSanitisedAndStayInsideOut() throws {
        let folder = try temporaryFolder()
        let long = String(repeating: "é", count: 300)
        let path = try study("""
              descriptives: [privacy_concern]
              regressions:
                - {name: "../../escaped", dependent: privacy_concern, predictors: [transparency]}
                - {name: "\(long)", dependent: privacy_concern, predictors: [transparency]}
                - {name: "Model", dependent: privacy_concern, predictors: [transparency]}
                - {name: "model", dependent: privacy_concern, predictors: [transparency]}
              anovas:
                - {name: ".hidden", dependent: trust, factor: age_group}

            """, in: folder)
        let out = folder.appendingPathComponent("out")
        let outcome = try paradox(["run", path, "--out", out.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["out", "study.yml"])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.deletingLastPathComponent().appendingPathComponent("escaped").path))
        let csv = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("csv").path).sorted()
        let bounded = String(repeating: "é", count: (FileNameLimit.bytes - "regression_".utf8.count) / 2)
        XCTAssertEqual(Array(csv.suffix(10)), [
            "49_correlations.csv", "50_regression_______escaped.csv", "51_regression_\(bounded).csv",
            "52_regression_Model.csv", "53_regression_model_2.csv", "54_anova_.hidden_groups.csv", "55_anova_.hidden.csv",
            "56_anova_.hidden_assumptions.csv", "57_anova_.hidden_tukey.csv", "58_anova_.hidden_games_howell.csv",
        ])
        for name in csv { XCTAssertLessThanOrEqual(name.utf8.count, 255, name) }
    }

    /// A wave file named `...csv` gets its own folder below waves/, not the comparison's.
    func testWaveNamedDotsStaysInWaves() throws {
        let folder = try temporaryFolder()
        let waves = BatchCLITests.waves
        try FileManager.default.copyItem(at: waves.appendingPathComponent("wave-1.csv"), to: folder.appendingPathComponent("...csv"))
        let out = folder.appendingPathComponent("out")
        let outcome = try paradox(["batch", waves.appendingPathComponent("waves.study.yml").path, "...csv",
                                   waves.appendingPathComponent("wave-2.csv").path, "--out", out.path], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("waves").path).sorted(), ["__", "wave-2"])
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("| .. | ...csv | 240 | waves/__/ |"), report)
        XCTAssertTrue(report.contains("Comparison of Waves"), "the comparison is in out/report.md")
    }

    /// A run that fails while writing (files over a 100 kB size limit) leaves the previous report
    /// exactly as it was and no temporary folder, and says why in words.
    func testFailureWhileWritingKeepsThePreviousReport() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("out")
        XCTAssertEqual(try paradox(["run", "--out", out.path]).status, 0)
        let before = try tree(out)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -f 100; trap '' XFSZ; exec \"$0\" run --out \"$1\"", binary.path, out.path]
        process.currentDirectoryURL = Self.packageRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        // The first file over the limit in writing order (report.docx or results.json) names the error.
        XCTAssertTrue(stderr.hasPrefix("paradox: error: cannot write \(out.path)/"), stderr)
        XCTAssertTrue(stderr.hasSuffix(": the file is larger than the system allows (file size limit)\n"), stderr)
        XCTAssertEqual(stderr.components(separatedBy: "\n").count, 2, "one line")
        XCTAssertEqual(try tree(out), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["out"])
    }

    /// A smaller plan run into the folder of a larger one leaves exactly its own files.
    func testSmallerPlanLeavesNoStaleFiles() throws {
        let folder = try temporaryFolder()
        let small = try study("  descriptives: [privacy_concern]\n", in: folder)
        let out = folder.appendingPathComponent("out"), fresh = folder.appendingPathComponent("fresh")
        XCTAssertEqual(try paradox(["run", "--out", out.path]).status, 0)
        let large = try tree(out)
        XCTAssertEqual(try paradox(["run", small, "--out", out.path]).status, 0)
        XCTAssertEqual(try paradox(["run", small, "--out", fresh.path]).status, 0)
        XCTAssertEqual(try tree(out), try tree(fresh))
        let removed = Set(large.keys).subtracting(try tree(out).keys)
        XCTAssertTrue(["_theme_exemplars.csv", "_coder_agreement.csv"].allSatisfy { name in removed.contains { $0.hasSuffix(name) } },
                      "\(removed.sorted().suffix(5))")
    }

    /// `--out ''` is an error for every command that writes, and nothing is written.
    func testEmptyOutIsAnError() throws {
        let folder = try temporaryFolder()
        let study = Self.packageRoot.appendingPathComponent("Codebooks/privacy-paradox.study.yml").path
        for arguments in [["run", study], ["batch", study], ["merge", study, "x.json"], ["summarize", study, Self.wave], ["simulate"]] {
            let outcome = try paradox(arguments + ["--out", ""], in: folder)
            XCTAssertEqual(outcome.status, 1, arguments[0])
            XCTAssertEqual(outcome.stderr, "paradox: error: the output path is empty: give --out a folder or file name\n", arguments[0])
            XCTAssertEqual(outcome.stdout, "", arguments[0])
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    /// A folder Paradox did not write is refused, not emptied; a file where the folder should be too.
    func testRefusesToReplaceAFolderItDidNotWrite() throws {
        let folder = try temporaryFolder()
        let mine = folder.appendingPathComponent("mine")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        _ = try write("my notes\n", to: "notes.txt", in: mine)
        let refused = try paradox(["run", "--out", mine.path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "paradox: error: refusing to replace \(mine.path): it is a folder Paradox did not write (it is not empty and has no .paradox-output file), and replacing it would delete its files; choose another --out, or empty or remove it first\n")
        XCTAssertEqual(try tree(mine), ["notes.txt": Data("my notes\n".utf8)])
        let file = try write("x", to: "file", in: folder)
        let notFolder = try paradox(["run", "--out", file.path])
        XCTAssertEqual(notFolder.stderr, "paradox: error: cannot write \(file.path): it is a file, not a folder\n")
        XCTAssertEqual(try temporaries(in: folder), [])
    }

    /// The temporary folder of a killed run (its process gone) is removed by the next run into the
    /// same folder; that of a live process is left alone.
    func testLeftoversOfAKilledRunAreRemoved() throws {
        let folder = try temporaryFolder()
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let killed = folder.appendingPathComponent(".paradox-tmp-out-\(gone.processIdentifier)-1f2e")
        let live = ".paradox-tmp-other-\(getpid())-3c4d"
        for leftover in [killed, folder.appendingPathComponent(live)] {
            try FileManager.default.createDirectory(at: leftover.appendingPathComponent("csv"), withIntermediateDirectories: true)
            _ = try write("half", to: "results.json", in: leftover)
        }
        XCTAssertEqual(try paradox(["run", "--out", folder.appendingPathComponent("out").path]).status, 0)
        XCTAssertEqual(try temporaries(in: folder), [live])
    }

    /// `kill -9` at random moments of a run replacing an earlier report, half of them within 4 ms of
    /// the first file appearing in the temporary folder (writing and swapping take about 10 ms of the
    /// run): the folder is always entirely the old report or entirely the new one, and the next run
    /// leaves no temporary file.
    func testKilledRunLeavesOldOrNewReport() throws {
        let folder = try temporaryFolder()
        // A categorical variable of 5,000 levels: a report of a few MB.
        let levels = (0..<5000).map { "l\($0)" }
        _ = try write("variables:\n  - {name: id, type: id}\n  - {name: x, type: categorical, levels: [\(levels.joined(separator: ", "))]}\n",
                      to: "c.yml", in: folder)
        _ = try write("id,x\n" + (0..<10000).map { "r\($0),l\($0 % 5000)\n" }.joined(), to: "w.csv", in: folder)
        for title in ["Old", "New"] {
            _ = try write("title: \(title)\ncodebook: c.yml\ndata: w.csv\nanalyses:\n  frequencies: [x]\n", to: "\(title).yml", in: folder)
        }
        let out = folder.appendingPathComponent("out"), saved = folder.appendingPathComponent("saved")
        XCTAssertEqual(try paradox(["run", folder.appendingPathComponent("Old.yml").path, "--out", saved.path]).status, 0)
        let start = Date()
        XCTAssertEqual(try paradox(["run", folder.appendingPathComponent("New.yml").path, "--out", out.path]).status, 0)
        let duration = Date().timeIntervalSince(start)
        let old = try tree(saved), new = try tree(out)
        XCTAssertNotEqual(old, new)
        var outcomes: [String] = []
        for kill in 0..<8 {
            try FileManager.default.removeItem(at: out)
            try FileManager.default.copyItem(at: saved, to: out)
            let process = Process()
            process.executableURL = binary
            process.arguments = ["run", folder.appendingPathComponent("New.yml").path, "--out", out.path]
            process.currentDirectoryURL = folder
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            if kill.isMultiple(of: 2) {
                usleep(useconds_t(Double.random(in: 0...1) * duration * 1e6))
            } else {
                while process.isRunning, try !temporaries(in: folder).contains(where: { name in
                    !((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path)) ?? []).isEmpty
                }) { usleep(200) }
                usleep(useconds_t.random(in: 0...4000))
            }
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = try tree(out)
            XCTAssertTrue(now == old || now == new, "a mix of old and new files after a kill")
            outcomes.append((now == new ? "new" : "old") + "+\(try temporaries(in: folder).count)")
        }
        XCTAssertEqual(try paradox(["run", folder.appendingPathComponent("New.yml").path, "--out", out.path]).status, 0)
        XCTAssertEqual(try tree(out), new)
        XCTAssertEqual(try temporaries(in: folder), [], "outcomes of the kills: \(outcomes)")
    }

    /// `--formats md,docx` writes those two files of the bundled report, the same bytes as the full
    /// run's (the golden copies); an unknown format is a usage error that writes nothing.
    func testFormatsChooseTheFilesWritten() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("out")
        let outcome = try paradox(["run", "--formats", "md,docx", "--out", out.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(Set(try tree(out).keys), [".paradox-output", "report.md", "report.docx"])
        let golden = Self.packageRoot.appendingPathComponent("Tests/Golden/bundled-study")
        for name in ["report.md", "report.docx"] {
            XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent(name)), try Data(contentsOf: golden.appendingPathComponent(name)), name)
        }
        let bad = try paradox(["run", "--formats", "md,pdf", "--out", folder.appendingPathComponent("bad").path])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--formats: 'pdf' is not a report format (expected a comma-separated list of md, html, tex, docx, json, csv, svg, or all)"), bad.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("bad").path))
    }
}
