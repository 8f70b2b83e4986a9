import Foundation
import XCTest

/// `paradox run` of a study whose codebook has a `design:` (`Tests/Fixtures/design-study`): the
/// design-based estimates of its plan through the binary against R 4.2.2, survey 4.1.1
/// (`Tests/SurveyStatsTests/Fixtures/design/design.R` → `design_R.txt`), under strata, PSUs and fpc
/// (`full`), strata and PSUs (`nofpc`), weights alone (`rows`) and strata with each row its own PSU
/// (`strata`); and `summarize --shard` + `merge` giving the one-pass numbers to 1e-12.
final class DesignStudyCLITests: DesignCLITestCase {
    func testDesignBasedPlanMatchesR() throws {
        for design in ["full", "nofpc", "rows", "strata"] {
            let out = try temporaryFolder().appendingPathComponent("out")
            let run = try paradox(["run", studies.appendingPathComponent("\(design).study.yml").path, "--out", out.path])
            XCTAssertEqual(run.status, 0, run.stderr)
            let results = try designResults(out)
            XCTAssertEqual(results["weight_type"] as? String, "sampling")
            XCTAssertEqual(results["psu"] as? String, ["full", "nofpc"].contains(design) ? "psu" : nil)
            for (result, name) in zip(try XCTUnwrap(results["means"] as? [[String: Any]]), ["x1", "y"]) {
                let e = try expected("mean \(design) \(name)")
                let row = try XCTUnwrap((result["rows"] as? [[String: Any]])?.first)
                for (key, index, tolerance) in [("mean", 0, 1e-12), ("std_error", 1, 1e-10), ("deff", 2, 1e-10),
                                                ("deff_replacement", 3, 1e-10), ("total", 4, 1e-12), ("total_std_error", 5, 1e-10),
                                                ("conf_low", 7, 1e-10), ("conf_high", 8, 1e-10)] {
                    try check(row, key, e[index], tolerance, "\(design) mean \(name)")
                }
                XCTAssertEqual(result["df"] as? Double, e[6])
            }
            let proportions = try XCTUnwrap((results["proportions"] as? [[String: Any]])?.first?["result"] as? [String: Any])
            for row in try XCTUnwrap(proportions["rows"] as? [[String: Any]]) {
                let level = try XCTUnwrap(row["name"] as? String)
                let e = try expected("level \(design) answer\(level)")
                for (key, index) in [("mean", 0), ("std_error", 1), ("deff", 2), ("total", 3), ("total_std_error", 4)] {
                    try check(row, key, e[index], 1e-10, "\(design) level \(level)")
                }
            }
            let matrix = try XCTUnwrap((results["correlation"] as? [String: Any])?["matrix"] as? [Double])
            for (found, r) in zip([matrix[1], matrix[2], matrix[5]], try expected("cor \(design)")) {
                XCTAssertEqual(found, r, accuracy: 1e-12 * abs(r), "\(design) correlation")
            }
            let fit = try XCTUnwrap((results["regressions"] as? [[String: Any]])?.first?["result"] as? [String: Any])
            XCTAssertEqual(fit["df_residual"] as? Double, try expected("reg \(design) df")[0])
            for term in try XCTUnwrap(fit["terms"] as? [[String: Any]]) {
                let name = try XCTUnwrap(term["term"] as? String)
                let e = try expected("reg \(design) \(name)")
                for (key, index, tolerance) in [("estimate", 0, 1e-11), ("std_error", 1, 1e-10), ("statistic", 2, 1e-10),
                                                ("p_value", 3, 1e-9), ("conf_low", 4, 1e-10), ("conf_high", 5, 1e-10)] {
                    try check(term, key, e[index], tolerance, "\(design) \(name)")
                }
            }
            let wald = try XCTUnwrap((results["anovas"] as? [[String: Any]])?.first?["result"] as? [String: Any])
            let e = try expected("wald \(design)")
            try check(wald, "statistic", e[0], 1e-10, "\(design) Wald F")
            XCTAssertEqual(wald["df"] as? Int, Int(e[1]))
            XCTAssertEqual(wald["df_residual"] as? Double, e[2])
            try check(wald, "p_value", e[3], 1e-9, "\(design) Wald p")
            let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            XCTAssertTrue(report.contains("sampling weights"), "the report names the weight type")
        }
    }

