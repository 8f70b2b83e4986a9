import Foundation
import XCTest

/// Open-ended answers coded inside a study (`open_ended:`, issue 17 point 2) through `paradox run` on
/// `Tests/Fixtures/open-ended`: 24 respondents, 20 answers to Q12_text (two with an e-mail address,
/// one with a person's name), a theme codebook with a sub-theme. Expected counts and pseudonyms come
/// from `expected.py` (Python 3.11.7, standard library) → `expected.json`.
final class OpenEndedCLITests: CLITestCase {
    static let fixture = packageRoot.appendingPathComponent("Tests/Fixtures/open-ended")

    /// Runs the fixture study with `extra` appended to its study file; returns the outcome and the output folder.
    func runFixture(_ extra: String = "", environment: [String: String] = [:]) throws -> (outcome: Outcome, out: URL) {
        let folder = try temporaryFolder()
        for name in ["codebook.yml", "wave.csv", "themes-q12.yml"] {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let study = try String(contentsOf: Self.fixture.appendingPathComponent("study.yml"), encoding: .utf8)
        let url = try write(study + extra, to: "study.yml", in: folder)
        let out = folder.appendingPathComponent("out")
        return (try paradox(["run", url.path, "--out", out.path, "--quiet"], environment: environment), out)
    }

    func expected() throws -> [String: Any] {
        try json(String(contentsOf: Self.fixture.appendingPathComponent("expected.json"), encoding: .utf8))
    }

    func openEnded(in out: URL) throws -> [String: Any] {
        let results = try json(String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))
        let list = try XCTUnwrap(results["open_ended"] as? [[String: Any]])
        XCTAssertEqual(list.count, 1)
        return try XCTUnwrap(list.first)
    }

