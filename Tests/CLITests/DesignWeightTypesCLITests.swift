import Foundation
import XCTest

/// `paradox run` and `paradox batch` of a study whose codebook has frequency weights
/// (`weight_type: frequency`, fw) or analytic weights (`weight_type: analytic`, w), against R 4.2.2
/// (`Tests/SurveyStatsTests/Fixtures/design/design_weights.R` → `design_weights_R.txt`): frequency
/// weights as the replicated rows (`lm` on them, as SPSS WEIGHT BY and Stata `[fweight]`), analytic
/// weights as `lm(weights = w)` (Stata `[aweight]`). Means with SE, df and CI; proportions;
/// correlations; regressions (also with a factor) with their overall F; the one-way ANOVA's F.
final class DesignWeightTypesCLITests: DesignCLITestCase {
    let file = "design_weights_R.txt"

    /// The design results of a run (or a batch's wave) of the `type` study against R.
    func checkWeightType(_ type: String, _ results: [String: Any]) throws {
        XCTAssertEqual(results["weight_type"] as? String, type)
        for (result, name) in zip(try XCTUnwrap(results["means"] as? [[String: Any]]), ["x1", "y"]) {
            let e = try expected("mean \(type) \(name)", in: file)
            let row = try XCTUnwrap((result["rows"] as? [[String: Any]])?.first)
            try check(row, "mean", e[0], 1e-12, "\(type) mean \(name)")
            for (key, index) in [("std_error", 1), ("conf_low", 3), ("conf_high", 4)] {
                try check(row, key, e[index], 1e-10, "\(type) mean \(name)")
            }
            XCTAssertEqual(result["df"] as? Double, e[2], "\(type) df of \(name)")
            // Kish's effective n, or the replicated rows' count under frequency weights (design effect 1).
            try check(result, "effective_n", try expected("neff \(type) \(name)", in: file)[0], 1e-12, "\(type) \(name)")
            if type == "frequency" { XCTAssertEqual(result["kish_deff"] as? Double, 1) }
            XCTAssertNil(row["deff"] as? Double, "no design effect without a design")
        }
        let proportions = try XCTUnwrap((results["proportions"] as? [[String: Any]])?.first?["result"] as? [String: Any])
        let levels = try XCTUnwrap(proportions["rows"] as? [[String: Any]])
        XCTAssertEqual(levels.count, 4)
        for row in levels {
            let level = try XCTUnwrap(row["name"] as? String)
            let e = try expected("level \(type) \(level)", in: file)
            try check(row, "mean", e[0], 1e-12, "\(type) level \(level)")
            try check(row, "std_error", e[1], 1e-10, "\(type) level \(level)")
            // The replicated rows' count; under analytic weights, with the weights rescaled to sum to n.
            try check(row, "total", e[2], 1e-12, "\(type) level \(level)")
        }
        let matrix = try XCTUnwrap((results["correlation"] as? [String: Any])?["matrix"] as? [Double])
        for (found, r) in zip([matrix[1], matrix[2], matrix[5]], try expected("cor \(type)", in: file)) {
            XCTAssertEqual(found, r, accuracy: 1e-12 * abs(r), "\(type) correlation")
        }
        try checkRegression(try fitted(results, "regressions", "y_model"), "reg \(type) y_model",
                            terms: ["(Intercept)", "x1", "x2"], in: file)
        try checkRegression(try fitted(results, "regressions", "y_factor"), "reg \(type) y_factor",
                            terms: ["(Intercept)", "x1", "g[g2]", "g[g3]"], in: file)
        try checkRegression(try fitted(results, "anovas", "y_by_g"), "reg \(type) y_by_g",
                            terms: ["(Intercept)", "g[g2]", "g[g3]"], in: file)
    }

    func testFrequencyAndAnalyticWeightsThroughRunMatchR() throws {
        for type in ["frequency", "analytic"] {
            let out = try runStudy("\(type).study.yml")
            try checkWeightType(type, try designResults(out))
            let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            XCTAssertTrue(report.contains("\(type) weights"), "the report names the weight type")
            XCTAssertEqual(report.contains("Effective n: Σw, the rows as repeated."), type == "frequency", "the effective n the table shows")
            XCTAssertFalse(report.contains("deff against simple random sampling"), "no design effect without a design")
        }
    }

    /// `paradox batch` over two copies of the wave: each wave's design results are R's.
    func testBatchGivesEachWaveTheNumbersOfR() throws {
        let folder = try temporaryFolder()
        let data = try String(contentsOf: fixtures.appendingPathComponent("design.csv"), encoding: .utf8)
        let waves = try ["wave-1.csv", "wave-2.csv"].map { try write(data, to: $0, in: folder).path }
        for type in ["frequency", "analytic"] {
            let out = folder.appendingPathComponent("\(type)-out")
            let batch = try paradox(["batch", studies.appendingPathComponent("\(type).study.yml").path] + waves + ["--out", out.path])
            XCTAssertEqual(batch.status, 0, batch.stderr)
            for wave in ["wave-1", "wave-2"] {
                try checkWeightType(type, try designResults(out.appendingPathComponent("waves/\(wave)")))
            }
        }
    }
}
