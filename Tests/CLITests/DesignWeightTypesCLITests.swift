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
            // The n of the SEs and df, with design effect 1: the replicated rows' count under frequency
            // weights, the rows' count under analytic weights (not Kish's effective n).
            try check(result, "effective_n", try expected("neff \(type) \(name)", in: file)[0], 1e-12, "\(type) \(name)")
            XCTAssertEqual(result["kish_deff"] as? Double, 1, "\(type) \(name)")
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
            try checkWeightType(type, try designResults(try runStudy("\(type).study.yml")))
        }
    }

    /// The titles and notes of each table in report.md: the weight type as SPSS and Stata name it
    /// (there is no sampling design), and per table the SEs and df that apply to it (a mean's
    /// Σw − 1 or n − 1, a regression's Σw − p or n − p); the means table shows no design effect, and
    /// under analytic weights no effective n (the SEs use n, as Stata's `[aweight]`).
    func testTablesNameTheWeightTypeAndTheirOwnDegreesOfFreedom() throws {
        let frequencyMean = "Frequency weights fw: each row counted w times (SPSS WEIGHT BY, Stata fweight); SE = s/√Σw, t on df = Σw − 1."
        let frequencyFit = "Frequency weights fw: each row counted w times (SPSS WEIGHT BY, Stata fweight); OLS SEs of the repeated rows, t on df = Σw − p (p terms with the intercept). n = 46, Σw = 113.0."
        let analyticMean = "Analytic weights w, rescaled to sum to n (Stata aweight): SE² = Σw(x − x̄)²/(Σw(n − 1)), t on df = n − 1."
        let analyticFit = "Analytic weights w, rescaled to sum to n (Stata aweight): weighted least squares SEs with σ̂² = Σwe²/(n − p), t on df = n − p (p terms with the intercept; R lm(weights =)). n = 46, Σw = 114.2."
        let expected: [String: (section: String, header: String, tables: [(String, String)])] = [
            "frequency": ("Weighted Estimates (Frequency Weights)",
                          "| Variable | n | M (unweighted) | M (weighted) | SE | 95% CI low | 95% CI high | df | Effective n |", [
                ("Weighted Means (Frequency Weights)", frequencyMean + " Effective n: Σw, the rows as repeated; no design effect without a sampling design. Each variable over its rows with a value."),
                ("Weighted Frequencies of answer (Frequency Weights)", frequencyMean + " n = 48 answers; Σw = 119.0; df = 118."),
                ("Weighted Correlations (Frequency Weights)", "Frequency weights fw: r of the rows, each counted w times (SPSS WEIGHT BY, Stata fweight). n = 46 (listwise deletion), Σw = 113.0."),
                ("y on x1 and x2 (Frequency Weights)", frequencyFit + " F(2, 110) = 14.25, p < .001 (all slopes 0; R summary(lm))."),
                ("y on x1 and the factor g (Frequency Weights)", frequencyFit + " F(3, 109) = 3.53, p = .017 (all slopes 0; R summary(lm))."),
                ("y by g: comparison of weighted means (Frequency Weights)", frequencyFit + " F(2, 110) = 0.52, p = .595 (all slopes 0; R summary(lm))."),
            ]),
            "analytic": ("Weighted Estimates (Analytic Weights)",
                         "| Variable | n | M (unweighted) | M (weighted) | SE | 95% CI low | 95% CI high | df |", [
                ("Weighted Means (Analytic Weights)", analyticMean + " n: the rows, on which the SEs and df rest (Stata's Number of obs); no effective n or design effect, since analytic weights are precisions, not sampling weights. Each variable over its rows with a value."),
                ("Weighted Frequencies of answer (Analytic Weights)", analyticMean + " n = 48 answers; Σw = 117.8; df = 47. Weighted counts with the weights rescaled to sum to n (Stata tabulate aweight)."),
                ("Weighted Correlations (Analytic Weights)", "Analytic weights w (Stata aweight): r from the weighted co-moments, which the scale of the weights does not change. n = 46 (listwise deletion), Σw = 114.2."),
                ("y on x1 and x2 (Analytic Weights)", analyticFit + " F(2, 43) = 3.07, p = .056 (all slopes 0; R summary(lm))."),
                ("y on x1 and the factor g (Analytic Weights)", analyticFit + " F(3, 42) = 2.06, p = .121 (all slopes 0; R summary(lm))."),
                ("y by g: comparison of weighted means (Analytic Weights)", analyticFit + " F(2, 43) = 1.22, p = .304 (all slopes 0; R summary(lm))."),
            ]),
        ]
        for (type, pinned) in expected {
            let out = try runStudy("\(type).study.yml")
            let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
            let section = try XCTUnwrap(report.components(separatedBy: "\n## \(pinned.section)\n").dropFirst().first, "\(type): section")
            // Each table: **Table N**, its title, the table, its note.
            let tables = section.components(separatedBy: "\n**Table ").dropFirst().map {
                $0.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .newlines) }
            }
            XCTAssertEqual(tables.map { $0.count > 1 ? $0[1] : "" }, pinned.tables.map { "*\($0.0)*" }, type)
            XCTAssertEqual(tables.map { $0.count > 3 ? $0[3] : "" }, pinned.tables.map { "*Note.* \($0.1)" }, type)
            XCTAssertEqual(tables.first.flatMap { $0.count > 2 ? $0[2].components(separatedBy: "\n").first : nil }, pinned.header, type)
            // The same titles in every format: HTML, LaTeX, Word; none says "Under the Sampling Design".
            let html = try String(contentsOf: out.appendingPathComponent("report.html"), encoding: .utf8)
            let latex = try String(contentsOf: out.appendingPathComponent("tables.tex"), encoding: .utf8)
            let word = try tool("/usr/bin/env", ["python3", "-c", "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read('word/document.xml').decode())",
                                                 out.appendingPathComponent("report.docx").path])
            XCTAssertEqual(word.status, 0, word.stderr)
            for (title, _) in pinned.tables {
                XCTAssertTrue(html.contains(">\(title)<"), "\(type) HTML: \(title)")
                XCTAssertTrue(latex.contains("\\caption{\(title)}"), "\(type) LaTeX: \(title)")
                XCTAssertTrue(word.stdout.contains(">\(title)</w:t>"), "\(type) Word: \(title)")
            }
            for (format, text) in [("Markdown", report), ("HTML", html), ("LaTeX", latex), ("Word", word.stdout)] {
                XCTAssertFalse(text.contains("Sampling Design") || text.contains("design-based comparison"), "\(type) \(format)")
            }
        }
    }

    /// Sampling weights keep their titles; the regression note gives svyglm's df (design df + 1 − p)
    /// and the correlation note says there are no SEs.
    func testSamplingWeightTablesKeepTheirTitles() throws {
        let report = try String(contentsOf: try runStudy("full.study.yml").appendingPathComponent("report.md"), encoding: .utf8)
        let design = "Design: sampling weights w, strata stratum, PSUs psu, population sizes N_h. "
        for line in ["## Design-Based Estimates", "*Weighted Means Under the Sampling Design*", "*Weighted Correlations Under the Sampling Design*",
                     "*Weighted Frequencies of answer*", "*y on x1 and x2*", "*y by g: design-based comparison of means*",
                     "*Note.* " + design + "Design-based SEs by Taylor linearisation (with-replacement PSUs, finite population correction), t on the design df (PSUs − strata), as R survey. deff against simple random sampling without replacement of the same n (R svymean(deff = TRUE)). Effective n: Kish's (Σw)²/Σw². Each variable over its rows with a value (a domain of the design).",
                     "*Note.* " + design + "r estimates the population correlation from the weighted co-moments (R cov2cor(svyvar(…))); no SEs. n = 46 (listwise deletion), Σw = 114.2.",
                     "*Note.* " + design + "Design-based SEs by Taylor linearisation (with-replacement PSUs, finite population correction), t on the design df + 1 − p (PSUs − strata + 1 − p, p terms with the intercept), as R svyglm. n = 46, Σw = 114.2. Wald F(2, 5) = 5.31, p = .058 (all slopes 0; R regTermTest).",
                     "| Variable | n | M (unweighted) | M (weighted) | SE | 95% CI low | 95% CI high | df | deff | Effective n |"] {
            XCTAssertTrue(report.contains("\n" + line + "\n"), line)
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
