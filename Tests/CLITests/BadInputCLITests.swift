import XCTest

/// Input that would give silent nonsense is an error with exit code 1 (64 for a bad option) and a
/// message that says what was expected; a huge cell never makes a huge message or table.
final class BadInputCLITests: CLITestCase {
    func run(_ csv: String, _ arguments: [String]) throws -> Outcome {
        let file = try write(csv, to: "data.csv", in: try temporaryFolder())
        return try paradox([arguments[0], file.path] + arguments.dropFirst())
    }

    func testDegenerateModelsAreErrorsInTextAndJSON() throws {
        for format in ["text", "json"] {
            let constant = try run("y,x\n3,1\n3,2\n3,3\n3,4\n3,5\n3,6\n", ["regress", "--dv", "y", "--iv", "x", "--format", format])
            XCTAssertEqual(constant.status, 1)
            XCTAssertEqual(constant.stdout, "")
            XCTAssertEqual(constant.stderr, "paradox: error: the response y is constant (3.0) in the estimation sample; there is no variation to explain\n")
        }
        let itself = try run("y,x\n1,1\n3,2\n2,3\n5,4\n4,5\n6,6\n", ["regress", "--dv", "y", "--iv", "y,x"])
        XCTAssertEqual(itself.status, 1)
        XCTAssertEqual(itself.stderr, "paradox: error: the response y is also a predictor; a variable cannot explain itself\n")

        let exact = try run("y,a,b\n3,1,2\n3,2,1\n7,3,4\n7,4,3\n11,5,6\n11,6,5\n", ["regress", "--dv", "y", "--iv", "a,b"])
        XCTAssertEqual(exact.status, 1)
        XCTAssertEqual(exact.stderr, "paradox: error: the predictors reproduce the response y exactly (residual sum of squares 0 relative to the fitted values: y = 0 + 1 × a + 1 × b); standard errors, t, p and F are undefined — is the response computed from its predictors (e.g. a sum score among its items)?\n")

        let flat = try run("g,y\na,2\na,2\nb,2\nb,2\n", ["anova", "--dv", "y", "--factor", "g"])
        XCTAssertEqual(flat.status, 1)
        XCTAssertEqual(flat.stderr, "paradox: error: the dependent variable is constant (2.0) in every group; there is no variation to compare\n")
    }

    func testScaleBoundsAreWholeNumbersAroundTheValues() throws {
        let csv = "q1,q2,q3\n1,2,3\n2,2,4\n3,4,5\n4,4,4\n"
        for bad in ["nan", "inf", "2.5"] {
            let outcome = try run(csv, ["reliability", "--items", "q1,q2,q3", "--reverse", "q3", "--scale-min", "1", "--scale-max", bad])
            XCTAssertEqual(outcome.status, 64)
            XCTAssertTrue(outcome.stderr.hasPrefix("Error: The value '\(bad)' is invalid for '--scale-max <scale-max>'\n"), outcome.stderr)
        }
        let outside = try run(csv, ["reliability", "--items", "q1,q2,q3", "--reverse", "q3", "--scale-min", "1", "--scale-max", "4"])
        XCTAssertEqual(outside.status, 1)
        XCTAssertEqual(outside.stderr, "paradox: error: item q3 has the value 5.0, outside its scale from 1.0 to 4.0 (expected a scale point to reverse)\n")
    }

    /// A 2 MB cell: the text table shows 80 characters of it, the error message too.
    func testAHugeCellIsShownBounded() throws {
        let cell = String(repeating: "B", count: 2_000_000)
        let described = try run("id,q1\n\(cell),3\nr1,2\nr2,4\n", ["describe"])
        XCTAssertEqual(described.status, 0, described.stderr)
        XCTAssertLessThan(described.stdout.utf8.count, 4_000)
        XCTAssertTrue(described.stdout.contains(String(repeating: "B", count: 80) + "…"))

        let failed = try run("y,x\n1,2\n2,\(cell)\n3,4\n", ["reliability", "--items", "y,x"])
        XCTAssertEqual(failed.status, 1)
        XCTAssertTrue(failed.stderr.hasSuffix("(x): value \"\(String(repeating: "B", count: 80))…\" is not a number (expected a number in every cell of a column used as numeric)\n"), String(failed.stderr.prefix(300)))
        XCTAssertLessThan(failed.stderr.utf8.count, 400)
    }

    func testAStudyFileWithProblemsStopsBeforeTheData() throws {
        let folder = try temporaryFolder()
        _ = try write("variables:\n  - {name: y, type: numeric}\n  - {name: x, type: numeric}\n", to: "c.yml", in: folder)
        _ = try write("y,x\n1,2\n", to: "d.csv", in: folder)
        let study = try write("""
            title: X
            codebook: c.yml
            data: d.csv
            analyses:
              regressions:
                - {name: m, dependent: y, predictors: [x, z]}
                - {name: m, dependent: x, predictors: [y]}
            replication:
              - {id: R, description: d, published: p, check: mean, variable: y, decimals: 2}

            """, to: "s.yml", in: folder)
        let outcome = try paradox(["run", study.path, "--out", folder.appendingPathComponent("out").path, "--quiet"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, """
            paradox: error: 2 problems:
              \(study.path):6:47: 'z' is neither a variable nor a scale of the codebook (expected a likert, numeric or categorical variable, or a scale)
              \(study.path):7:7: a second regression named 'm' (expected unique names; add name: to tell them apart)

            """)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
