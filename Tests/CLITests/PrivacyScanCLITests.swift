import XCTest

/// The privacy gate's content scan through `paradox run` reads the cells the wave reader read
/// (`CellSample`), not the raw file: a Qualtrics export's label and ImportId rows are not sampled as
/// data, and SPSS files are scanned. Fixtures: `Tests/Fixtures/privacy-scan/make_privacy_scan_fixtures.py`
/// and `Tests/Fixtures/screening/make_screening_fixture.py`.
final class PrivacyScanCLITests: CLITestCase {
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures")

    /// 28 respondents, all with an IP address and an e-mail address: 28 sampled cells each (the
    /// raw file's two header rows below the first made it 30, one of them "IP Address").
    func testAQualtricsExportsHeaderRowsAreNotSampled() throws {
        let folder = try temporaryFolder()
        let outcome = try paradox(["run", Self.fixtures.appendingPathComponent("screening/screening.study.yml").path, "--out", folder.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let report = try String(contentsOf: folder.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("Column IPAddress is left out of every table and file: typed pii in the codebook; 28 of 28 sampled cells of qualtrics-screening.csv look like IP addresses (100.0%)."), report)
        XCTAssertTrue(report.contains("Column RecipientEmail is left out of every table and file: typed pii in the codebook; 28 of 28 sampled cells of qualtrics-screening.csv look like e-mail addresses (100.0%)."), report)
    }

    /// An SPSS file's string variable of e-mail addresses, typed pii by nothing: found by its content
    /// (the raw .sav, not being text, was reported as not scanned) and left out.
    func testAnSPSSFileIsScanned() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("privacy-scan/contacts.sav"), to: folder.appendingPathComponent("contacts.sav"))
        _ = try write("title: S\ndata: contacts.sav\nanalyses:\n  frequencies: [q1]\n", to: "s.yml", in: folder)
        let outcome = try paradox(["run", "s.yml", "--out", "out"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let report = try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("\n\nColumn contact is left out of every table and file: 4 of 4 sampled cells of contacts.sav look like e-mail addresses (100.0%).\n\n"), report)
        XCTAssertFalse(report.contains("could not be scanned"), report)
        let results = try json(String(contentsOf: folder.appendingPathComponent("out/results.json"), encoding: .utf8))
        let privacy = try XCTUnwrap(results["privacy"] as? [String: Any])
        XCTAssertEqual(privacy["unscanned_files"] as? [String], [])
    }
}
