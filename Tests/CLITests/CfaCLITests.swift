import Foundation
import TestSupport
import XCTest

/// `paradox cfa` on the bundled study's data and codebook, against lavaan 0.6-14
/// (`Tests/SurveyStatsTests/Fixtures/cfa/cfa.R` → `cfa_R.txt`, R 4.2.2): the seven scales as
/// correlated factors and three of them with marker identification. Estimates, SEs and standardized
/// values to 1e-6 of max(|x|, 0.1), χ² and the indices to 1e-7, the RMSEA upper bound against
/// `uniroot(tol = 1e-14)`. lavaan's fits are polished by BFGS from its estimates (its nlminb stops up
/// to ~6e-6 away on this model).
final class CfaCLITests: CLITestCase {
    static let lavaan = packageRoot.appendingPathComponent("Tests/SurveyStatsTests/Fixtures/cfa/cfa_R.txt")
    static let arguments = ["cfa", "Data/wave1.csv", "--codebook", "Codebooks/privacy-paradox.codebook.yml"]

    func testAllScalesMatchLavaan() throws {
        try check(Self.arguments + ["--format", "json"], expected: try LavaanOutput(section: "all scales, fixed variance", of: Self.lavaan), n: 153)
    }

    func testAllScalesWithMarkersMatchLavaan() throws {
        try check(Self.arguments + ["--identification", "marker", "--format", "json"],
                  expected: try LavaanOutput(section: "all scales, marker", of: Self.lavaan), n: 153)
    }

    func testMarkerIdentificationMatchesLavaan() throws {
        try check(Self.arguments + ["--scales", "privacy_concern,risks,trust", "--identification", "marker", "--format", "json"],
                  expected: try LavaanOutput(section: "privacy_concern risks trust, marker", of: Self.lavaan), n: 182)
    }

