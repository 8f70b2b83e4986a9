import Foundation
import XCTest

/// ω and ordinal α/ω in `paradox reliability`, on the five-item fixture (q3 reverse-keyed on 1–5):
/// ω with its Wald interval against lavaan 0.6-14 (`Tests/SurveyStatsTests/Fixtures/omega/omega_ci.R`),
/// ordinal α, ω and polychoric correlations against `Fixtures/polychoric/polychoric.R` (R 4.2.2,
/// mvtnorm 1.1-3, psych 2.2.9, lavaan 0.6-14, semTools 0.5-6).
final class ReliabilityOmegaCLITests: CLITestCase {
    static let arguments = ["reliability", "Tests/SurveyStatsTests/Fixtures/descriptives/likert.csv", "--items", "q1,q2,q3,q4,q5",
                            "--reverse", "q3", "--scale-min", "1", "--scale-max", "5"]

    func testOmegaAndOrdinalJSON() throws {
        let outcome = try paradox(Self.arguments + ["--ordinal", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let root = try json(outcome.stdout)
        XCTAssertEqual(root["n"] as? Int, 53)
        XCTAssertNotNil(root["alpha"] as? Double)
        XCTAssertTrue(root["omega_problem"] is NSNull)
        let omega = try XCTUnwrap(root["omega"] as? [String: Any])
        func close(_ value: Any?, _ expected: Double, _ tolerance: Double, _ label: String) {
            guard let value = value as? Double else { return XCTFail("no number for \(label)") }
            XCTAssertLessThanOrEqual(abs(value - expected), tolerance * abs(expected), "\(label): \(value) vs \(expected)")
        }
        close(omega["omega"], 0.7043491478445, 1e-7, "omega")
        close(omega["std_error"], 0.0630403731461228, 1e-6, "std_error")
        close(omega["conf_low"], 0.580792286906133, 1e-6, "conf_low")
        close(omega["conf_high"], 0.827906008782867, 1e-6, "conf_high")
        XCTAssertEqual(omega["conf_level"] as? Double, 0.95)
        let ordinal = try XCTUnwrap(root["ordinal"] as? [String: Any])
        close(ordinal["alpha"], 0.681028549386325, 1e-8, "ordinal alpha")
        close((ordinal["omega"] as? [String: Any])?["omega"], 0.703280528493273, 1e-7, "ordinal omega")
        let matrix = try XCTUnwrap((ordinal["polychoric"] as? [String: Any])?["matrix"] as? [Double])
        close(matrix[0 * 5 + 3], 0.461250046358305, 1e-9, "rho q1 q4")
        close(matrix[2 * 5 + 3], 0.538650522717542, 1e-9, "rho q3 q4")
    }

    /// The variables of `likert.csv` (Tests/SurveyStatsTests/Fixtures/descriptives) as a codebook's first lines.
    static let likertVariables = """
        variables:
          - {name: id, type: id}
          - {name: q1, type: likert, scale: [1, 5]}
          - {name: q2, type: likert, scale: [1, 5]}
          - {name: q3, type: likert, scale: [1, 5], reverse: true}
          - {name: q4, type: likert, scale: [1, 5]}
          - {name: q5, type: likert, scale: [1, 5]}

        """

    /// Issue 19, point 5: `reliability: {ordinal: true}` in a study file gives `paradox reliability
    /// --ordinal`'s numbers (R's, above) from cross-tabulations the engine tallies, and shards of the
    /// file summarised apart and merged give the same (counts add exactly).
    func testOrdinalReliabilityInAStudyAndFromShards() throws {
        let folder = try temporaryFolder()
        let data = Self.packageRoot.appendingPathComponent("Tests/SurveyStatsTests/Fixtures/descriptives/likert.csv").path
        _ = try write(Self.likertVariables + """
              - {name: hours, type: numeric}
              - {name: region, type: numeric}
            scales:
              - {name: s, items: [q1, q2, q3, q4, q5]}
              - {name: mixed, items: [q1, q2, hours]}

            """, to: "codebook.yml", in: folder)
        let study = try write("""
            title: ordinal reliability
            codebook: codebook.yml
            data: \(data)
            analyses:
              descriptives: [s]
              frequencies: [q1]
              reliability: {scales: [s, mixed], ordinal: true}
              correlations: [s, hours]

            """, to: "study.yml", in: folder)
        let run = try paradox(["run", study.path, "--out", folder.appendingPathComponent("run").path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let onePass = try ordinalReliability(in: folder.appendingPathComponent("run"))
        XCTAssertEqual(onePass.map { $0["scale"] as? String }, ["s", "mixed"])
        XCTAssertEqual(onePass[1]["problem"] as? String, "hours is not a Likert item (expected ordinal items)")
        let result = try XCTUnwrap(onePass[0]["result"] as? [String: Any])
        let command = try paradox(Self.arguments + ["--ordinal", "--format", "json"])
        XCTAssertEqual(result as NSDictionary, try XCTUnwrap(json(command.stdout)["ordinal"] as? [String: Any]) as NSDictionary)
        XCTAssertEqual(result["alpha"] as? Double ?? 0, 0.681028549386325, accuracy: 1e-8)
        let report = try String(contentsOf: folder.appendingPathComponent("run/report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("Ordinal α and ω of mixed: not estimated (hours is not a Likert item (expected ordinal items))."), report)

        let summaries = try shardSummaries(study: study.path, wave: data, in: folder)
        let merge = try paradox(["merge", study.path] + summaries + ["--out", folder.appendingPathComponent("merged").path])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        XCTAssertEqual(try ordinalReliability(in: folder.appendingPathComponent("merged"))[0]["result"] as? NSDictionary, result as NSDictionary)

        // A table whose counts do not add up to its items' margins is refused when read.
        let text = try String(contentsOfFile: summaries[0], encoding: .utf8)
        let tables = try XCTUnwrap(text.range(of: #""tables":[["#))
        let firstCount = tables.upperBound..<(try XCTUnwrap(text[tables.upperBound...].firstIndex(of: ",")))
        let crafted = try write(text.replacingCharacters(in: firstCount, with: "1000000"), to: "crafted.summary.json", in: folder)
        let refused = try paradox(["merge", study.path, crafted.path, "--out", folder.appendingPathComponent("bad").path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("expected the table of items 1 and 2 to hold counts 0 or more adding up to their margins"), refused.stderr)
    }

    /// `ordinal: true` on a codebook scale: its ordinal α and ω are reported with its reliability
    /// (the plan's `reliability:` not asking), the command's numbers; a scale without it has none.
    func testOrdinalOnACodebookScale() throws {
        let folder = try temporaryFolder()
        let data = Self.packageRoot.appendingPathComponent("Tests/SurveyStatsTests/Fixtures/descriptives/likert.csv").path
        _ = try write(Self.likertVariables + """
            scales:
              - {name: s, items: [q1, q2, q3, q4, q5], ordinal: true}
              - {name: pair, items: [q1, q2]}

            """, to: "codebook.yml", in: folder)
        _ = try write("title: T\ncodebook: codebook.yml\ndata: \(data)\nanalyses:\n  reliability: [s, pair]\n", to: "study.yml", in: folder)
        let run = try paradox(["run", "study.yml", "--out", "run"], in: folder)
        XCTAssertEqual(run.status, 0, run.stderr)
        let reported = try ordinalReliability(in: folder.appendingPathComponent("run"))
        XCTAssertEqual(reported.map { $0["scale"] as? String }, ["s"])
        let command = try paradox(Self.arguments + ["--ordinal", "--format", "json"])
        XCTAssertEqual(reported[0]["result"] as? NSDictionary, try XCTUnwrap(json(command.stdout)["ordinal"] as? [String: Any]) as NSDictionary)
    }

    /// Without a codebook, a missing code beside 1–5 is not an ordinal category: refused by name,
    /// and with `--missing` blank for every statistic — the numbers of the file with those cells blank.
    func testOrdinalMissingCodesAreRefusedOrDeclared() throws {
        let folder = try temporaryFolder()
        let lines = try String(contentsOf: Self.packageRoot.appendingPathComponent("Tests/SurveyStatsTests/Fixtures/descriptives/likert.csv"), encoding: .utf8)
            .components(separatedBy: "\n")
        // Rows 5 and 9 answer q2 with 98 ("don't know"), row 12 with 99.
        func replacingQ2(_ row: Int, _ value: String, in lines: [String]) -> [String] {
            var lines = lines
            var cells = lines[row].components(separatedBy: ",")
            cells[2] = value
            lines[row] = cells.joined(separator: ",")
            return lines
        }
        var coded = lines, blank = lines
        for (row, code) in [(5, "98"), (9, "98"), (12, "99")] {
            coded = replacingQ2(row, code, in: coded)
            blank = replacingQ2(row, "", in: blank)
        }
        _ = try write(coded.joined(separator: "\n"), to: "coded.csv", in: folder)
        _ = try write(blank.joined(separator: "\n"), to: "blank.csv", in: folder)
        let items = ["--items", "q1,q2,q3,q4,q5", "--reverse", "q3", "--scale-min", "1", "--scale-max", "5", "--ordinal", "--format", "json"]
        let refused = try paradox(["reliability", "coded.csv"] + items, in: folder)
        XCTAssertEqual(refused.status, 1)
        XCTAssertEqual(refused.stderr, "paradox: error: --ordinal: item q2 has answers from 1 to 99 (expected whole-number answers on a scale of at most 10 points; "
                       + "declare missing codes such as 98 and 99 with --missing 98,99)\n")
        let declared = try paradox(["reliability", "coded.csv"] + items + ["--missing", "98,99"], in: folder)
        XCTAssertEqual(declared.status, 0, declared.stderr)
        let blanked = try paradox(["reliability", "blank.csv"] + items, in: folder)
        XCTAssertEqual(blanked.status, 0, blanked.stderr)
        XCTAssertEqual(declared.stdout, blanked.stdout)
        XCTAssertEqual(try json(declared.stdout)["n"] as? Int, 51)
        let badCode = try paradox(["reliability", "coded.csv"] + items + ["--missing", "98,x"], in: folder)
        XCTAssertEqual(badCode.status, 64)
        XCTAssertTrue(badCode.stderr.contains("'x' is not a number (expected codes such as 98,99)"), badCode.stderr)
    }

    func ordinalReliability(in out: URL) throws -> [[String: Any]] {
        let results = try json(String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))
        return try XCTUnwrap(((results["waves"] as? [[String: Any]])?.first?["ordinal_reliability"]) as? [[String: Any]])
    }

    func testOmegaTableText() throws {
        let outcome = try paradox(Self.arguments)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("McDonald's ω and One-Factor CFA of the Scales"), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("Selected  5  53  .70           .58            .83           .71  4.15   5  .528  1.00  1.05    .00         .00          .17   .06\n"), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("Polychoric"))
    }

    func testTwoItemsGiveAlphaAndSayWhyNoOmega() throws {
        let outcome = try paradox(["reliability", "Tests/SurveyStatsTests/Fixtures/descriptives/likert.csv", "--items", "q1,q2", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let root = try json(outcome.stdout)
        XCTAssertTrue(root["omega"] is NSNull)
        XCTAssertEqual(root["omega_problem"] as? String, "ω from a one-factor model needs at least 3 items (with 2 the model is not identified)")
    }

    func testOrdinalRefusesAContinuousItem() throws {
        let outcome = try paradox(["reliability", "Tests/SurveyStatsTests/Fixtures/descriptives/likert.csv", "--items", "q1,q2,hours", "--ordinal"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertTrue(outcome.stderr.contains("item hours has answers from"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("expected whole-number answers on a scale of at most 10 points"), outcome.stderr)
    }
}