    /// Every file written, concatenated (to look for what must not leak).
    func everything(in out: URL) throws -> String {
        try FileManager.default.subpathsOfDirectory(atPath: out.path).sorted().compactMap { path in
            try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)
        }.joined(separator: "\n")
    }

    func testThemeCountsAndMatricesAreThoseCountedIndependently() throws {
        let (outcome, out) = try runFixture("privacy: {min_cell: 1}\n")
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let result = try openEnded(in: out), expected = try expected()
        XCTAssertEqual(result["respondents"] as? Int, 24)
        XCTAssertEqual(result["answered"] as? Int, expected["answered"] as? Int)
        XCTAssertEqual(result["no_answer"] as? Int, expected["no_answer"] as? Int)
        let summary = try XCTUnwrap(result["summary"] as? [String: Any])
        let themes = try XCTUnwrap(summary["themes"] as? [[String: Any]])
        let expectedThemes = try XCTUnwrap(expected["themes"] as? [[String: Any]])
        XCTAssertEqual(themes.map { $0["themeID"] as? String }, expectedThemes.map { $0["themeID"] as? String })
        XCTAssertEqual(themes.map { $0["participants"] as? Int }, expectedThemes.map { $0["participants"] as? Int })
        XCTAssertEqual(themes.map { $0["segments"] as? Int }, expectedThemes.map { $0["participants"] as? Int })
        XCTAssertEqual(themes.map { $0["prevalencePercent"] as? Double }, expectedThemes.map { $0["prevalencePercent"] as? Double })
        let matrices = try XCTUnwrap(summary["matrices"] as? [[String: Any]])
        let expectedMatrices = try XCTUnwrap(expected["matrices"] as? [[String: Any]])
        XCTAssertEqual(matrices.count, 2)
        for (matrix, wanted) in zip(matrices, expectedMatrices) {
            XCTAssertEqual(matrix["attribute"] as? String, wanted["attribute"] as? String)
            XCTAssertEqual(matrix["values"] as? [String], wanted["values"] as? [String])
            XCTAssertEqual(matrix["groupSizes"] as? [Int], wanted["groupSizes"] as? [Int])
            let rows = try XCTUnwrap(matrix["rows"] as? [[String: Any]]), wantedRows = try XCTUnwrap(wanted["rows"] as? [[String: Any]])
            XCTAssertEqual(rows.map { $0["participants"] as? [Int] }, wantedRows.map { $0["participants"] as? [Int] })
        }
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("""
            ## Open-Ended Answers: What would make you share more data?

            What would make you share more data? (Q12_text): 20 of 24 respondents answered (83.3%); 4 left it blank and count as no answer.
            """), report)
        XCTAssertTrue(report.contains("| Theme | Code | 18-34 (n = 9) | 35-54 (n = 5) | 55+ (n = 6) |"), report)
        for table in ["themes", "themes_by_age_group", "themes_by_gender", "theme_cooccurrence", "theme_exemplars"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("csv").path)
            XCTAssertTrue(files.contains { $0.hasSuffix("_open_ended_Q12_text_\(table).csv") }, "\(table) in \(files)")
        }
    }

    func testAnswersAreRedactedAndRespondentsPseudonymised() throws {
        let (outcome, out) = try runFixture("privacy: {id_key_env: OPEN_ENDED_KEY}\n", environment: ["OPEN_ENDED_KEY": "fixture-key"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let all = try everything(in: out)
        for secret in ["anna.berg@example.org", "jonas.k@example.com", "Peter Wagner", "Wagner", "R002", "R009", "R013"] {
            XCTAssertFalse(all.contains(secret), "\(secret) reached the output")
        }
        let summary = try XCTUnwrap(openEnded(in: out)["summary"] as? [String: Any])
        let segments = try XCTUnwrap(summary["segments"] as? [[String: Any]]).compactMap { $0["segment"] as? [String: Any] }
        let pseudonyms = try XCTUnwrap(expected()["pseudonyms"] as? [String: String])
        let byID = Dictionary(uniqueKeysWithValues: segments.compactMap { segment in
            (segment["id"] as? String).map { ($0, segment["text"] as? String) }
        })
        XCTAssertEqual(byID[try XCTUnwrap(pseudonyms["R002"])], "If they were transparent and told me why. Write to me at [email]")
        XCTAssertEqual(byID[try XCTUnwrap(pseudonyms["R009"])], "Cash. Call me, my name is [name].")
        XCTAssertEqual(byID[try XCTUnwrap(pseudonyms["R013"])], "Control and transparency, nothing else. Mail [email]")
        let participants = try XCTUnwrap(summary["participants"] as? [[String: Any]])
        XCTAssertTrue(participants.allSatisfy { ($0["attributes"] as? [Any])?.isEmpty == true }, "respondents' attributes left out")
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("Open-ended answers to Q12_text in wave.csv (20 answered): respondent IDs are replaced by keyed pseudonyms (HMAC-SHA256 with the key in OPEN_ENDED_KEY, as the interviewees'); replaced in the answers and quotes: 2 e-mail addresses as [email], 1 person names as [name]; the respondents' attributes appear only as counts in the theme tables."), report)
    }

    func testSmallCellsOfThemeMatricesAreSuppressed() throws {
        let (outcome, out) = try runFixture()
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let summary = try XCTUnwrap(openEnded(in: out)["summary"] as? [String: Any])
        let gender = try XCTUnwrap((summary["matrices"] as? [[String: Any]])?.first { $0["attribute"] as? String == "gender" })
        // Group sizes Diverse 2, Female 8, Male 10: the small group is hidden, the next smallest beside it.
        XCTAssertEqual(gender["groupSizes"] as? [AnyHashable], ["< 5", "[c]", 10])
        let rows = try XCTUnwrap(gender["rows"] as? [[String: Any]])
        XCTAssertTrue(rows.allSatisfy { row in (row["participants"] as? [Any])?.prefix(2).allSatisfy { $0 is String } == true },
                      "the hidden groups' columns are hidden")
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("| Theme | Code | Diverse (n < 5) | Female (n = [c]) | Male (n = 10) |"), report)
        let results = try json(String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))
        let tables = try XCTUnwrap((results["privacy"] as? [String: Any])?["suppressed_tables"] as? [[String: Any]]).compactMap { $0["table"] as? String }
        XCTAssertEqual(tables, ["frequencies_gender", "open_ended_Q12_text_themes_by_age_group", "open_ended_Q12_text_themes_by_gender",
                                "open_ended_Q12_text_themes", "open_ended_Q12_text_theme_cooccurrence"])
    }

    /// The theme and co-occurrence tables hide counts of 1 to 4 (min_cell 5) as the matrices do, in
    /// results.json and in the report, and name themselves in the privacy summary. Counts: expected.json.
    func testSmallCellsOfThemeAndCooccurrenceTablesAreSuppressed() throws {
        let (outcome, out) = try runFixture()
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        func shown(_ count: Int) -> AnyHashable { (1..<5).contains(count) ? "< 5" : count }
        let summary = try XCTUnwrap(openEnded(in: out)["summary"] as? [String: Any]), expected = try expected()
        let themes = try XCTUnwrap(summary["themes"] as? [[String: Any]])
        let expectedThemes = try XCTUnwrap(expected["themes"] as? [[String: Any]])
        let counts = try expectedThemes.map { try XCTUnwrap($0["participants"] as? Int) }
        XCTAssertEqual(counts, [6, 7, 8, 4])
        XCTAssertEqual(themes.map { $0["participants"] as? AnyHashable }, counts.map(shown))
        XCTAssertEqual(themes.map { $0["segments"] as? AnyHashable }, counts.map(shown))
        XCTAssertEqual(themes.last?["prevalencePercent"] as? String, "< 5")
        let cooccurrence = try XCTUnwrap((summary["cooccurrence"] as? [String: Any])?["counts"] as? [[AnyHashable]])
        let expectedCooccurrence = try XCTUnwrap(expected["cooccurrence"] as? [[Int]])
        XCTAssertEqual(cooccurrence, expectedCooccurrence.map { $0.map(shown) })
        XCTAssertTrue(cooccurrence.joined().contains("< 5") && cooccurrence.joined().contains(6), "some cells hidden, some shown")

        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("Cash rewards | cash | < 5 | < 5 | < 5 |"), report)
        XCTAssertTrue(report.contains("| Incentives | incentives | 8 | 8 | 40.0 |"), report)
        XCTAssertTrue(report.contains("| Transparency | transparency | < 5 | 7 | < 5 |"), report)
        XCTAssertTrue(report.contains("the diagonal gives each theme's segments. Counts from 1 to 4 are shown as \"< 5\" to protect respondents."), report)
        XCTAssertFalse(report.contains("Co-occurrence of the top-level themes"), "no heatmap of hidden counts")
        let results = try json(String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))
        let tables = try XCTUnwrap((results["privacy"] as? [String: Any])?["suppressed_tables"] as? [[String: Any]])
        let byName = Dictionary(uniqueKeysWithValues: tables.compactMap { table in (table["table"] as? String).map { ($0, table) } })
        XCTAssertEqual(byName["open_ended_Q12_text_themes"]?["small"] as? Int, 1)
        XCTAssertEqual(byName["open_ended_Q12_text_theme_cooccurrence"]?["small"] as? Int, 4)
    }

    func testAColumnThatIsNotTextIsAnErrorAtItsLine() throws {
        let folder = try temporaryFolder()
        for name in ["codebook.yml", "wave.csv", "themes-q12.yml"] {
            try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let study = try write("""
            title: Errors
            codebook: codebook.yml
            data: wave.csv
            open_ended:
              - {column: q1, codebook: themes-q12.yml, by: [Q12_text]}
              - {column: Q13, codebook: themes-q12.yml}

            """, to: "study.yml", in: folder)
        let outcome = try paradox(["run", study.path, "--out", folder.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(outcome.stderr, """
            paradox: error: 3 problems:
              \(study.path):5:14: open_ended names 'q1', which is not a text column (expected a column of type text)
              \(study.path):5:49: by 'Q12_text' is not a categorical or Likert column (expected one to cross the themes with)
              \(study.path):6:14: open_ended names 'Q13', which is not a variable of the codebook (expected a column of type text)

            """)
        let missing = try write("""
            title: Errors
            codebook: codebook.yml
            data: wave.csv
            open_ended:
              - {column: Q12_text, codebook: themes-missing.yml}

            """, to: "missing.yml", in: folder)
        let second = try paradox(["run", missing.path, "--out", folder.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(second.stderr, """
            paradox: error: \(missing.path):5:34: open_ended[1].codebook: no theme codebook 'themes-missing.yml' (expected a file at \(folder.appendingPathComponent("themes-missing.yml").path))

            """)
    }
}
