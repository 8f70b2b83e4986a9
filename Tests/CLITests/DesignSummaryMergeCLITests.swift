import Foundation
import XCTest

/// `paradox merge` of design-based summaries that no rows can give (the findings of the
/// `design-summary` fuzz target, inputs in Tests/Fuzz/Regressions/design-summary) and of summaries
/// made under another design: refused with the file, the analysis and what was expected, exit 1,
/// no output.
final class DesignSummaryMergeCLITests: DesignCLITestCase {
    /// The summaries of shards 1 and 2 of 2 of `design.csv` (quotes removed, as `--shard` needs)
    /// under the study `studyName`, made by `paradox summarize`.
    func shards(_ studyName: String, in folder: URL) throws -> [URL] {
        let wave = try write(try String(contentsOf: fixtures.appendingPathComponent("design.csv"), encoding: .utf8)
            .replacingOccurrences(of: "\"", with: ""), to: "design.csv", in: folder)
        return try (1...2).map { index in
            let summary = folder.appendingPathComponent("shard-\(index).summary.json")
            let made = try paradox(["summarize", studies.appendingPathComponent(studyName).path, wave.path, "--shard", "\(index)/2",
                                    "--out", summary.path])
            XCTAssertEqual(made.status, 0, made.stderr)
            return summary
        }
    }

    /// The summary file `url` with `edit` applied to the design-based sums of the analyses `which`
    /// selects (kind, e.g. "regressions", and index), written to `name` in `folder`.
    func crafted(_ url: URL, as name: String, in folder: URL, which: (String, Int) -> Bool = { _, _ in true },
                 _ edit: (inout [String: Any]) throws -> Void) throws -> URL {
        var file = try json(try String(contentsOf: url, encoding: .utf8))
        var summary = try XCTUnwrap(file["summary"] as? [String: Any])
        var design = try XCTUnwrap(summary["design"] as? [String: Any])
        for kind in ["means", "proportions", "regressions", "anovas"] {
            var entries = try XCTUnwrap(design[kind] as? [[String: Any]])
            for index in entries.indices where which(kind, index) {
                var sums = try XCTUnwrap(entries[index]["summary"] as? [String: Any])
                try edit(&sums)
                entries[index]["summary"] = sums
            }
            design[kind] = entries
        }
        summary["design"] = design
        file["summary"] = summary
        let target = folder.appendingPathComponent(name)
        try JSONSerialization.data(withJSONObject: file).write(to: target)
        return target
    }

