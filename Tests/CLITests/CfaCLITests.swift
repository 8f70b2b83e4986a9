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

    func check(_ arguments: [String], expected: LavaanOutput, n: Int) throws {
        let outcome = try paradox(arguments)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let root = try json(outcome.stdout)
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
