import Foundation
import XCTest

/// `paradox run` of design-based regressions with a factor predictor (`y ~ x1 + g`, coefficients
/// `g[g2]`, `g[g3]`) and one-way ANOVAs under strata, PSUs and fpc (`factor-full`), strata and PSUs
/// (`nofpc`), weights alone (`rows`), strata with each row its own PSU (`factor-strata`) and strata
/// with an fpc and each row its own PSU (`rowsfpc`, whose whole plan is checked), against R 4.2.2, survey 4.1.1 `svyglm` + `regTermTest`
/// (`Tests/SurveyStatsTests/Fixtures/design/design_weights.R` → `design_weights_R.txt`); and
/// `summarize --shard` + `merge` of these studies giving the one-pass numbers to 1e-12.
final class DesignFactorCLITests: DesignCLITestCase {
    let file = "design_weights_R.txt"
    let designs = ["full": "factor-full.study.yml", "nofpc": "nofpc.study.yml", "rows": "rows.study.yml",
                   "strata": "factor-strata.study.yml", "rowsfpc": "rowsfpc.study.yml"]

    func testFactorPredictorMatchesSvyglm() throws {
        for (design, study) in designs.sorted(by: { $0.key < $1.key }) {
            let results = try designResults(try runStudy(study))
            XCTAssertEqual(results["psu"] as? String, ["full", "nofpc"].contains(design) ? "psu" : nil)
            try checkRegression(try fitted(results, "regressions", "y_factor"), "reg \(design) y_factor",
                                terms: ["(Intercept)", "x1", "g[g2]", "g[g3]"], in: file)
            try checkRegression(try fitted(results, "anovas", "y_by_g"), "reg \(design) y_by_g",
                                terms: ["(Intercept)", "g[g2]", "g[g3]"], in: file)
        }
    }

    /// Strata, fpc (each stratum's population of rows) and each row its own PSU: means, totals,
    /// design effects, proportions, correlations and a numeric regression (R `svydesign(ids = ~1,
    /// strata = ~stratum, fpc = ~N_rows, weights = ~w)`).
    func testFpcWithRowsAsPSUsMatchesR() throws {
        let results = try designResults(try runStudy("rowsfpc.study.yml"))
        XCTAssertEqual(results["fpc"] as? String, "N_rows")
        for (result, name) in zip(try XCTUnwrap(results["means"] as? [[String: Any]]), ["x1", "y"]) {
            let e = try expected("mean rowsfpc \(name)", in: file)
            let row = try XCTUnwrap((result["rows"] as? [[String: Any]])?.first)
            for (key, index, tolerance) in [("mean", 0, 1e-12), ("std_error", 1, 1e-10), ("deff", 2, 1e-10),
                                            ("deff_replacement", 3, 1e-10), ("total", 4, 1e-12), ("total_std_error", 5, 1e-10),
                                            ("conf_low", 7, 1e-10), ("conf_high", 8, 1e-10)] {
                try check(row, key, e[index], tolerance, "rowsfpc mean \(name)")
            }
            XCTAssertEqual(result["df"] as? Double, e[6])
        }
        let proportions = try XCTUnwrap((results["proportions"] as? [[String: Any]])?.first?["result"] as? [String: Any])
        let levels = try XCTUnwrap(proportions["rows"] as? [[String: Any]])
        XCTAssertEqual(levels.count, 4)
        for row in levels {
            let level = try XCTUnwrap(row["name"] as? String)
            let e = try expected("level rowsfpc \(level)", in: file)
            for (key, index) in [("mean", 0), ("std_error", 1), ("deff", 2), ("total", 3), ("total_std_error", 4)] {
                try check(row, key, e[index], 1e-10, "rowsfpc level \(level)")
            }
        }
        let matrix = try XCTUnwrap((results["correlation"] as? [String: Any])?["matrix"] as? [Double])
        for (found, r) in zip([matrix[1], matrix[2], matrix[5]], try expected("cor rowsfpc", in: file)) {
            XCTAssertEqual(found, r, accuracy: 1e-12 * abs(r), "rowsfpc correlation")
        }
        let fit = try fitted(results, "regressions", "y_model")
        XCTAssertEqual(fit["df_residual"] as? Double, try expected("reg rowsfpc y_model df", in: file)[0])
        for term in try XCTUnwrap(fit["terms"] as? [[String: Any]]) {
            let name = try XCTUnwrap(term["term"] as? String)
            let e = try expected("reg rowsfpc y_model \(name)", in: file)
            for (key, index, tolerance) in [("estimate", 0, 1e-11), ("std_error", 1, 1e-10), ("statistic", 2, 1e-10),
                                            ("p_value", 3, 1e-9), ("conf_low", 4, 1e-10), ("conf_high", 5, 1e-10)] {
                try check(term, key, e[index], tolerance, "rowsfpc y_model \(name)")
            }
        }
    }

    /// Shards of a plan with a factor regression: with PSUs, with rows as PSUs, and with rows as
    /// PSUs and an fpc.
    func testShardsOfAFactorRegressionMergeToTheOnePassNumbers() throws {
        try assertShardsMergeToTheOnePassNumbers("factor-full.study.yml", data: "design.csv")
        try assertShardsMergeToTheOnePassNumbers("factor-strata.study.yml", data: "design.csv")
        try assertShardsMergeToTheOnePassNumbers("rows.study.yml", data: "design.csv")
        try assertShardsMergeToTheOnePassNumbers("rowsfpc.study.yml", data: "design_extra.csv")
    }
}
