import XCTest

/// `paradox import NEW --against OLD.yml [--strict]`: a later wave's export compared with the
/// earlier wave's codebook (fixtures: Tests/Fixtures/drift/make_drift_fixture.py).
final class DriftCLITests: CLITestCase {
    static let firstWave = packageRoot.appendingPathComponent("Tests/Fixtures/screening/qualtrics-screening.csv")
    static let secondWave = packageRoot.appendingPathComponent("Tests/Fixtures/drift/wave2.csv")

    /// A folder with the first wave's codebook as old.yml, its Status code 1 relabelled "Preview".
    private func earlierCodebook() throws -> URL {
        let folder = try temporaryFolder()
        let imported = try paradox(["import", Self.firstWave.path, "--codebook-out", "c1.yml", "--data-out", "d1.csv"], in: folder)
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let text = try String(contentsOf: folder.appendingPathComponent("c1.yml"), encoding: .utf8)
        XCTAssertTrue(text.contains("    label: Survey Preview\n"))
        _ = try write(text.replacingOccurrences(of: "    label: Survey Preview\n", with: "    label: Preview\n"), to: "old.yml", in: folder)
        return folder
    }

    static let changes = """
        9 changes against old.yml:
          label changed: Status code 1 was "Preview", is "Survey Preview"
          renamed: Q1_1 → Q7_1 (same import_id QID1_1)
          renamed: Q1_2 → Q7_2 (same import_id QID1_2)
          renamed: Q1_3 → Q7_3 (same import_id QID1_3)
          renamed: Q1_4 → Q7_4 (same import_id QID1_4)
          renamed: Q1_5 → Q7_5 (same import_id QID1_5)
          new codes: Q2 has 5, never seen before
          added: Q4
          dropped: Q3

        """

    func testChangesAreListedBeforeTheImport() throws {
        let folder = try earlierCodebook()
        let outcome = try paradox(["import", Self.secondWave.path, "--against", "old.yml", "--codebook-out", "c2.yml", "--data-out", "d2.csv"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, Self.changes + "Imported 28 responses and 18 variables from \(Self.secondWave.path) (qualtrics) into c2.yml and d2.csv.\n")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("d2.csv").path))
    }

    func testStrictMakesDriftAnErrorAndWritesNothing() throws {
        let folder = try earlierCodebook()
        let outcome = try paradox(["import", Self.secondWave.path, "--against", "old.yml", "--strict", "--codebook-out", "c2.yml", "--data-out", "d2.csv"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, Self.changes)
        XCTAssertEqual(outcome.stderr, "paradox: error: \(Self.secondWave.path): 9 changes against old.yml (expected none with --strict; see the list above)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["c1.yml", "d1.csv", "old.yml"])
    }

    func testTheSameWaveHasNoDrift() throws {
        let folder = try earlierCodebook()
        let outcome = try paradox(["import", Self.firstWave.path, "--against", "c1.yml", "--strict", "--codebook-out", "c2.yml", "--data-out", "d2.csv"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("No change against c1.yml.\nImported 28 responses"), outcome.stdout)
    }

    func testStrictNeedsAgainst() throws {
        let outcome = try paradox(["import", Self.secondWave.path, "--strict", "--codebook-out", "c.yml", "--data-out", "d.csv"], in: try temporaryFolder())
        XCTAssertEqual(outcome.status, 64)
        XCTAssertTrue(outcome.stderr.hasPrefix("Error: --strict needs --against, the earlier wave's codebook.\n"), outcome.stderr)
    }
}
