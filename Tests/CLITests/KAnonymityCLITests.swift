import XCTest

/// k-anonymity of the quasi-identifiers through `paradox run` (issue 15, point 3): the numbers are
/// pycanon 1.3.6's on the same file (Tests/Fixtures/k-anonymity/kanonymity.py → reference.txt).
final class KAnonymityCLITests: CLITestCase {
    static let fixture = packageRoot.appendingPathComponent("Tests/Fixtures/k-anonymity")

    func run(_ study: URL) throws -> (outcome: Outcome, out: URL) {
        let out = try temporaryFolder().appendingPathComponent("out")
        return (try paradox(["run", study.path, "--out", out.path, "--quiet"]), out)
    }

    func testTheReportStatesTheSmallestClassAndTheRespondentsBelowK() throws {
        let (outcome, out) = try run(Self.fixture.appendingPathComponent("study.yml"))
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        // pycanon: classes 107; smallest_class 1; classes_below_k 104; respondents_below_k 185.
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("csv/01_k_anonymity.csv"), encoding: .utf8), """
            file,quasi_identifiers,k,respondents,classes,smallest_class,classes_below_k,respondents_below_k,percent_below_k
            wave.csv,"age_group, gender, income, region",5,200,107,1,104,185,92.5

            """)
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("k-anonymity of the quasi-identifiers age_group, gender, income, region in wave.csv: 107 equivalence classes; the smallest holds 1 respondent (the data are 1-anonymous); 185 respondents (92.5%) are in the 104 classes of fewer than 5, and could be singled out by someone who knows these facts about them."), report)
        let privacy = try XCTUnwrap(json(String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))["privacy"] as? [String: Any])
        let wave = try XCTUnwrap((privacy["k_anonymity"] as? [[String: Any]])?.first?["result"] as? [String: Any])
        XCTAssertEqual(wave["smallest_class"] as? Int, 1)
        XCTAssertEqual(wave["respondents_below_k"] as? Int, 185)
    }

    /// Shards of the wave summarised apart and merged state pycanon's k-anonymity, as one pass does.
    func testShardsMergedStateTheKAnonymityOfTheWholeWave() throws {
        let folder = try temporaryFolder()
        let study = Self.fixture.appendingPathComponent("study.yml").path
        let wave = Self.fixture.appendingPathComponent("wave.csv").path
        let summaries = try shardSummaries(study: study, wave: wave, in: folder)
        let out = folder.appendingPathComponent("merged")
        let outcome = try paradox(["merge", study] + summaries + ["--out", out.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("csv/01_k_anonymity.csv"), encoding: .utf8), """
            file,quasi_identifiers,k,respondents,classes,smallest_class,classes_below_k,respondents_below_k,percent_below_k
            wave.csv,"age_group, gender, income, region",5,200,107,1,104,185,92.5

            """)
    }

    /// Equivalence classes in a summary file are checked before they are merged: counts of at least 1
    /// adding up to the rows, a value per quasi-identifier that its column can hold, each class once.
    func testCraftedClassesInASummaryAreRefused() throws {
        let folder = try temporaryFolder()
        let study = Self.fixture.appendingPathComponent("study.yml").path
        let summary = folder.appendingPathComponent("part.summary.json")
        let made = try paradox(["summarize", study, Self.fixture.appendingPathComponent("wave.csv").path, "--shard", "1/2", "--out", summary.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        let text = try String(contentsOf: summary, encoding: .utf8)
        XCTAssertTrue(text.contains(#"{"count":1,"values":[0,0,0,2]}"#), text)
        for (crafted, expected) in [
            (#"{"count":2,"values":[0,0,0,2]}"#, "at summary.kAnonymity.classes: expected respondents in classes adding up to the 100 rows, found 101"),
            (#"{"count":0,"values":[0,0,0,2]}"#, "at summary.kAnonymity.classes: expected classes of 1 respondent or more, found 0"),
            (#"{"count":1,"values":[0,0,0,99]}"#, "at summary.kAnonymity.classes: expected values that region can hold, found 99"),
            (#"{"count":1,"values":[0,0,0,"West"]}"#, "at summary.kAnonymity.classes: expected values that region can hold, found 'West'"),
            (#"{"count":1,"values":[0,0,2]}"#, "at summary.kAnonymity.classes: expected 4 values per class (one per quasi-identifier), found 3"),
        ] {
            let file = try write(text.replacingOccurrences(of: #"{"count":1,"values":[0,0,0,2]}"#, with: crafted), to: "crafted.summary.json", in: folder)
            let outcome = try paradox(["merge", study, file.path, "--out", folder.appendingPathComponent("out").path])
            XCTAssertEqual(outcome.status, 1, crafted)
            XCTAssertEqual(outcome.stderr, "paradox: error: \(file.path): \(expected)\n", crafted)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
        }
        let twice = try write(text.replacingOccurrences(of: #"{"count":1,"values":[0,0,0,2]}"#, with: #"{"count":1,"values":[0,0,0,3]}"#),
                              to: "twice.summary.json", in: folder)
        let outcome = try paradox(["merge", study, twice.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("a class listed twice"), outcome.stderr)
    }

    func testACoarserPairAtAnotherK() throws {
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: Self.fixture.appendingPathComponent("wave.csv"), to: folder.appendingPathComponent("wave.csv"))
        let study = try write("""
            title: k-anonymity fixture
            codebook: \(Self.packageRoot.path)/Codebooks/privacy-paradox.codebook.yml
            data: wave.csv
            analyses:
              frequencies: [gender]
            privacy: {quasi_identifiers: [age_group, income], k: 12}

            """, to: "study.yml", in: folder)
        let (outcome, out) = try run(study)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        // pycanon: classes 19; smallest_class 1; classes_below_k 11; respondents_below_k 79.
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("csv/01_k_anonymity.csv"), encoding: .utf8), """
            file,quasi_identifiers,k,respondents,classes,smallest_class,classes_below_k,respondents_below_k,percent_below_k
            wave.csv,"age_group, income",12,200,19,1,11,79,39.5

            """)
    }

    func testAQuasiIdentifierThatIsNotAVariableOrIsAnIDIsAnErrorAtItsLine() throws {
        let folder = try temporaryFolder()
        let study = try write("""
            title: k-anonymity fixture
            codebook: \(Self.packageRoot.path)/Codebooks/privacy-paradox.codebook.yml
            data: \(Self.fixture.path)/wave.csv
            analyses:
              frequencies: [gender]
            privacy:
              quasi_identifiers: [age_group, postcode, respondent_id, age_group]
              k: 0

            """, to: "study.yml", in: folder)
        let outcome = try paradox(["run", study.path, "--out", folder.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(outcome.stderr, "paradox: error: \(study.path):8:6: privacy.k: 0 (expected a whole number from 1 to 1000)\n")
        _ = try write(String(contentsOf: study, encoding: .utf8).replacingOccurrences(of: "k: 0", with: "k: 5"), to: "study.yml", in: folder)
        let second = try paradox(["run", study.path, "--out", folder.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(second.status, 1)
        XCTAssertEqual(second.stderr, """
            paradox: error: 3 problems:
              \(study.path):7:34: privacy names the quasi-identifier 'postcode', which is not a variable of the codebook
              \(study.path):7:44: privacy names the quasi-identifier 'respondent_id', which is a respondent ID (expected a column that describes respondents, e.g. age group or region)
              \(study.path):7:59: privacy names the quasi-identifier 'age_group' twice (expected each column once)

            """)
    }
}
