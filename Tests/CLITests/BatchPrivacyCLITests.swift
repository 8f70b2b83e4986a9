import XCTest

/// The comparison of waves passes the privacy gate (issue 15, point 3): a wave of three respondents
/// shows n as "< 5" without mean, SD, CI or change; the tests between waves use every respondent.
final class BatchPrivacyCLITests: CLITestCase {
    func testASmallWaveShowsNoMeans() throws {
        let folder = try temporaryFolder()
        let fixture = Self.packageRoot.appendingPathComponent("Tests/Fixtures/waves")
        try FileManager.default.copyItem(at: fixture.appendingPathComponent("wave-1.csv"), to: folder.appendingPathComponent("wave-1.csv"))
        let second = try String(contentsOf: fixture.appendingPathComponent("wave-2.csv"), encoding: .utf8).split(separator: "\n").prefix(4)
        _ = try write(second.joined(separator: "\n") + "\n", to: "wave-2.csv", in: folder)
        let study = try write("""
            title: Two waves
            codebook: \(Self.packageRoot.path)/Codebooks/privacy-paradox.codebook.yml
            data: wave-*.csv
            analyses:
              descriptives: [PC1]

            """, to: "study.yml", in: folder)
        let outcome = try paradox(["batch", study.path, "--out", "out", "--quiet"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let csv = try String(contentsOf: folder.appendingPathComponent("out/csv/02_item_means_by_wave.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(csv[0], "name,wave,n,mean,sd,conf_low,conf_high")
        XCTAssertTrue(csv[1].hasPrefix("PC1,wave-1,240,"), String(csv[1]))
        XCTAssertEqual(csv[2], "PC1,wave-2,< 5,,,,")
        let change = try String(contentsOf: folder.appendingPathComponent("out/csv/04_item_change.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(change[1], "PC1,4.308333333333334,,,,,,,,")   // the first wave's mean, shown in the means table too
        let differences = try String(contentsOf: folder.appendingPathComponent("out/csv/03_item_wave_differences.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertTrue(differences[1].hasPrefix("PC1,"), String(differences[1]))
        XCTAssertTrue(differences[1].contains(",1,241,"), String(differences[1]))   // df 1 and 241: all 243 respondents
        let report = try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8)
        XCTAssertTrue(report.contains("1 wave means rest on 1 to 4 answers: their n prints as \"< 5\""), report)
        let privacy = try XCTUnwrap(json(String(contentsOf: folder.appendingPathComponent("out/results.json"), encoding: .utf8))["privacy"] as? [String: Any])
        XCTAssertEqual((privacy["hidden"] as? [[String: Any]])?.first?["wave"] as? String, "wave-2")
        let variables = try XCTUnwrap(json(String(contentsOf: folder.appendingPathComponent("out/results.json"), encoding: .utf8))["variables"] as? [[String: Any]])
        let waves = try XCTUnwrap(variables.first?["waves"] as? [[String: Any]])
        XCTAssertEqual(waves[1]["n"] as? String, "< 5")
        XCTAssertTrue(waves[1]["mean"] is NSNull)
    }
}

/// `paradox describe` shows counts as they are, and hides the small ones with `--min-cell` as a
/// study run does (a decision documented in its help and the README).
final class DescribePrivacyCLITests: CLITestCase {
    func testMinCellHidesSmallCountsInTablesAndJSON() throws {
        let folder = try temporaryFolder()
        // group: a 6, b 2 (small), c 7.
        let rows = ["a", "a", "a", "a", "a", "a", "b", "b", "c", "c", "c", "c", "c", "c", "c"]
        _ = try write((["group"] + rows).joined(separator: "\n") + "\n", to: "wave.csv", in: folder)
        let plain = try paradox(["describe", "wave.csv", "--format", "csv"], in: folder)
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stdout.contains("b,b,2,"), plain.stdout)
        let gated = try paradox(["describe", "wave.csv", "--format", "csv", "--min-cell", "5"], in: folder)
        XCTAssertEqual(gated.status, 0, gated.stderr)
        XCTAssertEqual(gated.stdout, """
            value,label,count,percent,valid_percent,cumulative_percent
            a,a,[c],,,
            b,b,< 5,,,
            c,c,7,46.666666666666664,46.666666666666664,100.0
            ,Total,15,100.0,,

            """)
        let json = try paradox(["describe", "wave.csv", "--format", "json", "--min-cell", "5"], in: folder)
        XCTAssertTrue(json.stdout.contains("\"count\" : \"< 5\""), json.stdout)
        XCTAssertFalse(json.stdout.contains("\"count\" : 2"), json.stdout)
        let bad = try paradox(["describe", "wave.csv", "--min-cell", "0"], in: folder)
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.contains("--min-cell must be a whole number from 1 to 1000."), bad.stderr)
    }
}