    /// With `min_cell` above every count, the unweighted frequency and ANOVA group tables hide cells,
    /// so their design-based twins (a weighted share or contrast of a few respondents) are withheld
    /// whole, and the Privacy section says so.
    func testDesignTablesOfHiddenCountsAreWithheld() throws {
        let folder = try temporaryFolder()
        var text = try String(contentsOf: studies.appendingPathComponent("full.study.yml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "../../SurveyStatsTests/Fixtures/design/", with: fixtures.path + "/") + "privacy:\n  min_cell: 1000\n"
        let study = try write(text, to: "study.yml", in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try paradox(["run", study.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let results = try designResults(out)
        XCTAssertEqual((results["proportions"] as? [Any])?.count, 0)
        XCTAssertEqual((results["anovas"] as? [Any])?.count, 0)
        XCTAssertEqual((results["regressions"] as? [Any])?.count, 1)
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("Withheld because its unweighted table hides small counts: weighted proportions of answer."), report)
        XCTAssertTrue(report.contains("Withheld because its unweighted table hides small counts: design-based ANOVA y_by_g."), report)
    }

    /// A level nobody chose (`refused`, added to the codebook) is a constant 0: its proportion and SE
    /// are 0 and its design effect is undefined (R `svymean(deff = TRUE)`: NaN), shown as null and
    /// "—", not a failed run (it was "EncodingError.invalidValue: -nan").
    func testALevelNobodyChoseHasNoDesignEffect() throws {
        let folder = try temporaryFolder()
        let codebook = try String(contentsOf: fixtures.appendingPathComponent("design.codebook.yml"), encoding: .utf8)
        XCTAssertTrue(codebook.contains("dont_know]"))
        _ = try write(codebook.replacingOccurrences(of: "dont_know]", with: "dont_know, refused]"), to: "design.codebook.yml", in: folder)
        let study = try write(try String(contentsOf: studies.appendingPathComponent("full.study.yml"), encoding: .utf8)
            .replacingOccurrences(of: "data: ../../SurveyStatsTests/Fixtures/design/", with: "data: \(fixtures.path)/")
            .replacingOccurrences(of: "../../SurveyStatsTests/Fixtures/design/", with: ""), to: "study.yml", in: folder)
        let out = folder.appendingPathComponent("out")
        let run = try paradox(["run", study.path, "--out", out.path, "--quiet"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let proportions = try XCTUnwrap((try designResults(out)["proportions"] as? [[String: Any]])?.first?["result"] as? [String: Any])
        let rows = try XCTUnwrap(proportions["rows"] as? [[String: Any]])
        XCTAssertEqual(rows.map { $0["name"] as? String }, ["agree", "neutral", "disagree", "dont_know", "refused"])
        let refused = rows[4]
        XCTAssertEqual(refused["mean"] as? Double, 0)
        XCTAssertEqual(refused["std_error"] as? Double, 0)
        XCTAssertTrue(refused["deff"] is NSNull && refused["deff_replacement"] is NSNull, "\(refused)")
        for row in rows.prefix(4) { try check(row, "deff", try expected("level full answer\(row["name"] as? String ?? "")")[2], 1e-10, "deff") }
    }

    /// Shards of the file merged: every design-based number equals the one pass's to 1e-12.
    func testShardsMergeToTheOnePassNumbers() throws {
        for design in ["full", "strata"] {
            try assertShardsMergeToTheOnePassNumbers("\(design).study.yml", data: "design.csv")
        }
    }

    /// A summary from elsewhere whose ANOVA's fourth-moment origin has a value too many is
    /// refused at the merge, naming the file, the analysis and what was expected.
    func testSummaryWithABadOriginIsRefused() throws {
        let folder = try temporaryFolder()
        let study = studies.appendingPathComponent("strata.study.yml").path
        let summary = folder.appendingPathComponent("part.summary.json")
        let made = try paradox(["summarize", study, fixtures.appendingPathComponent("design.csv").path, "--out", summary.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        var text = try String(contentsOf: summary, encoding: .utf8)
        let origin = try XCTUnwrap(text.range(of: #""origin":\[[^\]]"#, options: .regularExpression), "an ANOVA's origin (the first in the file)")
        text.insert(contentsOf: "7,", at: text.index(origin.upperBound, offsetBy: -1))
        let crafted = try write(text, to: "crafted.summary.json", in: folder)
        let outcome = try paradox(["merge", study, crafted.path, "--out", folder.appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.hasPrefix("paradox: error: \(crafted.path): at "), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("design.anovas[0] (y_by_g)"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("an origin of 3 finite numbers with the fourth moments"), outcome.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
