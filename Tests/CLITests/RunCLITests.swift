import XCTest

final class RunCLITests: CLITestCase {
    /// The bundled study runs, writes every report file, and reproduces its golden output
    /// (`Tests/Golden/bundled-study`, a copy of `Output/` as committed; `Scripts/update-golden.sh`) byte for byte.
    func testBundledStudyWritesEveryFileAndReproducesOutput() throws {
        let out = try temporaryFolder().appendingPathComponent("out")
        let outcome = try paradox(["run", "--out", out.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        for file in ["results.json", "report.md", "report.html", "tables.tex"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), file)
        }
        let committed = Self.packageRoot.appendingPathComponent("Tests/Golden/bundled-study")
        let produced = try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted()
        let expected = try FileManager.default.subpathsOfDirectory(atPath: committed.path).sorted()
        XCTAssertEqual(produced, expected)
        for path in produced {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: out.appendingPathComponent(path).path, isDirectory: &isFolder), isFolder.boolValue { continue }
            let mine = try Data(contentsOf: out.appendingPathComponent(path))
            let theirs = try Data(contentsOf: committed.appendingPathComponent(path))
            XCTAssertTrue(mine == theirs, "\(path) differs from Tests/Golden/bundled-study/\(path)")
        }
    }

    /// A bad cell stops the run with file, line, column and value, and leaves no output folder behind.
    func testBadCellFailsCleanly() throws {
        let folder = try temporaryFolder()
        let root = Self.packageRoot
        let wave = try String(contentsOf: root.appendingPathComponent("Data/wave1.csv"), encoding: .utf8)
        var lines = wave.components(separatedBy: "\n")
        let header = lines[0].components(separatedBy: ",")
        let column = try XCTUnwrap(header.firstIndex(of: "PC2"))
        var cells = lines[5].components(separatedBy: ",")
        cells[column] = "7"
        lines[5] = cells.joined(separator: ",")
        _ = try write(lines.joined(separator: "\n"), to: "wave.csv", in: folder)
        let codebook = try String(contentsOf: root.appendingPathComponent("Codebooks/privacy-paradox.codebook.yml"), encoding: .utf8)
        _ = try write(codebook, to: "codebook.yml", in: folder)
        _ = try write("title: Broken\ncodebook: codebook.yml\ndata: wave.csv\n", to: "study.yml", in: folder)
        let out = folder.appendingPathComponent("out")
        let outcome = try paradox(["run", folder.appendingPathComponent("study.yml").path, "--out", out.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("wave.csv:6, column \(column + 1) (PC2): value \"7\" is out of range"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    func testStudyFileErrorNamesItsLine() throws {
        let folder = try temporaryFolder()
        let study = try write("title: X\ncodebook: c.yml\ndata: d.csv\nanalyses:\n  regresions: []\n", to: "study.yml", in: folder)
        let outcome = try paradox(["run", study.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("study.yml:5"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("unknown key 'regresions'"), outcome.stderr)
    }
}
