import XCTest

/// `report: {sections: [...]}` in a study file orders and omits the report's parts (issue 18, point 6).
final class ReportSectionsCLITests: CLITestCase {
    /// The bundled study file with a `report:` block, its relative paths made absolute so it runs from a temporary folder.
    func study(sections: String) throws -> URL {
        let codebooks = Self.packageRoot.appendingPathComponent("Codebooks")
        var text = try String(contentsOf: codebooks.appendingPathComponent("privacy-paradox.study.yml"), encoding: .utf8)
        text = text.replacingOccurrences(of: "../Data/", with: Self.packageRoot.appendingPathComponent("Data").path + "/")
            .replacingOccurrences(of: "codebook: privacy-paradox.codebook.yml", with: "codebook: " + codebooks.appendingPathComponent("privacy-paradox.codebook.yml").path)
            .replacingOccurrences(of: "codebook: themes.yml", with: "codebook: " + codebooks.appendingPathComponent("themes.yml").path)
        return try write(text + "report:\n  sections: \(sections)\n", to: "study.yml", in: temporaryFolder())
    }

    func headings(_ report: String) -> [String] {
        report.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
    }

    func testTheListedSectionsAreWrittenInTheirOrderAndTheOthersLeftOut() throws {
        let out = try temporaryFolder().appendingPathComponent("out")
        let outcome = try paradox(["run", try study(sections: "[privacy, correlations, descriptives, interviews]").path, "--out", out.path, "--quiet"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let report = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        XCTAssertEqual(headings(report), ["Privacy", "Correlations", "Descriptive Statistics", "Thematic Analysis of the Interviews"])
        // Tables are numbered in the new order (Table 1 is the Privacy section's k-anonymity); results.json keeps every result.
        XCTAssertTrue(report.contains("**Table 2**\n\n*Pearson Correlations of the Scale Scores*"), report)
        let results = try json(String(contentsOf: out.appendingPathComponent("results.json"), encoding: .utf8))
        XCTAssertEqual((results["replication"] as? [Any])?.count, 7)
    }

    func testAnUnknownSectionIsAnErrorAtItsLine() throws {
        let file = try study(sections: "[privacy, regresions]")
        let outcome = try paradox(["run", file.path, "--out", file.deletingLastPathComponent().appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        let line = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
        XCTAssertTrue(outcome.stderr.contains("study.yml:\(line):"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("unknown report section 'regresions' (expected one of: replication, key_findings, privacy, data_quality, descriptives, frequencies, reliability, correlations, regressions, anovas, design, factor_analyses, interviews, open_ended)"), outcome.stderr)
    }

    func testThePrivacySectionCannotBeLeftOut() throws {
        let file = try study(sections: "[descriptives, descriptives]")
        let outcome = try paradox(["run", file.path, "--out", file.deletingLastPathComponent().appendingPathComponent("out").path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("report section 'descriptives' is listed twice"), outcome.stderr)
        let withoutPrivacy = try study(sections: "[descriptives]")
        let refused = try paradox(["run", withoutPrivacy.path, "--out", withoutPrivacy.deletingLastPathComponent().appendingPathComponent("out").path])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("the report sections must include 'privacy'"), refused.stderr)
    }
}
