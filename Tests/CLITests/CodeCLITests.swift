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

    func testMisspeltByAttributeIsAnError() throws {
        let folder = try temporaryFolder()
        let themes = try write(Self.codebook, to: "themes.yml", in: folder)
        let answers = try write("id,text,group\nR1,We opt in.,x\n", to: "answers.csv", in: folder)
        let outcome = try paradox(["code", answers.path, "--codebook", themes.path, "--by", "grup"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "paradox: error: no participant attribute 'grup'; known attributes: group\n")
    }
}