    func testFitTableText() throws {
        let outcome = try paradox(Self.arguments + ["--scales", "privacy_concern,risks,trust", "--identification", "marker"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let fit = outcome.stdout.components(separatedBy: "\n\n")[0]
        XCTAssertEqual(fit, """
            Fit of the Confirmatory Factor Analysis
            ────────────────────────────────────────────────────────────────────────
              n     χ²  df     p    CFI    TLI  RMSEA  90% CI low  90% CI high  SRMR
            ────────────────────────────────────────────────────────────────────────
            182  41.10  41  .466  1.000  1.000   .004        .000         .051  .041
            ────────────────────────────────────────────────────────────────────────
            Maximum likelihood on 182 complete cases (18 with a missing item excluded listwise); each factor's first loading fixed to 1 (marker); χ² = n·F_ML (lavaan's default).
            ML treats the items as continuous and normal; for 5-point items the χ² test is approximate (no Satorra–Bentler correction is computed).
            """)
        XCTAssertTrue(outcome.stdout.contains("trust =~ TRU2                          1.200  0.196   6.12  < .001         0.690              0.054"), outcome.stdout)
    }

    func testUnknownScaleAndBadIdentification() throws {
        let unknown = try paradox(Self.arguments + ["--scales", "trust,loyalty"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertEqual(unknown.stdout, "")
        XCTAssertTrue(unknown.stderr.contains("--scales loyalty: Codebooks/privacy-paradox.codebook.yml defines no such scale (scales: privacy_concern, transparency"), unknown.stderr)
        let bad = try paradox(Self.arguments + ["--identification", "loose"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertLessThan(bad.status, 128)
        XCTAssertTrue(bad.stderr.contains("fixed_variance"), bad.stderr)
        let one = try paradox(Self.arguments + ["--scales", "transparency,transparency"])
        XCTAssertEqual(one.status, 1)
        XCTAssertTrue(one.stderr.contains("item TR1 is named in two factors"), one.stderr)
    }

    /// Issue 19, point 6: `cfa:` in a study file runs the analysis `paradox cfa` runs (lavaan's numbers),
    /// and shards of the wave summarised apart and merged give the one-pass numbers (to 1e-12).
    func testStudyFileCfaMatchesLavaanAndMergesFromShards() throws {
        let folder = try temporaryFolder()
        let wave = Self.packageRoot.appendingPathComponent("Data/wave1.csv").path
        let study = try write("""
            title: CFA in a study
            codebook: \(Self.packageRoot.path)/Codebooks/privacy-paradox.codebook.yml
            data: \(wave)
            analyses:
              descriptives: [trust]
              frequencies: [gender]
              reliability: [trust]
              correlations: [trust, risks]
              cfa: {name: three, scales: [privacy_concern, risks, trust], identification: marker}

            """, to: "study.yml", in: folder)
        let run = try paradox(["run", study.path, "--out", folder.appendingPathComponent("run").path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let onePass = try factorAnalysis(in: folder.appendingPathComponent("run"))
        XCTAssertEqual(onePass["name"] as? String, "three")
        XCTAssertEqual(onePass["scales"] as? [String], ["privacy_concern", "risks", "trust"])
        let result = try XCTUnwrap(onePass["result"] as? [String: Any])
        try check(result, expected: try LavaanOutput(section: "privacy_concern risks trust, marker", of: Self.lavaan), n: 182)
        let command = try paradox(Self.arguments + ["--scales", "privacy_concern,risks,trust", "--identification", "marker", "--format", "json"])
        XCTAssertEqual(result as NSDictionary, try json(command.stdout) as NSDictionary)
        let report = try String(contentsOf: folder.appendingPathComponent("run/report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("Confirmatory Factor Analysis: three"), report)
        XCTAssertTrue(report.contains("182  41.10  41  .466  1.000  1.000   .004        .000         .051  .041")
                      || report.contains("| 182 | 41.10 | 41 | .466 | 1.000 | 1.000 | .004 | .000 | .051 | .041 |"), report)

        let summaries = try shardSummaries(study: study.path, wave: wave, in: folder)
        let merge = try paradox(["merge", study.path] + summaries + ["--out", folder.appendingPathComponent("merged").path])
        XCTAssertEqual(merge.status, 0, merge.stderr)
        let merged = try XCTUnwrap(try factorAnalysis(in: folder.appendingPathComponent("merged"))["result"] as? [String: Any])
        XCTAssertEqual(merged["n"] as? Int, 182)
        // Every number, the standardized SEs included (analytic Jacobian), to 1e-12 of max(|x|, 1).
        assertClose(merged, result, tolerance: 1e-12, path: "cfa")
    }

    /// The first `cfa` result of a run's results.json.
    func factorAnalysis(in out: URL) throws -> [String: Any] {
        let results = try json(String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))
        let wave = try XCTUnwrap((results["waves"] as? [[String: Any]])?.first)
        return try XCTUnwrap((wave["cfa"] as? [[String: Any]])?.first)
    }

    /// Equal JSON, numbers to `tolerance` relative to max(|b|, 1).
    func assertClose(_ a: Any?, _ b: Any?, tolerance: Double, path: String) {
        switch (a, b) {
        case (let a as [String: Any], let b as [String: Any]):
            XCTAssertEqual(Set(a.keys), Set(b.keys), path)
            for (key, value) in b { assertClose(a[key], value, tolerance: tolerance, path: "\(path).\(key)") }
        case (let a as [Any], let b as [Any]):
            XCTAssertEqual(a.count, b.count, path)
            for (index, (x, y)) in zip(a, b).enumerated() { assertClose(x, y, tolerance: tolerance, path: "\(path)[\(index)]") }
        case (let a as NSNumber, let b as NSNumber) where !(a is Bool):
            XCTAssertLessThanOrEqual(abs(a.doubleValue - b.doubleValue), tolerance * max(abs(b.doubleValue), 1), "\(path): \(a) vs \(b)")
        default:
            XCTAssertEqual(a.map { "\($0)" }, b.map { "\($0)" }, path)
        }
    }

    func check(_ arguments: [String], expected: LavaanOutput, n: Int) throws {
        let outcome = try paradox(arguments)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        try check(try json(outcome.stdout), expected: expected, n: n)
    }

    func check(_ root: [String: Any], expected: LavaanOutput, n: Int) throws {
        XCTAssertEqual(root["n"] as? Int, n)
        let parameters = try XCTUnwrap(root["parameters"] as? [[String: Any]])
        XCTAssertEqual(parameters.count, expected.parameters.count)
        func close(_ a: Any?, _ b: Double, _ label: String, _ tolerance: Double = 1e-6) {
            guard let a = a as? Double else { return XCTFail("no number for \(label)") }
            XCTAssertLessThanOrEqual(abs(a - b), tolerance * max(abs(b), 0.1), "\(label): \(a) vs \(b)")
        }
        for p in parameters {
            let key = "\(p["lhs"] as? String ?? "") \(p["op"] as? String ?? "") \(p["rhs"] as? String ?? "")"
            let e = try XCTUnwrap(expected.parameters[key], key)
            close(p["estimate"], e.estimate, key)
            if let se = e.se { close(p["std_error"], se, "se \(key)") } else { XCTAssertTrue(p["std_error"] is NSNull, key) }
            close(p["std_all"], e.std, "std \(key)")
            close(p["std_all_std_error"], e.stdSE, "std se \(key)")
        }
        let fit = try XCTUnwrap(root["fit"] as? [String: Any])
        XCTAssertEqual(fit["df"] as? Int, expected.fit["df"].map(Int.init))
        for (key, lavaanKey) in [("statistic", "chisq"), ("p_value", "pvalue"), ("baseline_statistic", "baseline.chisq"), ("cfi", "cfi"),
                                 ("tli", "tli"), ("rmsea", "rmsea"), ("rmsea_conf_low", "rmsea.ci.lower"), ("srmr", "srmr")] {
            close(fit[key], try XCTUnwrap(expected.fit[lavaanKey]), key, 1e-7)
        }
        close(fit["rmsea_conf_high"], expected.exactUpper, "rmsea_conf_high", 1e-7)
    }
}
