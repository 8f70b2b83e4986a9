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

    /// A numeric column of decimals with a fractional part (amounts near 10⁶: `1000004.31`, 9
    /// digits in two groups) is kept and described, while phone numbers beside it are still left
    /// out: written as numbers with a zero fraction (`7700900123.0`, as a spreadsheet writes a
    /// column of numbers with a blank), in dotted groups (`555.867.5309`), and a column of
    /// decimals with one real phone number (it is then not all decimals, so its cells are judged
    /// one by one, as before).
    func testDecimalsNearAMillionAreNotPhoneNumbers() throws {
        let folder = try temporaryFolder()
        var lines = ["id,amount,mobile,dotted,mixed,q1"]
        for i in 0..<10 {
            let mixed = i == 3 ? "+44 20 7946 0958" : "1000\(i)12.5"
            lines.append("R\(i + 1),100000\(i).\(31 + i),77009001\(20 + i).0,555.867.53\(10 + i),\(mixed),\(i % 5 + 1)")
        }
        _ = try write(lines.joined(separator: "\n") + "\n", to: "wave.csv", in: folder)
        _ = try write("""
            title: Decimals
            variables:
              - {name: id, label: Respondent, type: id}
              - {name: amount, label: Amount, type: numeric}
              - {name: mobile, label: Mobile, type: numeric}
              - {name: dotted, label: Dotted, type: text}
              - {name: mixed, label: Mixed, type: text}
              - {name: q1, label: Q1, type: likert, scale: [1, 5]}

            """, to: "codebook.yml", in: folder)
        _ = try write("title: S\ncodebook: codebook.yml\ndata: wave.csv\nanalyses:\n  descriptives: [amount, q1]\n", to: "s.yml", in: folder)
        let outcome = try paradox(["run", "s.yml", "--out", "out", "--quiet"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let report = try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("""
            ## Privacy

            Column mobile is left out of every table and file: 10 of 10 sampled cells of wave.csv look like phone numbers (100.0%).

            Column dotted is left out of every table and file: 10 of 10 sampled cells of wave.csv look like phone numbers (100.0%).

            Column mixed is left out of every table and file: 10 of 10 sampled cells of wave.csv look like phone numbers (100.0%).

            Counts from 1 to 4
            """), report)
        XCTAssertFalse(report.contains("Column amount"), report)
        let results = try json(String(contentsOf: folder.appendingPathComponent("out/results.json"), encoding: .utf8))
        let described = ((results["waves"] as? [[String: Any]])?.first?["descriptives"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
        XCTAssertEqual(described, ["amount", "q1"])
    }
}
