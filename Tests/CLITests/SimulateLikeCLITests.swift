import Foundation
import XCTest

/// Issue 15, point 5: `paradox simulate --like WAVE --codebook C.yml` writes a synthetic wave whose
/// shares, α, scale correlations and the study's models match the real wave within the tolerances
/// README.md states (at --rows ≥ 5000): |Δ share| ≤ 0.01, |Δα| ≤ 0.03, |Δr| ≤ 0.05, |Δβ| ≤ 0.05,
/// |Δη²| ≤ 0.02. The real and the synthetic figures both come from `paradox run` on the same study
/// plan; the shares are counted here from the two files.
final class SimulateLikeCLITests: CLITestCase {
    static let bundledWave = "Data/wave1.csv"
    static let bundledCodebook = "Codebooks/privacy-paradox.codebook.yml"
    static let fixtures = "Tests/Fixtures/simulate-like"

    func testTheBundledWaveIsReproducedWithinTheStatedTolerances() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("synthetic.csv").path
        let outcome = try paradox(["simulate", "--like", Self.bundledWave, "--codebook", Self.bundledCodebook, "--seed", "11", "--rows", "5000", "--out", out])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, """
            Wrote 5000 SYNTHETIC rows like Data/wave1.csv to \(out) (seed 11): 30 columns drawn from a Gaussian copula of their polychoric correlations and empirical shares.
            Not reproduced: respondent_id (respondent ID: fresh IDs SYN…).
            Codebook marked synthetic: \(folder.appendingPathComponent("synthetic.codebook.yml").path) (a study run on it says SYNTHETIC in its report).

            """)
        try assertSharesMatch(real: Self.packageRoot.appendingPathComponent(Self.bundledWave).path, synthetic: out, skipping: ["respondent_id"])
        let analyses = """
            analyses:
              reliability: all
              correlations: {variables: [privacy_concern, transparency, intrusiveness, attitude, benefits, risks, trust], missing: listwise}
              regressions:
                - {name: concern_model, dependent: privacy_concern, predictors: [transparency, intrusiveness]}
                - {name: trust_model, dependent: trust, predictors: [benefits, risks]}
              anovas:
                - {name: concern_by_age, dependent: privacy_concern, factor: age_group}
            """
        try assertModelsMatch(analyses, realWave: Self.packageRoot.appendingPathComponent(Self.bundledWave).path,
                              realCodebook: Self.packageRoot.appendingPathComponent(Self.bundledCodebook).path, synthetic: out, in: folder)
    }

    /// A 1–7 scale with a reverse-keyed item, a categorical and a numeric column, a missing code, a
    /// pii e-mail and a free-text comment (`Tests/Fixtures/simulate-like/make_wave.py`).
    func testAWaveWithASevenPointScaleAndACategoricalColumn() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("w7.csv").path
        let real = "\(Self.fixtures)/wave7.csv"
        let outcome = try paradox(["simulate", "--like", real, "--codebook", "\(Self.fixtures)/wave7.codebook.yml", "--seed", "5", "--rows", "5000", "--out", out])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, """
            Wrote 5000 SYNTHETIC rows like \(real) to \(out) (seed 5): 9 columns drawn from a Gaussian copula of their polychoric correlations and empirical shares.
            Not reproduced: case_id (respondent ID: fresh IDs SYN…).
            Not reproduced: email (personal data (pii): left blank).
            Not reproduced: comment (free text: left blank).
            Codebook marked synthetic: \(folder.appendingPathComponent("w7.codebook.yml").path) (a study run on it says SYNTHETIC in its report).

            """)
        let realPath = Self.packageRoot.appendingPathComponent(real).path
        try assertSharesMatch(real: realPath, synthetic: out, skipping: ["case_id", "email", "comment", "age"])
        let rows = try Self.records(out)
        XCTAssertEqual(rows.first, ["case_id", "email", "channel", "age", "S1", "S2", "S3", "S4", "L1", "L2", "L3", "comment"])
        XCTAssertEqual(rows.dropFirst().map { $0[0] }, (1...5000).map { String(format: "SYN%04d", $0) })
        XCTAssertTrue(rows.dropFirst().allSatisfy { $0[1].isEmpty && $0[11].isEmpty }, "pii and free text are blank")
        let written = try String(contentsOfFile: out, encoding: .utf8)
        for planted in ["@example.org", "0161 496", "Maria", "C0001"] { XCTAssertFalse(written.contains(planted), planted) }
        // The numeric column keeps its range, whole numbers and missing code share.
        let ages = rows.dropFirst().map { $0[3] }
        XCTAssertTrue(ages.allSatisfy { $0 == "-9" || (Int($0).map { (18...84).contains($0) } ?? false) }, "ages are whole numbers in the real range")
        let realAges = try Self.records(realPath).dropFirst().map { $0[3] }
        XCTAssertEqual(Self.share(of: "-9", in: ages), Self.share(of: "-9", in: realAges), accuracy: 0.01)
        let analyses = """
            analyses:
              reliability: all
              correlations: {variables: [satisfaction, loyalty, age], missing: listwise}
              regressions:
                - {name: loyalty_model, dependent: loyalty, predictors: [satisfaction, age]}
              anovas:
                - {name: satisfaction_by_channel, dependent: satisfaction, factor: channel}
            """
        try assertModelsMatch(analyses, realWave: realPath, realCodebook: Self.packageRoot.appendingPathComponent("\(Self.fixtures)/wave7.codebook.yml").path,
                              synthetic: out, in: folder)
    }

    func testTheSameSeedWritesTheSameBytesAndAnotherSeedOthers() throws {
        let folder = try temporaryFolder()
        var waves: [Data] = []
        for (name, seed) in [("a", "3"), ("b", "3"), ("c", "4")] {
            let out = folder.appendingPathComponent("\(name).csv").path
            let outcome = try paradox(["simulate", "--like", Self.bundledWave, "--codebook", Self.bundledCodebook, "--seed", seed, "--out", out])
            XCTAssertEqual(outcome.status, 0, outcome.stderr)
            waves.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        XCTAssertEqual(waves[0], waves[1])
        XCTAssertNotEqual(waves[0], waves[2])
        XCTAssertEqual(try Self.records(folder.appendingPathComponent("a.csv").path).count, 201, "as many rows as the real wave by default")
        let codebook = try String(contentsOf: folder.appendingPathComponent("a.codebook.yml"), encoding: .utf8)
        let original = try String(contentsOf: Self.packageRoot.appendingPathComponent(Self.bundledCodebook), encoding: .utf8)
        XCTAssertEqual(codebook, original + "synthetic: \"generated by `paradox simulate --like wave1.csv --seed 3 --rows 200` (a Gaussian copula of the real wave's columns); it reproduces distributions and correlations, not respondents.\"\n")
    }

    func testBadInputsAreTypedErrorsAndWriteNothing() throws {
        let folder = try temporaryFolder()
        let out = folder.appendingPathComponent("x.csv").path
        let missing = folder.appendingPathComponent("none.yml").path
        let cases: [([String], Int32, String)] = [
            (["--codebook", missing], 1, "paradox: error: \(missing): cannot read the file (does it exist?)\n"),
            (["--like", "\(Self.fixtures)/wave7.csv"], 1, "paradox: error: \(Self.packageRoot.path)/\(Self.fixtures)/wave7.csv:1: the codebook's variable 'respondent_id' is not a column of the file (expected it in the header)\n"),
            (["--rows", "0"], 64, "Error: --rows must be at least 1.\n"),
            (["--rows", "99999999999999999999"], 64, "Error: The value '99999999999999999999' is invalid for '--rows <rows>'\n"),
            (["--rows", "10000001"], 64, "Error: --rows must be at most 10000000 (the wave is drawn in memory).\n"),
            (["--rows", "10000000"], 1, "paradox: error: cannot simulate 10000000 rows of 30 reproduced columns (expected rows × columns at most 50000000; ask for fewer --rows)\n"),
            (["--codebook-out", Self.bundledCodebook], 1, "paradox: error: \(Self.bundledCodebook) is an input of this command (expected another --out or --codebook-out; inputs are never modified)\n"),
            (["--respondents", "50"], 64, "Error: --respondents and --no-calibrate are for the bundled wave; with --like use --rows.\n"),
        ]
        for (changes, status, message) in cases {
            var options = ["--like": Self.bundledWave, "--codebook": Self.bundledCodebook, "--out": out]
            for pair in stride(from: 0, to: changes.count, by: 2) { options[changes[pair]] = changes[pair + 1] }
            let arguments = ["simulate"] + options.keys.sorted().flatMap { [$0, options[$0]!] }
            let outcome = try paradox(arguments)
            XCTAssertEqual(outcome.status, status, "\(changes)")
            XCTAssertTrue(outcome.stderr.hasPrefix(message), "\(changes): \(outcome.stderr)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [], "\(changes) wrote nothing")
        }
        let overwrite = try paradox(["simulate", "--like", Self.bundledWave, "--codebook", Self.bundledCodebook, "--out", "./" + Self.bundledWave])
        XCTAssertEqual(overwrite.status, 1)
        XCTAssertEqual(overwrite.stderr, "paradox: error: ./\(Self.bundledWave) is an input of this command (expected another --out or --codebook-out; inputs are never modified)\n")
    }

    // MARK: - Comparisons

    /// Every reproduced column's share of each written value (answers and missing codes, blank
    /// included) within 0.01 of the real wave's.
    func assertSharesMatch(real: String, synthetic: String, skipping: Set<String>, file: StaticString = #filePath, line: UInt = #line) throws {
        let realRows = try Self.records(real), syntheticRows = try Self.records(synthetic)
        XCTAssertEqual(realRows[0], syntheticRows[0], file: file, line: line)
        for (index, name) in realRows[0].enumerated() where !skipping.contains(name) {
            let realCells = realRows.dropFirst().map { $0[index] }, syntheticCells = syntheticRows.dropFirst().map { $0[index] }
            for value in Set(realCells).union(syntheticCells) {
                XCTAssertEqual(Self.share(of: value, in: syntheticCells), Self.share(of: value, in: realCells), accuracy: 0.01,
                               "\(name) = '\(value)'", file: file, line: line)
            }
        }
    }

    /// Runs `analyses` with `paradox run` on the real wave and on the synthetic one (through the
    /// codebook written beside it) and compares α, correlations, standardized β and η²; the
    /// synthetic report says SYNTHETIC, the real one does not.
    func assertModelsMatch(_ analyses: String, realWave: String, realCodebook: String, synthetic: String, in folder: URL,
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let syntheticCodebook = URL(fileURLWithPath: synthetic).deletingPathExtension().path + ".codebook.yml"
        var results: [[String: Any]] = []
        for (name, codebook, wave) in [("real", realCodebook, realWave), ("synthetic", syntheticCodebook, synthetic)] {
            let study = try write("title: Check\ncodebook: \(codebook)\ndata: \(wave)\n\(analyses)\n", to: "\(name).study.yml", in: folder)
            let output = folder.appendingPathComponent("\(name)-out")
            let outcome = try paradox(["run", study.path, "--out", output.path])
            XCTAssertEqual(outcome.status, 0, outcome.stderr, file: file, line: line)
            let report = try String(contentsOf: output.appendingPathComponent("report.md"), encoding: .utf8)
            XCTAssertEqual(report.contains("The survey data in this report are SYNTHETIC: generated by `paradox simulate --like"), name == "synthetic",
                           file: file, line: line)
            let json = try self.json(String(contentsOf: output.appendingPathComponent("results.json"), encoding: .utf8))
            results.append(try XCTUnwrap((json["waves"] as? [[String: Any]])?.first, file: file, line: line))
        }
        func numbers(_ wave: [String: Any]) -> [String: Double] {
            var figures: [String: Double] = [:]
            for entry in wave["reliability"] as? [[String: Any]] ?? [] {
                figures["alpha \(entry["scale"]!)"] = (entry["result"] as? [String: Any])?["alpha"] as? Double
            }
            for pair in (wave["correlation"] as? [String: Any])?["pairs"] as? [[String: Any]] ?? [] {
                figures["r \(pair["x"]!) \(pair["y"]!)"] = pair["estimate"] as? Double
            }
            for model in wave["regressions"] as? [[String: Any]] ?? [] {
                for term in (model["result"] as? [String: Any])?["coefficients"] as? [[String: Any]] ?? [] {
                    figures["beta \(model["name"]!) \(term["term"]!)"] = term["std_estimate"] as? Double
                }
            }
            for anova in wave["anovas"] as? [[String: Any]] ?? [] {
                figures["eta2 \(anova["name"]!)"] = (anova["result"] as? [String: Any])?["eta_squared"] as? Double
            }
            return figures
        }
        let real = numbers(results[0]), synthetic = numbers(results[1])
        XCTAssertEqual(Set(real.keys), Set(synthetic.keys), file: file, line: line)
        XCTAssertGreaterThan(real.count, 3, file: file, line: line)
        let tolerances = ["alpha": 0.03, "r": 0.05, "beta": 0.05, "eta2": 0.02]
        for (key, value) in real {
            let tolerance = try XCTUnwrap(tolerances[String(key.prefix { $0 != " " })], file: file, line: line)
            XCTAssertEqual(try XCTUnwrap(synthetic[key], file: file, line: line), value, accuracy: tolerance, key, file: file, line: line)
        }
    }

    static func share(of value: String, in cells: [String]) -> Double {
        Double(cells.filter { $0 == value }.count) / Double(cells.count)
    }

    /// The records of a CSV file (RFC 4180: quoted fields with doubled quotes; no line breaks in fields).
    static func records(_ path: String) throws -> [[String]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            var fields: [String] = [], field = "", quoted = false, previous: Character = " "
            for character in line {
                if character == "\"" {
                    if quoted == false && previous == "\"" { field.append("\"") }
                    quoted.toggle()
                } else if character == ",", !quoted {
                    fields.append(field)
                    field = ""
                } else {
                    field.append(character)
                }
                previous = character
            }
            return fields + [field]
        }
    }
}
