import Foundation
import XCTest

/// What the CLI tests of design-based estimates share: the study fixtures (`Tests/Fixtures/design-study`),
/// the values R printed (`Tests/SurveyStatsTests/Fixtures/design`: `design.R` → `design_R.txt`,
/// `design_weights.R` → `design_weights_R.txt`, R 4.2.2, survey 4.1.1), the `design` part of a run's
/// results, and checks of results against them.
class DesignCLITestCase: CLITestCase {
    let studies = CLITestCase.packageRoot.appendingPathComponent("Tests/Fixtures/design-study")
    let fixtures = CLITestCase.packageRoot.appendingPathComponent("Tests/SurveyStatsTests/Fixtures/design")

    /// The numbers R printed after `label` (its words) in `file`.
    func expected(_ label: String, in file: String = "design_R.txt") throws -> [Double] {
        let text = try String(contentsOf: fixtures.appendingPathComponent(file), encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix(label + " ") }, label)
        return line.split(separator: " ").dropFirst(label.split(separator: " ").count).compactMap { Double($0) }
    }

    /// The `design` results of the study's one wave (a run's folder, or a wave's folder in a batch's).
    func designResults(_ folder: URL) throws -> [String: Any] {
        let results = try json(String(contentsOf: folder.appendingPathComponent("results.json"), encoding: .utf8))
        let wave = try XCTUnwrap((results["waves"] as? [[String: Any]])?.first)
        return try XCTUnwrap(wave["design"] as? [String: Any])
    }

    /// `paradox run` of a study of `Tests/Fixtures/design-study`: its output folder.
    func runStudy(_ study: String) throws -> URL {
        let out = try temporaryFolder().appendingPathComponent("out")
        let run = try paradox(["run", studies.appendingPathComponent(study).path, "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        return out
    }

    func check(_ object: [String: Any], _ key: String, _ value: Double, _ tolerance: Double, _ what: String) throws {
        let actual = try XCTUnwrap(object[key] as? Double, "\(what) \(key)")
        XCTAssertEqual(actual, value, accuracy: tolerance * abs(value), "\(what) \(key)")
    }

    /// A fitted regression's (or design-based ANOVA's) residual df, `terms` (named as Paradox
    /// names them) and Wald F of its slopes against R's lines `label df`, `label TERM` (estimate,
    /// SE, t, p, CI) and `regF …` (F, df, df residual, p), `regF` standing for `label`'s first word.
    func checkRegression(_ fit: [String: Any], _ label: String, terms names: [String], in file: String,
                         estimateTolerance: Double = 1e-11) throws {
        XCTAssertEqual(fit["df_residual"] as? Double, try expected("\(label) df", in: file)[0], label)
        let terms = try XCTUnwrap(fit["terms"] as? [[String: Any]])
        XCTAssertEqual(terms.map { $0["term"] as? String }, names, label)
        for term in terms {
            let name = try XCTUnwrap(term["term"] as? String)
            let e = try expected("\(label) \(name)", in: file)
            for (key, index, tolerance) in [("estimate", 0, estimateTolerance), ("std_error", 1, 1e-10), ("statistic", 2, 1e-10),
                                            ("p_value", 3, 1e-9), ("conf_low", 4, 1e-10), ("conf_high", 5, 1e-10)] {
                try check(term, key, e[index], tolerance, "\(label) \(name)")
            }
        }
        let words = label.split(separator: " ")
        let f = try expected((["regF"] + words.dropFirst()).joined(separator: " "), in: file)
        try check(fit, "statistic", f[0], 1e-10, "\(label) F")
        XCTAssertEqual(fit["df"] as? Int, Int(f[1]), "\(label) F df")
        XCTAssertEqual(fit["df_residual"] as? Double, f[2], "\(label) F df residual")
        try check(fit, "p_value", f[3], 1e-9, "\(label) F p")
    }

    /// The fitted regression (or ANOVA) named `name` among `results[kind]`.
    func fitted(_ results: [String: Any], _ kind: String, _ name: String) throws -> [String: Any] {
        let entries = try XCTUnwrap(results[kind] as? [[String: Any]], kind)
        return try XCTUnwrap(entries.first { $0["name"] as? String == name }?["result"] as? [String: Any], "\(kind) \(name)")
    }

    /// `summarize --shard` of the study's data in three parts, merged in another order, against
    /// `summarize` of the whole file merged alone: every design-based number to 1e-12.
    func assertShardsMergeToTheOnePassNumbers(_ studyName: String, data: String) throws {
        let folder = try temporaryFolder()
        let study = studies.appendingPathComponent(studyName).path
        // --shard cuts at line ends, so the file has no quotes (the CSVs quote their strata).
        let wave = try write(try String(contentsOf: fixtures.appendingPathComponent(data), encoding: .utf8)
            .replacingOccurrences(of: "\"", with: ""), to: data, in: folder).path
        let one = folder.appendingPathComponent("one")
        let whole = folder.appendingPathComponent("whole.summary.json").path
        XCTAssertEqual(try paradox(["summarize", study, wave, "--out", whole]).status, 0)
        XCTAssertEqual(try paradox(["merge", study, whole, "--out", one.path]).status, 0)
        let summaries = try shardSummaries(study: study, wave: wave, in: folder)
        let merged = folder.appendingPathComponent("merged")
        let outcome = try paradox(["merge", study, summaries[2], summaries[0], summaries[1], "--out", merged.path])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        try assertSameNumbers(try designResults(merged), try designResults(one), path: studyName)
    }

    /// Every number in `found` within 1e-12 (relative) of `expected`'s, every other value equal.
    func assertSameNumbers(_ found: Any, _ expected: Any, path: String) throws {
        switch (found, expected) {
        case let (a as [String: Any], b as [String: Any]):
            XCTAssertEqual(Set(a.keys), Set(b.keys), path)
            for (key, value) in b { try assertSameNumbers(a[key] ?? NSNull(), value, path: "\(path).\(key)") }
        case let (a as [Any], b as [Any]):
            XCTAssertEqual(a.count, b.count, path)
            for (i, (x, y)) in zip(a, b).enumerated() { try assertSameNumbers(x, y, path: "\(path)[\(i)]") }
        case let (a as Double, b as Double):
            XCTAssertEqual(a, b, accuracy: 1e-12 * max(abs(b), 1e-300), path)
        default:
            XCTAssertEqual("\(found)", "\(expected)", path)
        }
    }
}
