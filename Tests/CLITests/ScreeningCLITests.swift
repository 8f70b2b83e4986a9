import XCTest

/// Study files that read platform exports directly and screen respondents, through `paradox run`.
/// The expected counts and lines are those `Tests/Fixtures/screening/make_screening_fixture.py` prints.
final class ScreeningCLITests: CLITestCase {
    static let fixtures = packageRoot.appendingPathComponent("Tests/Fixtures/screening")
    static let importFixtures = packageRoot.appendingPathComponent("Tests/ImportTests/Fixtures")

    /// A folder holding the screening fixture export and `study` as s.yml.
    private func study(_ study: String) throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("qualtrics-screening.csv"),
                                         to: folder.appendingPathComponent("qualtrics-screening.csv"))
        _ = try write(study, to: "s.yml", in: folder)
        return folder
    }

    private func lines(of file: URL, from first: String, count: Int) throws -> [String] {
        let text = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n")
        let start = try XCTUnwrap(text.firstIndex(of: first), "no line \(first)")
        return Array(text[start..<min(start + count, text.count)])
    }

    func testEveryRuleExcludesItsCountInOrder() throws {
        let export = Self.fixtures.appendingPathComponent("qualtrics-screening.csv")
        let before = try Data(contentsOf: export)
        let folder = try temporaryFolder()
        let outcome = try paradox(["run", Self.fixtures.appendingPathComponent("screening.study.yml").path, "--out", folder.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "")
        let report = folder.appendingPathComponent("report.md")
        XCTAssertEqual(try lines(of: report, from: "## Data Quality", count: 3), [
            "## Data Quality", "",
            "Of 28 responses received, 14 were excluded by the screening rules (preview or test response: 3, did not finish: 2, duplicate: 2, speeder: 2, straightliner: 3, failed attention check: 2); 14 were analysed.",
        ])
        XCTAssertEqual(try lines(of: report, from: "| Step | Criterion | n | Remaining |", count: 10), [
            "| Step | Criterion | n | Remaining |",
            "|:---|:---|---:|---:|",
            "| Responses received |  | 28 | 28 |",
            "| Excluded: Preview or test response | Status is Survey Preview or Survey Test | 3 | 25 |",
            "| Excluded: Did not finish | Finished is false | 2 | 23 |",
            "| Excluded: Duplicate | PanelID repeats an earlier respondent's | 2 | 21 |",
            "| Excluded: Speeder | Duration (in seconds) below 1/3 of the median (605 s) | 2 | 19 |",
            "| Excluded: Straightliner | one answer to every item of Q1 | 3 | 16 |",
            "| Excluded: Failed attention check | Q2 is not 4 | 2 | 14 |",
            "| Analysed |  | 14 | 14 |",
        ])
        XCTAssertTrue(try String(contentsOf: report, encoding: .utf8).contains("Data file: qualtrics-screening.csv. 14 respondents;"))
        // The audit file: rule and export line of each excluded response, no pii column (IPAddress, RecipientEmail).
        let audit = try String(contentsOf: folder.appendingPathComponent("excluded.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(audit.first, "excluded_by,line,StartDate,EndDate,Status,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,PanelID,Q1_1,Q1_2,Q1_3,Q1_4,Q1_5,Q2,Q3")
        XCTAssertEqual(audit.dropFirst().map { $0.split(separator: ",").prefix(2).joined(separator: ",") }, [
            "preview,7", "preview,9", "unfinished,11", "duplicate,13", "speeder,15", "straightliner,17", "attention,19",
            "preview,21", "unfinished,23", "duplicate,24", "speeder,25", "straightliner,26", "straightliner,27", "attention,28",
        ])
        XCTAssertFalse(audit.contains { $0.contains("@example.org") || $0.contains("192.0.2.") })
        let svg = try String(contentsOf: folder.appendingPathComponent("figures/01_participant_flow.svg"), encoding: .utf8)
        XCTAssertTrue(svg.contains("<title id=\"figure-1-title\">Figure 1. Participant flow</title>"))
        XCTAssertTrue(svg.contains("<desc id=\"figure-1-desc\">Flow diagram: 28 responses received; Preview or test response: 3 excluded;"))
        let results = try json(String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8))
        let flow = try XCTUnwrap((results["screening"] as? [[String: Any]])?.first)
        XCTAssertEqual(flow["received"] as? Int, 28)
        XCTAssertEqual(flow["analysed"] as? Int, 14)
        XCTAssertEqual(try Data(contentsOf: export), before)
    }

    func testDuplicatesByAnswerFingerprint() throws {
        let folder = try study("title: T\ndata: qualtrics-screening.csv\nimport: auto\nscreening:\n  duplicates: {by: PanelID, answers: true}\n")
        let outcome = try paradox(["run", "s.yml", "--out", "out"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try lines(of: folder.appendingPathComponent("out/report.md"), from: "| Responses received |  | 28 | 28 |", count: 3), [
            "| Responses received |  | 28 | 28 |",
            "| Excluded: Duplicate | PanelID repeats an earlier respondent's, or all 7 answers repeat an earlier respondent's | 4 | 24 |",
            "| Analysed |  | 24 | 24 |",
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/excluded.csv").path))
    }

    func testProgressThresholdAndSpeederFraction() throws {
        let folder = try study("title: T\ndata: qualtrics-screening.csv\nimport: {from: qualtrics}\nscreening:\n  unfinished: {min_progress: 60}\n  speeders: {fraction: 0.5}\n")
        let outcome = try paradox(["run", "s.yml", "--out", "out"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try lines(of: folder.appendingPathComponent("out/report.md"), from: "| Responses received |  | 28 | 28 |", count: 4), [
            "| Responses received |  | 28 | 28 |",
            "| Excluded: Did not finish | Progress below 60 % | 3 | 25 |",
            "| Excluded: Speeder | Duration (in seconds) below 0.5 of the median (635 s) | 2 | 23 |",
            "| Analysed |  | 23 | 23 |",
        ])
    }

    /// Named blocks: the question Q1 (five items) catches the three straightliners; a block of fewer
    /// items than `min_items`, or no such block, is an error at the study file's line.
    func testStraightlinersOfNamedBlocks() throws {
        let folder = try study("title: T\ndata: qualtrics-screening.csv\nimport: auto\nscreening:\n  straightliners: {blocks: [Q1], min_items: 5}\n")
        let outcome = try paradox(["run", "s.yml", "--out", "out"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try lines(of: folder.appendingPathComponent("out/report.md"), from: "| Responses received |  | 28 | 28 |", count: 3), [
            "| Responses received |  | 28 | 28 |",
            "| Excluded: Straightliner | one answer to every item of Q1 | 3 | 25 |",
            "| Analysed |  | 25 | 25 |",
        ])
        for (rule, message) in [("{blocks: [Q9]}", "s.yml:5:29: screening rule straightliner names 'Q9', which is neither a Likert question (items sharing a question) nor a scale of the codebook"),
                                ("{min_items: 6}", "screening rule straightliner cannot be applied to qualtrics-screening.csv (expected a Likert block (question or scale) of at least 6 items)")] {
            _ = try write("title: T\ndata: qualtrics-screening.csv\nimport: auto\nscreening:\n  straightliners: \(rule)\n", to: "s.yml", in: folder)
            let failed = try paradox(["run", "s.yml", "--out", "out2"], in: folder)
            XCTAssertEqual(failed.status, 1)
            XCTAssertEqual(failed.stderr, "paradox: error: " + (message.hasPrefix("s.yml") ? folder.appendingPathComponent(message).path : message) + "\n")
        }
    }

    /// A repeated ID of an `id` column stops a run without the rule; with it, the repeat is excluded and counted.
    func testRepeatedIDsOfAnIDColumn() throws {
        let folder = try temporaryFolder()
        _ = try write("title: C\nvariables:\n- {name: id, label: ID, type: id}\n- {name: q, label: Q, type: likert, scale: [1, 5]}\n", to: "c.yml", in: folder)
        _ = try write("id,q\na,1\nb,2\na,3\nc,4\n", to: "w.csv", in: folder)
        _ = try write("title: T\ncodebook: c.yml\ndata: w.csv\n", to: "plain.yml", in: folder)
        _ = try write("title: T\ncodebook: c.yml\ndata: w.csv\nscreening:\n  duplicates: {by: id}\n", to: "s.yml", in: folder)
        let plain = try paradox(["run", "plain.yml", "--out", "out1"], in: folder)
        XCTAssertEqual(plain.status, 1)
        XCTAssertEqual(plain.stderr, "paradox: error: \(folder.appendingPathComponent("w.csv").path):4, column 1 (id): respondent ID \"a\" appears again (first on line 2; expected unique IDs)\n")
        let screened = try paradox(["run", "s.yml", "--out", "out2"], in: folder)
        XCTAssertEqual(screened.status, 0, screened.stderr)
        XCTAssertEqual(try lines(of: folder.appendingPathComponent("out2/report.md"), from: "| Responses received |  | 4 | 4 |", count: 3), [
            "| Responses received |  | 4 | 4 |",
            "| Excluded: Duplicate | id repeats an earlier respondent's | 1 | 3 |",
            "| Analysed |  | 3 | 3 |",
        ])
    }

    /// The columns the rules read are checked with the codebook, before any data is read (here the
    /// data file does not even exist), every problem at its study-file line and column; a rule's
    /// default column (Status of `preview: true`) at the rule's key.
    func testRuleColumnsAreCheckedWithTheCodebookBeforeTheData() throws {
        let folder = try temporaryFolder()
        _ = try write("title: C\nvariables:\n- {name: id, label: ID, type: id}\n- {name: q, label: Q, type: likert, scale: [1, 5]}\n"
                      + "- {name: group, label: G, type: categorical, levels: [a, b]}\n", to: "c.yml", in: folder)
        _ = try write("""
            title: T
            codebook: c.yml
            data: not-there.csv
            screening:
              preview: true
              unfinished: {progress: group, min_progress: 50}
              duplicates: {by: panel}
              speeders: {duration: q}
              straightliners: {blocks: [q]}
              attention_checks:
                - {item: q, expected: 4}
                - {item: Q9, expected: 4}
            """, to: "s.yml", in: folder)
        let outcome = try paradox(["run", "s.yml", "--out", "out"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        let study = folder.appendingPathComponent("s.yml").path
        XCTAssertEqual(outcome.stderr, "paradox: error: 5 problems:\n" + [
            "\(study):5:12: screening rule preview reads 'Status', which is not a variable of the codebook",
            "\(study):6:26: screening rule unfinished reads 'group', which is not numeric (expected type numeric or duration in the codebook)",
            "\(study):7:20: screening rule duplicate reads 'panel', which is not a variable of the codebook",
            "\(study):9:29: screening rule straightliner names 'q', which is neither a Likert question (items sharing a question) nor a scale of the codebook",
            "\(study):12:14: screening rule attention reads 'Q9', which is not a variable of the codebook",
        ].map { "  " + $0 }.joined(separator: "\n") + "\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    func testAnSPSSFileIsAnalysedWithoutACodebook() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: Self.importFixtures.appendingPathComponent("survey.sav"), to: folder.appendingPathComponent("survey.sav"))
        _ = try write("title: SAV\ndata: survey.sav\n", to: "s.yml", in: folder)
        let outcome = try paradox(["run", "s.yml", "--out", "out"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8)
            .contains("Data file: survey.sav. 6 respondents; 10 cells missing (blank or user-missing)."))
    }

    func testBadInputsNameTheirPlace() throws {
        let folder = try study("")
        let export = folder.appendingPathComponent("qualtrics-screening.csv").path
        let cases: [(String, String)] = [
            ("title: T\ndata: qualtrics-screening.csv\nimport: {from: qualtrics}\nscreening:\n  attention_checks:\n    - {item: Q9, expected: 4}\n",
             "s.yml:6:14: screening rule attention reads 'Q9', which is not a variable of the codebook"),
            ("title: T\ndata: qualtrics-screening.csv\nimport: {from: qualtrics}\nscreening:\n  speeders: {duration: Q3}\n",
             "s.yml:5:24: screening rule speeder reads 'Q3', which is not numeric (expected type numeric or duration in the codebook)"),
            ("title: T\ndata: qualtrics-screening.csv\nimport: {from: qualtrics}\nscreening:\n  speeders: {fraction: 1.5}\n",
             "s.yml:5:24: screening.speeders.fraction: 1.5 (expected a fraction of the median between 0 and 1)"),
            ("title: T\ndata: qualtrics-screening.csv\nscreening:\n  speeders: true\n",
             "s.yml:1:1: missing key 'codebook' (expected a codebook file, unless the data are platform exports: .sav/.zsav/.dta files or import: …)"),
            ("title: T\ndata: qualtrics-screening.csv\nimport: {from: sas}\n",
             "s.yml:3:16: import.from: unknown format 'sas' (expected qualtrics, spss, stata, limesurvey)"),
            ("title: T\ndata: qualtrics-screening.csv\nimport: auto\nscreening:\n  excluded_out: ../x.csv\n",
             "s.yml:5:17: screening.excluded_out: '../x.csv' (expected a .csv file name inside the output folder)"),
        ]
        for (text, message) in cases {
            _ = try write(text, to: "s.yml", in: folder)
            let outcome = try paradox(["run", "s.yml", "--out", "out"], in: folder)
            XCTAssertEqual(outcome.status, 1, text)
            XCTAssertEqual(outcome.stderr, "paradox: error: \(folder.appendingPathComponent(message).path)\n", text)
        }
        // A cell the study's own codebook refuses: the export's line (the fourth: after three header rows).
        _ = try write("title: C\nvariables:\n- {name: Q2, label: Q2, type: categorical, levels: ['2']}\n", to: "c.yml", in: folder)
        _ = try write("title: T\ncodebook: c.yml\ndata: qualtrics-screening.csv\nimport: {from: qualtrics}\n", to: "s.yml", in: folder)
        let outcome = try paradox(["run", "s.yml", "--out", "out"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "paradox: error: \(export):4, column 17 (Q2): value \"4\" is not a level of this variable (expected one of: 2)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
