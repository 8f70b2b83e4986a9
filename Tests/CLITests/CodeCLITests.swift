import XCTest

/// `paradox code` through the built binary: regexes that cannot hang, rejected patterns with their
/// position, pre-segmented CSV input, precision/recall and the disagreement file.
final class CodeCLITests: CLITestCase {
    static let codebook = """
    name: CLI
    themes:
      - id: runs
        label: Runs of a
        regex: ['(a+)+$']
      - id: consent
        label: Consent
        words: [consent*]
        regex: ['\\bopt ?(in|out)\\b']

    """

    func testNestedQuantifierOnALongTurnFinishes() throws {
        let folder = try temporaryFolder()
        let themes = try write(Self.codebook, to: "themes.yml", in: folder)
        let turn = "P01: " + String(repeating: "a", count: 100_000) + "\n"
        let transcript = try write(turn, to: "T1.txt", in: folder)
        let outcome = try paradox(["code", transcript.path, "--codebook", themes.path, "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let themesFound = try XCTUnwrap(try json(outcome.stdout)["themes"] as? [[String: Any]])
        XCTAssertEqual(themesFound.first { $0["themeID"] as? String == "runs" }?["segments"] as? Int, 1)
        let exemplars = try XCTUnwrap(try json(outcome.stdout)["exemplars"] as? [[String: Any]])
        XCTAssertEqual((exemplars.first?["quote"] as? String)?.count, 601)  // 600 characters and "…"
    }

    func testBackreferenceIsAnErrorWithLineAndColumn() throws {
        let folder = try temporaryFolder()
        let themes = try write("themes:\n  - id: a\n    label: A\n    regex:\n      - '(ab)\\1'\n", to: "themes.yml", in: folder)
        let transcript = try write("P01: abab\n", to: "T1.txt", in: folder)
        let outcome = try paradox(["code", transcript.path, "--codebook", themes.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(outcome.stderr, "paradox: error: \(themes.path):5:9: regular expression '(ab)\\1' cannot be used: Back-references are unsupported.\n")
    }

    func testSegmentTableWithGoldWritesPrecisionRecallAndDisagreements() throws {
        let folder = try temporaryFolder()
        let themes = try write(Self.codebook, to: "themes.yml", in: folder)
        let answers = try write("id,text,group\nR1,We opt in.,x\nR2,No consent asked.,y\nR3,Nothing here.,x\n", to: "answers.csv", in: folder)
        let gold = try write("segment_id,themes\nR1,consent\nR2,\nR3,consent\n", to: "gold.csv", in: folder)
        let disagreements = folder.appendingPathComponent("disagreements.csv")
        let outcome = try paradox(["code", answers.path, "--codebook", themes.path, "--gold", gold.path,
                                   "--disagreements", disagreements.path, "--format", "csv"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("\nConsent,consent,2,2,0.5,0.5,0.5\nMacro average,,,,0.5,0.5,0.5\nMicro average,,2,2,0.5,0.5,0.5\n"), outcome.stdout)
        XCTAssertEqual(try String(contentsOf: disagreements, encoding: .utf8), """
        segment_id,participant_id,automatic_only,human_only,automatic,human,fired_terms,text
        R2,R2,consent,,consent,,consent: consent*,No consent asked.
        R3,R3,,consent,,consent,,Nothing here.

        """)
    }

    /// Issue 17, point 6: an attribute with many values (12 cities, two participants each) gets its
    /// theme matrix by default; one with a different value for every participant (a postcode) does
    /// not, since each column would single one person out.
    func testAttributesWithManyValuesAreCrossedUnlessEachValueIsOneParticipants() throws {
        let folder = try temporaryFolder()
        let themes = try write(Self.codebook, to: "themes.yml", in: folder)
        let rows = (1...24).map { "R\($0),We opt in.,c\(($0 - 1) % 12 + 1),P\(1000 + $0)" }
        let answers = try write("id,text,city,postcode\n" + rows.joined(separator: "\n") + "\n", to: "answers.csv", in: folder)
        let outcome = try paradox(["code", answers.path, "--codebook", themes.path, "--format", "markdown"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("*Participants Mentioning Each Theme by City*"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("c12"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("by Postcode"), outcome.stdout)
        let asked = try paradox(["code", answers.path, "--codebook", themes.path, "--by", "postcode", "--format", "markdown"])
        XCTAssertEqual(asked.status, 0, asked.stderr)
        XCTAssertTrue(asked.stdout.contains("*Participants Mentioning Each Theme by Postcode*"), asked.stdout)
    }

    func testMisspeltByAttributeIsAnError() throws {
        let folder = try temporaryFolder()
        let themes = try write(Self.codebook, to: "themes.yml", in: folder)
        let answers = try write("id,text,group\nR1,We opt in.,x\n", to: "answers.csv", in: folder)
        let outcome = try paradox(["code", answers.path, "--codebook", themes.path, "--by", "grup"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "paradox: error: no participant attribute 'grup'; known attributes: group\n")
    }

    func testSeveralCodersGiveFleissKappaAndTheToolAgainstTheirMajority() throws {
        let folder = try temporaryFolder()
        let themes = try write(Self.codebook, to: "themes.yml", in: folder)
        let answers = try write("id,text\nR1,We opt in.\nR2,No consent asked.\nR3,Nothing here.\nR4,Opt out.\n", to: "answers.csv", in: folder)
        let first = try write("segment_id,themes\nR1,consent\nR2,consent\nR3,\nR4,consent\n", to: "a.csv", in: folder)
        let second = try write("segment_id,themes\nR1,consent\nR2,\nR3,\nR4,consent\n", to: "b.csv", in: folder)
        let third = try write("segment_id,themes\nR1,consent\nR2,consent\nR3,consent\nR4,\n", to: "c.csv", in: folder)
        let outcome = try paradox(["code", answers.path, "--codebook", themes.path, "--gold", first.path, "--gold", second.path,
                                   "--gold", third.path, "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let root = try json(outcome.stdout)
        let panel = try XCTUnwrap(root["panel"] as? [String: Any])
        XCTAssertEqual(panel["segments"] as? Int, 4)
        let consent = try XCTUnwrap((panel["themes"] as? [[String: Any]])?.first { $0["themeID"] as? String == "consent" })
        XCTAssertEqual(consent["majoritySegments"] as? Int, 3)
        // Counts coded/not per segment: 3/0, 2/1, 1/2, 2/1: P̄ = (1 + 1/3 + 1/3 + 1/3) / 4 = 1/2,
        // p = (8/12, 4/12), P_e = 5/9, κ = (1/2 − 5/9) / (4/9) = −1/8.
        XCTAssertEqual(consent["fleissKappa"] as! Double, -0.125, accuracy: 1e-12)
        // The majority (R1, R2, R4) is exactly what the tool codes: full agreement.
        let agreement = try XCTUnwrap((root["agreement"] as? [String: Any])?["themes"] as? [[String: Any]])
        XCTAssertEqual(agreement.first { $0["themeID"] as? String == "consent" }?["percentAgreement"] as? Double, 100)
    }

    func testQDPXGoldGivesOneCoderPerUserAndWarnsOfWhatItLeavesOut() throws {
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/ThematicTests/Fixtures")
        let project = fixtures.appendingPathComponent("refi-qda/import/nvivo-style.qdpx").path
        let codebook = fixtures.appendingPathComponent("codebooks/mini.yml").path
        let outcome = try paradox(["code", fixtures.appendingPathComponent("transcripts/mini.txt").path, "--codebook", codebook,
                                   "--unit", "paragraph", "--gold", project, "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, """
        paradox: warning: \(project): codes that name no theme of \(codebook), their codings left out: Off-topic
        paradox: warning: \(project): sources that are no transcript being coded, left out: Other interview

        """)
        let panel = try XCTUnwrap(try json(outcome.stdout)["panel"] as? [String: Any])
        XCTAssertEqual(panel["coders"] as? [String], ["\(project) (user Ana)", "\(project) (user Ben)"])
        // statsmodels 0.15.0 fleiss_kappa: Fixtures/refi-qda/import/reference_panel.py.
        let ethics = try XCTUnwrap((panel["themes"] as? [[String: Any]])?.first { $0["themeID"] as? String == "ethics" })
        XCTAssertEqual(ethics["fleissKappa"] as! Double, 0.33333333333333326, accuracy: 1e-12)
    }

    func testDamagedQDPXIsAnErrorNamingTheEntry() throws {
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/ThematicTests/Fixtures")
        let project = fixtures.appendingPathComponent("refi-qda/import/missing-source.qdpx").path
        let outcome = try paradox(["code", fixtures.appendingPathComponent("transcripts/mini.txt").path,
                                   "--codebook", fixtures.appendingPathComponent("codebooks/mini.yml").path, "--gold", project])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertEqual(outcome.stderr, "paradox: error: \(project): no entry 'sources/5E000000-0000-0000-0000-000000000001.txt', expected the text of source 'mini'\n")
    }

    /// An absolute:// source is an error without --sources and is read from DIR/<its file name> with it.
    func testAbsoluteSourcePathIsReadOnlyFromTheSourcesFolder() throws {
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/ThematicTests/Fixtures")
        let project = fixtures.appendingPathComponent("refi-qda/import/external/absolute.qdpx").path
        let arguments = ["code", fixtures.appendingPathComponent("transcripts/mini.txt").path, "--codebook",
                         fixtures.appendingPathComponent("codebooks/mini.yml").path, "--unit", "paragraph", "--gold", project, "--format", "json"]
        let refused = try paradox(arguments)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertEqual(refused.stderr, "paradox: error: \(project):project.qde:22: source 'mini' has plainTextPath=\"absolute:///C:/Users/Ana/My%20Documents/mini-interview.txt\", "
                       + "a file on the machine that made the project; Paradox reads no path a project names: copy the file into a folder and give it "
                       + "with --sources DIR (read as DIR/<its file name>)\n")
        let read = try paradox(arguments + ["--sources", fixtures.appendingPathComponent("refi-qda/import/external").path])
        XCTAssertEqual(read.status, 0, read.stderr)
        let panel = try XCTUnwrap(try json(read.stdout)["panel"] as? [String: Any])
        XCTAssertEqual(panel["coders"] as? [String], ["\(project) (user Ana)", "\(project) (user Ben)"])
        let ethics = try XCTUnwrap((panel["themes"] as? [[String: Any]])?.first { $0["themeID"] as? String == "ethics" })
        XCTAssertEqual(ethics["fleissKappa"] as! Double, 0.33333333333333326, accuracy: 1e-12, "the same as the project holding its text")
    }

    /// --qdpx writes each --gold coder as a user of its own beside Paradox's: read back as --gold, the
    /// project gives those coders again (Ben's Fleiss κ with Ana as from the original project).
    func testExportedProjectCarriesTheHumanCodersAsUsers() throws {
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/ThematicTests/Fixtures")
        let original = fixtures.appendingPathComponent("refi-qda/import/nvivo-style.qdpx").path
        let exported = try temporaryFolder().appendingPathComponent("coded.qdpx").path
        let arguments = ["code", fixtures.appendingPathComponent("transcripts/mini.txt").path, "--codebook",
                         fixtures.appendingPathComponent("codebooks/mini.yml").path, "--unit", "paragraph", "--format", "json"]
        let export = try paradox(arguments + ["--gold", original, "--qdpx", exported])
        XCTAssertEqual(export.status, 0, export.stderr)
        let read = try paradox(arguments + ["--gold", exported])
        XCTAssertEqual(read.status, 0, read.stderr)
        XCTAssertEqual(read.stderr, "")
        let panel = try XCTUnwrap(try json(read.stdout)["panel"] as? [String: Any])
        XCTAssertEqual(panel["coders"] as? [String], ["Paradox deductive coder", "\(original) (user Ana)", "\(original) (user Ben)"].map { "\(exported) (user \($0))" })
    }

    func testSkippedQTurnsAreCountedPerTranscriptUnlessInterviewerTurnsAreCoded() throws {
        let folder = try temporaryFolder()
        let themes = try write(Self.codebook, to: "themes.yml", in: folder)
        let first = try write("Q: Did you consent?\nA: I opted in.\n\nQ: Why?\nA: Consent mattered.\n", to: "QA1.txt", in: folder)
        let second = try write("Q: Consent?\nA: Opt out.\n", to: "QA2.txt", in: folder)
        let plain = try write("P01: Consent is asked.\n", to: "T3.txt", in: folder)
        let skipped = try paradox(["code", first.path, second.path, plain.path, "--codebook", themes.path, "--format", "csv"])
        XCTAssertEqual(skipped.status, 0)
        XCTAssertEqual(skipped.stderr, "paradox: warning: Q: turns are interviewer turns and were not coded (--code-interviewer codes them): QA1.txt (2), QA2.txt (1)\n")
        let coded = try paradox(["code", first.path, second.path, plain.path, "--codebook", themes.path, "--format", "csv", "--code-interviewer"])
        XCTAssertEqual(coded.status, 0)
        XCTAssertEqual(coded.stderr, "")
    }

    func testTrainReportsCrossValidationAndSavesAModelThatSuggestsTheSameCodes() throws {
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/ThematicTests/Fixtures/learned")
        let folder = try temporaryFolder()
        let model = folder.appendingPathComponent("model.yml"), trained = folder.appendingPathComponent("trained.csv")
        let applied = folder.appendingPathComponent("applied.csv")
        let answers = fixtures.appendingPathComponent("answers.csv").path, themes = fixtures.appendingPathComponent("themes.yml").path
        let training = try paradox(["code", answers, "--codebook", themes, "--train", fixtures.appendingPathComponent("gold.csv").path,
                                    "--save-model", model.path, "--suggestions", trained.path, "--format", "csv"])
        XCTAssertEqual(training.status, 0, training.stderr)
        // scikit-learn 1.9.1 reference (words and two-word phrases): Fixtures/learned/reference.txt (to 1e-12 in LearnedCodingTests).
        XCTAssertTrue(training.stdout.contains("""
        theme,theme_id,human,dictionary_precision,dictionary_recall,dictionary_kappa,learned_precision,learned_recall,learned_kappa
        Price,price,39,0.8333333333333334,0.2564102564102564,0.1242937853107345,0.7659574468085106,0.9230769230769231,0.4377510040160644

        """), training.stdout)
        let applying = try paradox(["code", answers, "--codebook", themes, "--model", model.path, "--suggestions", applied.path])
        XCTAssertEqual(applying.status, 0, applying.stderr)
        XCTAssertEqual(try Data(contentsOf: applied), try Data(contentsOf: trained))
        XCTAssertTrue(try String(contentsOf: applied, encoding: .utf8).hasPrefix("""
        segment_id,participant_id,theme_id,probability,dictionary,text
        R01,R01,price,0.9942411703138188,1,delivery app bad cost slow helpful cheap friendly

        """))
    }

    func testSaveModelWithoutTrainIsAUsageError() throws {
        let fixtures = Self.packageRoot.appendingPathComponent("Tests/ThematicTests/Fixtures/learned")
        let outcome = try paradox(["code", fixtures.appendingPathComponent("answers.csv").path, "--codebook",
                                   fixtures.appendingPathComponent("themes.yml").path, "--save-model", "model.yml"])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertTrue(outcome.stderr.contains("--save-model needs --train (the human coding to learn from)."), outcome.stderr)
    }
}
