import XCTest

/// `paradox import` through the built binary, on the Qualtrics fixtures of ImportTests.
final class ImportCLITests: CLITestCase {
    static let fixtures = packageRoot.appendingPathComponent("Tests/ImportTests/Fixtures")

    func testImportWritesTheExpectedCodebookAndData() throws {
        let folder = try temporaryFolder()
        let export = Self.fixtures.appendingPathComponent("qualtrics-three-rows.csv")
        let before = try Data(contentsOf: export)
        let outcome = try paradox(["import", export.path, "--codebook-out", "c.yml", "--data-out", "d.csv"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "Imported 4 responses and 32 variables from \(export.path) (qualtrics) into c.yml and d.csv.\n")
        XCTAssertEqual(outcome.stderr, "")
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("c.yml")),
                       try Data(contentsOf: Self.fixtures.appendingPathComponent("qualtrics-three-rows.expected.yml")))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("d.csv")),
                       try Data(contentsOf: Self.fixtures.appendingPathComponent("qualtrics-three-rows.expected.csv")))
        XCTAssertEqual(try Data(contentsOf: export), before)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["c.yml", "d.csv"])
    }

    func testExplicitFormatReadsTheLegacyExport() throws {
        let folder = try temporaryFolder()
        let export = Self.fixtures.appendingPathComponent("qualtrics-legacy-two-rows.csv")
        let outcome = try paradox(["import", export.path, "--from", "qualtrics", "--codebook-out", "c.yml", "--data-out", "d.csv"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("c.yml")),
                       try Data(contentsOf: Self.fixtures.appendingPathComponent("qualtrics-legacy-two-rows.expected.yml")))
    }

    func testCutHeaderFailsAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let export = Self.fixtures.appendingPathComponent("qualtrics-cut-header.csv")
        let outcome = try paradox(["import", export.path, "--codebook-out", "c.yml", "--data-out", "d.csv"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(outcome.stderr, "paradox: error: \(export.path):2: the file ends inside its header rows (expected the row of ImportIds ({\"ImportId\":\"QID…\"}) on line 3)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testUnknownFormatFails() throws {
        let folder = try temporaryFolder()
        let file = try write("id,q1\n1,2\n", to: "plain.csv", in: folder)
        let outcome = try paradox(["import", "plain.csv", "--codebook-out", "c.yml", "--data-out", "d.csv"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "paradox: error: \(file.path):1: cannot tell the file's format: its first bytes are no SPSS or Stata header and its first line names no ResponseId or submitdate column (expected a Qualtrics or LimeSurvey .csv, an SPSS .sav/.zsav or a Stata .dta; or give --from)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [file.lastPathComponent])
    }

    func testRefusesToWriteOverTheInput() throws {
        let folder = try temporaryFolder()
        let text = try String(contentsOf: Self.fixtures.appendingPathComponent("qualtrics-legacy-two-rows.csv"), encoding: .utf8)
        let input = try write(text, to: "export.csv", in: folder)
        for arguments in [["--codebook-out", "c.yml", "--data-out", "./export.csv"], ["--codebook-out", "export.csv", "--data-out", "d.csv"]] {
            let outcome = try paradox(["import", "export.csv"] + arguments, in: folder)
            XCTAssertEqual(outcome.status, 64)
            XCTAssertTrue(outcome.stderr.hasPrefix("Error: An output would overwrite the input file export.csv; choose another --data-out or --codebook-out.\n"), outcome.stderr)
        }
        XCTAssertEqual(try String(contentsOf: input, encoding: .utf8), text)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["export.csv"])
    }

    func testSPSSFileIsDetectedAndImported() throws {
        let folder = try temporaryFolder()
        let file = Self.fixtures.appendingPathComponent("survey.sav")
        let outcome = try paradox(["import", file.path, "--codebook-out", "c.yml", "--data-out", "d.csv"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "Imported 6 responses and 7 variables from \(file.path) (spss) into c.yml and d.csv.\n")
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("c.yml"), encoding: .utf8).contains("    8: Don't know\n    9: Refused\n"))
    }

    func testTruncatedSAVFailsAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let file = Self.fixtures.appendingPathComponent("survey-truncated.sav")
        let outcome = try paradox(["import", file.path, "--from", "spss", "--codebook-out", "c.yml", "--data-out", "d.csv"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "paradox: error: \(file.path): cannot read the file: ReadStat: File did not contain the expected number of rows; stopped after row 5 of 6, variable started (expected a complete SPSS .sav/.zsav file)\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }

    func testLimeSurveyWithStructure() throws {
        let folder = try temporaryFolder()
        let export = Self.fixtures.appendingPathComponent("limesurvey-responses.csv")
        let structure = Self.fixtures.appendingPathComponent("limesurvey-structure-v6.lss")
        let outcome = try paradox(["import", export.path, "--lss", structure.path, "--codebook-out", "c.yml", "--data-out", "d.csv"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "Imported 4 responses and 19 variables from \(export.path) (limesurvey) into c.yml and d.csv.\n")
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("c.yml"), encoding: .utf8).contains("- name: Q1\n  label: How often do you shop online?\n"))
        let misplaced = try paradox(["import", Self.fixtures.appendingPathComponent("survey.sav").path, "--lss", structure.path,
                                     "--codebook-out", "c2.yml", "--data-out", "d2.csv"], in: folder)
        XCTAssertEqual(misplaced.status, 64)
        XCTAssertTrue(misplaced.stderr.hasPrefix("Error: --lss goes with a LimeSurvey export, not a spss file.\n"), misplaced.stderr)
    }

    func testDataOutInAMissingFolderFailsAndWritesNothing() throws {
        let folder = try temporaryFolder()
        let export = Self.fixtures.appendingPathComponent("qualtrics-legacy-two-rows.csv")
        let outcome = try paradox(["import", export.path, "--codebook-out", "c.yml", "--data-out", "missing/d.csv"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("paradox: error: "), outcome.stderr)
        XCTAssertTrue(outcome.stderr.hasSuffix(": cannot write the file: cannot create the file (does its folder exist, may it be written?)\n"), outcome.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
    }
}
