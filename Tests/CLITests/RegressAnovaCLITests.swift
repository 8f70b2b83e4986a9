import XCTest

final class RegressAnovaCLITests: CLITestCase {
    static let csv = """
    y,a,b,c,g
    1,1,2,5,x
    2,2,4,5,x
    3,3,6,5,y
    5,4,8.5,5,y
    4,5,10,5,z
    6,6,12.1,5,z

    """

    func run(_ csv: String, _ arguments: [String]) throws -> Outcome {
        let file = try write(csv, to: "data.csv", in: try temporaryFolder())
        return try paradox([arguments[0], file.path] + arguments.dropFirst())
    }

    func testRegressJSONUsesBroomVocabularyAndDummyNames() throws {
        let outcome = try run(Self.csv, ["regress", "--dv", "y", "--iv", "a", "--categorical", "g", "--reference", "g=z", "--robust", "hc3", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let root = try json(outcome.stdout)
        let coefficients = try XCTUnwrap(root["coefficients"] as? [[String: Any]])
        XCTAssertEqual(coefficients.map { $0["term"] as? String }, ["(Intercept)", "a", "g[x]", "g[y]"])
        for key in ["term", "estimate", "std_error", "statistic", "p_value", "conf_low", "conf_high", "std_estimate", "vif",
                    "std_error_hc3", "statistic_hc3", "p_value_hc3", "conf_low_hc3", "conf_high_hc3"] {
            XCTAssertTrue(coefficients[1].keys.contains(key), key)
        }
        let model = try XCTUnwrap(root["model"] as? [String: Any])
        for key in ["nobs", "r_squared", "adj_r_squared", "sigma", "statistic", "p_value", "df", "df_residual"] {
            XCTAssertNotNil(model[key], key)
        }
        XCTAssertEqual(model["nobs"] as? Int, 6)
        XCTAssertEqual((root["anova"] as? [[String: Any]])?.map { $0["term"] as? String }, ["Regression", "Residual"])
    }

    func testAnovaJSONHasEveryPart() throws {
        let outcome = try run(Self.csv, ["anova", "--dv", "y", "--factor", "g", "--min-cell", "1", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let root = try json(outcome.stdout)
        for key in ["anova", "groups", "eta_squared", "omega_squared", "levene", "brown_forsythe", "welch",
                    "brown_forsythe_means", "kruskal_wallis", "tukey", "games_howell"] {
            XCTAssertNotNil(root[key], key)
        }
        XCTAssertEqual((root["groups"] as? [[String: Any]])?.map { $0["level"] as? String }, ["x", "y", "z"])
        let tukey = try XCTUnwrap(root["tukey"] as? [[String: Any]])
        XCTAssertEqual(tukey.count, 3)
        XCTAssertEqual(tukey[0]["group1"] as? String, "x")
        XCTAssertEqual(tukey[0]["group2"] as? String, "y")
        // estimate = mean(y) − mean(x) = 4 − 1.5
        XCTAssertEqual(try XCTUnwrap(tukey[0]["estimate"] as? Double), 2.5, accuracy: 1e-12)
        XCTAssertNotNil((root["games_howell"] as? [[String: Any]])?.first?["df"])
    }

    func testDegenerateRegressionsAreClearErrors() throws {
        let constant = try run(Self.csv, ["regress", "--dv", "y", "--iv", "a,c"])
        XCTAssertEqual(constant.status, 1)
        XCTAssertTrue(constant.stderr.contains("c is constant"), constant.stderr)

        let collinear = try run("y,a,b\n1,1,2\n2,2,4\n3,3,6\n5,4,8\n", ["regress", "--dv", "y", "--iv", "a,b"])
        XCTAssertEqual(collinear.status, 1)
        XCTAssertTrue(collinear.stderr.contains("b is a perfect linear combination of a"), collinear.stderr)

        let tooFew = try run("y,a,b\n1,1,1\n2,2,3\n", ["regress", "--dv", "y", "--iv", "a,b"])
        XCTAssertEqual(tooFew.status, 1)
        XCTAssertTrue(tooFew.stderr.contains("2 complete case(s) for 3 parameter(s)"), tooFew.stderr)

        let badReference = try run(Self.csv, ["regress", "--dv", "y", "--iv", "a", "--categorical", "g", "--reference", "g=w"])
        XCTAssertNotEqual(badReference.status, 0)
        XCTAssertTrue(badReference.stderr.contains("g=w"), badReference.stderr)
    }

    /// A predictor is numeric by the user's word: one text cell in a 1–5 item is an error naming
    /// the file, line, column and value (it used to turn the item into a six-level factor, exit 0),
    /// and a text column not named in --categorical says how to name it.
    func testATextCellInANumericPredictorIsAnError() throws {
        var rows = ["PC1,PC2,g"] + (1...12).map { "\($0 % 5 + 1),\(($0 * 3) % 5 + 1),\($0 % 2 == 0 ? "a" : "b")" }
        rows[7] = "Agree,4,a"
        let outcome = try run(rows.joined(separator: "\n") + "\n", ["regress", "--dv", "PC2", "--iv", "PC1"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stdout, "")
        XCTAssertTrue(outcome.stderr.hasPrefix("paradox: error: "), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("data.csv:8, column 1 (PC1): value \"Agree\" is not a number (expected a number in every cell "
                                              + "of a column used as numeric; name it in --categorical if it is a factor)"), outcome.stderr)

        let factor = try run(rows.joined(separator: "\n") + "\n", ["regress", "--dv", "PC2", "--iv", "g"])
        XCTAssertEqual(factor.status, 1)
        XCTAssertTrue(factor.stderr.contains("data.csv:2, column 3 (g): value \"b\" is not a number"), factor.stderr)
        XCTAssertTrue(factor.stderr.contains("name it in --categorical if it is a factor"), factor.stderr)
        let named = try run(rows.joined(separator: "\n") + "\n", ["regress", "--dv", "PC2", "--iv", "g", "--categorical", "g"])
        XCTAssertEqual(named.status, 0, named.stderr)
        XCTAssertTrue(named.stdout.contains("g[b]"), named.stdout)
    }

    /// Groups of 1 to 4 respondents are hidden by default, as a study run hides them (issue 15, point 3);
    /// the ANOVA itself uses every respondent.
    func testSmallGroupsAreHiddenByDefault() throws {
        let csv = "y,g\n" + (0..<6).map { "\($0 % 4 + 1),x\n" }.joined() + (0..<6).map { "\($0 % 3 + 2),y\n" }.joined() + "5,z\n4,z\n"
        let outcome = try run(csv, ["anova", "--dv", "y", "--factor", "g"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.hasPrefix("""
            Group Statistics: y by g
            ──────────────────────────────────────────────
            g    n     M    SD    SE  95% CI LL  95% CI UL
            ──────────────────────────────────────────────
            x  [c]  2.17  1.17     —          —          —
            y    6  3.00  0.89  0.37       2.06       3.94
            z  < 5     —     —     —          —          —
            ──────────────────────────────────────────────
            """), outcome.stdout)
        XCTAssertTrue(outcome.stdout.contains("N = 14."), outcome.stdout)
        XCTAssertFalse(outcome.stdout.contains("Tukey"), outcome.stdout)
        let json = try self.json(try run(csv, ["anova", "--dv", "y", "--factor", "g", "--format", "json"]).stdout)
        XCTAssertEqual((json["groups"] as? [[String: Any]])?.map { "\($0["n"] ?? "")" }, ["[c]", "6", "< 5"])
        XCTAssertEqual((json["tukey"] as? [Any])?.count, 0)
        let shown = try run(csv, ["anova", "--dv", "y", "--factor", "g", "--min-cell", "2", "--format", "json"])
        XCTAssertEqual((try self.json(shown.stdout)["groups"] as? [[String: Any]])?.map { $0["n"] as? Int }, [6, 6, 2])
        let bad = try run(csv, ["anova", "--dv", "y", "--factor", "g", "--min-cell", "0"])
        XCTAssertEqual(bad.status, 64)
        XCTAssertTrue(bad.stderr.hasPrefix("Error: --min-cell must be a whole number from 1 to 1000.\n"), bad.stderr)
    }

    func testDegenerateAnovasAreErrorsOrMarkedUndefined() throws {
        let oneGroup = try run("y,g\n1,a\n2,a\n3,a\n", ["anova", "--dv", "y", "--factor", "g"])
        XCTAssertEqual(oneGroup.status, 1)
        XCTAssertTrue(oneGroup.stderr.contains("at least two groups"), oneGroup.stderr)

        let constant = try run("y,g\n1,a\n1,a\n3,b\n3,b\n", ["anova", "--dv", "y", "--factor", "g"])
        XCTAssertEqual(constant.status, 1)
        XCTAssertTrue(constant.stderr.contains("within-group variance 0"), constant.stderr)

        let singleton = try run("y,g\n1,a\n2,a\n3,b\n4,c\n5,c\n", ["anova", "--dv", "y", "--factor", "g", "--format", "json"])
        XCTAssertEqual(singleton.status, 0, singleton.stderr)
        XCTAssertFalse(singleton.stdout.contains("NaN") || singleton.stdout.contains("nan"))
        let root = try json(singleton.stdout)
        XCTAssertTrue(root["welch"] is NSNull, "Welch's F needs two cases per group")
        let text = try run("y,g\n1,a\n2,a\n3,b\n4,c\n5,c\n", ["anova", "--dv", "y", "--factor", "g"])
        XCTAssertTrue(text.stdout.contains("—"))
        XCTAssertFalse(text.stdout.lowercased().contains("nan"))
    }
}