    /// `paradox merge` of `files` under the study: exit 1, `message` after the `paradox: error: `
    /// prefix, and no output folder.
    func assertRefused(_ studyName: String, _ files: [URL], _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let out = try temporaryFolder().appendingPathComponent("out")
        let outcome = try paradox(["merge", studies.appendingPathComponent(studyName).path] + files.map(\.path) + ["--out", out.path])
        XCTAssertEqual(outcome.status, 1, file: file, line: line)
        XCTAssertEqual(outcome.stderr, "paradox: error: \(message)\n", file: file, line: line)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path), file: file, line: line)
    }

    /// A PSU's count of rows at `Int.max` (the merge added counts with a trap on overflow: a crash)
    /// is refused: the counts of a summary add up to at most its rows.
    func testCountsBeyondTheRowsAreRefused() throws {
        let folder = try temporaryFolder()
        let parts = try shards("factor-full.study.yml", in: folder)
        let crafted = try crafted(parts[1], as: "crafted.summary.json", in: folder, which: { $0 == "regressions" && $1 == 1 }) { sums in
            var cells = try XCTUnwrap(sums["cells"] as? [[String: Any]])
            var moments = try XCTUnwrap(cells[0]["moments"] as? [String: Any])
            moments["count"] = Int.max
            cells[0]["moments"] = moments
            sums["cells"] = cells
        }
        try assertRefused("factor-full.study.yml", [parts[0], crafted],
                          "\(crafted.path): at summary.design.regressions[1] (y_factor).cells: expected complete rows of positive weight "
                          + "adding up to at most the 24 rows, found more than \(Int.max)")
    }

    /// Each row its own PSU: a stratum's rows at `Int.max` in every analysis (as consistent as a file
    /// crafted on purpose) is refused, not added with a trap when merged with another shard.
    func testStratumRowsBeyondTheRowsAreRefused() throws {
        let folder = try temporaryFolder()
        let parts = try shards("strata.study.yml", in: folder)
        let crafted = try crafted(parts[1], as: "crafted.summary.json", in: folder) { sums in
            var strata = try XCTUnwrap(sums["row_strata"] as? [[String: Any]])
            var stratum = try XCTUnwrap(strata[0]["sums"] as? [String: Any])
            stratum["rows"] = Int.max
            strata[0]["sums"] = stratum
            sums["row_strata"] = strata
        }
        try assertRefused("strata.study.yml", [parts[0], crafted],
                          "\(crafted.path): at summary.design.means[0] (x1).row_strata: expected rows of the strata adding up to at most "
                          + "the 24 rows, found more than \(Int.max)")
    }

    /// A negative Σw², a count of 0 with a positive Σw, and a negative sum of squares: moments no
    /// rows of weights ≥ 0 give (the merge took them, and the standard errors from them).
    func testMomentsNoRowsGiveAreRefused() throws {
        let folder = try temporaryFolder()
        let parts = try shards("factor-full.study.yml", in: folder)
        let cases: [(key: String, value: Any, expected: String)] = [
            ("squaredWeightSum", -5, "Σw² between (Σw)²/n and (Σw)² (weights ≥ 0), found Σw² = -5.0 for n = 5, Σw = 8.401"),
            ("count", 0, "0 or more rows and a finite weight sum Σw ≥ 0, 0 exactly when there are no rows, found 0 rows of Σw = 8.401"),
            ("coMoments", [-1e10], "sums of squares ≥ 0, found -10000000000.0 for variable 1"),
        ]
        for (key, value, expected) in cases {
            let crafted = try crafted(parts[0], as: "\(key).summary.json", in: folder, which: { $0 == "means" && $1 == 0 }) { sums in
                var cells = try XCTUnwrap(sums["cells"] as? [[String: Any]])
                var moments = try XCTUnwrap(cells[0]["moments"] as? [String: Any])
                moments[key] = value
                cells[0]["moments"] = moments
                sums["cells"] = cells
            }
            try assertRefused("factor-full.study.yml", [crafted],
                              "\(crafted.path): at summary.design.means[0] (x1).cells (stratum 0, PSU 1): expected \(expected)")
        }
    }

    /// A summary without the population sizes its design's fpc gives (the merge estimated without
    /// the finite population correction), one with a stratum its factor has not, and one whose
    /// analyses disagree on the strata are refused.
    func testDesignsNoSummaryOfTheStudyHasAreRefused() throws {
        let folder = try temporaryFolder()
        let parts = try shards("factor-full.study.yml", in: folder)
        let withoutFPC = try crafted(parts[0], as: "without-fpc.summary.json", in: folder) { $0["population_sizes"] = [Any]() }
        try assertRefused("factor-full.study.yml", [withoutFPC],
                          "\(withoutFPC.path): at summary.design.means[0] (x1).population_sizes: expected a population size (fpc) > 0 "
                          + "for each stratum of the cells (the design has an fpc: N_h)")
        func stratum(_ code: Int) -> (inout [String: Any]) throws -> Void {
            { sums in
                var cells = try XCTUnwrap(sums["cells"] as? [[String: Any]])
                cells[0]["stratum"] = code
                sums["cells"] = cells
            }
        }
        let unknownStratum = try crafted(parts[0], as: "unknown-stratum.summary.json", in: folder, stratum(7))
        try assertRefused("factor-full.study.yml", [unknownStratum],
                          "\(unknownStratum.path): at summary.design.means[0] (x1).cells: expected values of stratum (0, 1, 2), found 7")
        let otherStrata = try crafted(parts[0], as: "other-strata.summary.json", in: folder, which: { kind, _ in kind == "anovas" }, stratum(2))
        try assertRefused("factor-full.study.yml", [otherStrata],
                          "\(otherStrata.path): at summary.design.anovas[0] (y_by_g): expected the strata, PSUs and population sizes (fpc) "
                          + "of design.means[0] (x1)")
    }

    /// Summaries made under another design (weight type, no fpc, strata of other names) carry
    /// another plan hash: refused, naming the codebook; two shards whose population sizes (fpc) of
    /// one stratum differ (the second sealed with its own content hash, as a file crafted on
    /// purpose would be) are refused at the merge.
    func testSummariesOfAnotherDesignAreRefused() throws {
        let folder = try temporaryFolder()
        let parts = try shards("factor-full.study.yml", in: folder)
        let codebook = try String(contentsOf: fixtures.appendingPathComponent("design.codebook.yml"), encoding: .utf8)
        let study = try String(contentsOf: studies.appendingPathComponent("factor-full.study.yml"), encoding: .utf8)
            .replacingOccurrences(of: "codebook: ../../SurveyStatsTests/Fixtures/design/design.codebook.yml", with: "codebook: codebook.yml")
            .replacingOccurrences(of: "data: ../../SurveyStatsTests/Fixtures/design/design.csv", with: "data: design.csv")
        for (name, design) in [("frequency", "design: {weights: fw, weight_type: frequency}"),
                               ("nofpc", "design: {weights: w, weight_type: sampling, strata: stratum, psu: psu}"),
                               ("strata", "design: {weights: w, weight_type: sampling, strata: region, psu: psu, fpc: N_h}")] {
            let other = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
            var changed = codebook.replacingOccurrences(of: "design: {weights: w, weight_type: sampling, strata: stratum, psu: psu, fpc: N_h}", with: design)
            if name == "strata" {
                changed = changed.replacingOccurrences(of: "{name: stratum, type: categorical, levels: [a, b, c]}",
                                                       with: "{name: region, type: categorical, levels: [a, b, c]}")
            }
            XCTAssertNotEqual(changed, codebook, name)
            _ = try write(changed, to: "codebook.yml", in: other)
            let wave = try String(contentsOf: folder.appendingPathComponent("design.csv"), encoding: .utf8)
            _ = try write(name == "strata" ? wave.replacingOccurrences(of: "stratum,", with: "region,") : wave, to: "design.csv", in: other)
            let otherStudy = try write(study, to: "study.yml", in: other)
            let summary = other.appendingPathComponent("shard-2.summary.json")
            let made = try paradox(["summarize", otherStudy.path, other.appendingPathComponent("design.csv").path, "--shard", "2/2", "--out", summary.path])
            XCTAssertEqual(made.status, 0, made.stderr)
            let outcome = try paradox(["merge", studies.appendingPathComponent("factor-full.study.yml").path, parts[0].path, summary.path,
                                       "--out", other.appendingPathComponent("out").path])
            XCTAssertEqual(outcome.status, 1, name)
            XCTAssertTrue(outcome.stderr.hasPrefix("paradox: error: \(summary.path): made with another codebook or analysis plan (plan_sha256 "), outcome.stderr)
            XCTAssertTrue(outcome.stderr.hasSuffix("; summarise the part again with this study file\n"), outcome.stderr)
        }
        // Stratum 1 ("b") has population size 20 in shard 1; 21 in every analysis of shard 2.
        let otherFPC = try crafted(parts[1], as: "other-fpc.summary.json", in: folder) { sums in
            var sizes = try XCTUnwrap(sums["population_sizes"] as? [[String: Any]])
            XCTAssertEqual(sizes[0]["stratum"] as? Int, 1)
            sizes[0]["size"] = 21
            sums["population_sizes"] = sizes
        }
        let sealed = try sealedWithItsOwnHash(otherFPC, study: "factor-full.study.yml")
        try assertRefused("factor-full.study.yml", [parts[0], sealed],
                          "\(sealed.path): cannot be merged with the files before it: the summaries were made with different codebooks or "
                          + "analysis plans (design-based estimates: x1: stratum \"1\" has two population sizes (fpc): 20.0 and 21.0; expected one per stratum)")
    }

    /// A non-finite result (the fourth moments' origin of y, a variable of any value, moved far from
    /// its values: sums of squares beyond a double's range) is refused naming its place in
    /// results.json, not as a raw encoding error.
    func testANonFiniteResultIsNamed() throws {
        let folder = try temporaryFolder()
        let parts = try shards("strata.study.yml", in: folder)
        let far = try crafted(parts[1], as: "far-origin.summary.json", in: folder) { sums in
            var origin = try XCTUnwrap(sums["origin"] as? [Double])
            if !origin.isEmpty { origin[origin.count - 1] -= 1e100 }   // y, the last variable of a regression or ANOVA
            sums["origin"] = origin
        }
        let sealed = try sealedWithItsOwnHash(far, study: "strata.study.yml")
        try assertRefused("strata.study.yml", [parts[0], sealed],
                          "results.json: waves[0].design.regressions[0].result.terms[0].std_error is nan, not a number: the values or weights "
                          + "behind it (in the data, or in the summaries merged) are too large for its sums of squares; expected values and "
                          + "weights whose fourth powers stay within a double's range (±1.8e308)")
    }

    /// The file `url` with the `content_sha256` that `paradox merge` under `studyName` names as its summary's hash
    /// (the file is first refused for the one it has): a file crafted on purpose.
    func sealedWithItsOwnHash(_ url: URL, study studyName: String) throws -> URL {
        let study = studies.appendingPathComponent(studyName).path
        let refused = try paradox(["merge", study, url.path, "--out", url.deletingLastPathComponent().appendingPathComponent("unsealed").path])
        let hash = try XCTUnwrap(refused.stderr.range(of: #"(?<=its hash is )[0-9a-f]{64}"#, options: .regularExpression), refused.stderr)
        var file = try json(try String(contentsOf: url, encoding: .utf8))
        file["content_sha256"] = String(refused.stderr[hash])
        let sealed = url.deletingPathExtension().deletingPathExtension().appendingPathExtension("sealed.json")
        try JSONSerialization.data(withJSONObject: file).write(to: sealed)
        return sealed
    }
}
