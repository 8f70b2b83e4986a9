import XCTest

final class DescribeReliabilityCLITests: CLITestCase {
    static let csv = """
    id,q1,q2,q3,group,note
    a,1,2,2,x,"fine, thanks"
    b,2,2,3,y,
    c,3,4,3,x,ok
    d,4,4,5,y,ok
    e,5,5,4,x,ok
    f,,3,4,y,ok

    """

    func testDescribeJSONHasTheDocumentedKeysAndExactValues() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.csv, to: "s.csv", in: folder)
        let outcome = try paradox(["describe", file.path, "--columns", "q1,group", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let root = try json(outcome.stdout)
        let variables = try XCTUnwrap(root["variables"] as? [[String: Any]])
        XCTAssertEqual(variables.count, 1)
        let q1 = variables[0]
        XCTAssertEqual(Set(q1.keys), ["name", "n", "missing", "mean", "sd", "median", "min", "max", "skewness", "kurtosis", "se_skewness", "se_kurtosis"])
        XCTAssertEqual(q1["n"] as? Int, 5)
        XCTAssertEqual(q1["missing"] as? Int, 1)
        XCTAssertEqual(q1["mean"] as? Double, 3)
        XCTAssertEqual(q1["median"] as? Double, 3)
        // sd of 1…5 = sqrt(2.5)
        XCTAssertEqual(q1["sd"] as? Double, 2.5.squareRoot())
        XCTAssertEqual((root["frequencies"] as? [[String: Any]])?.count, 1)
    }

    func testDescribeTextIsATable() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.csv, to: "s.csv", in: folder)
        let outcome = try paradox(["describe", file.path, "--columns", "q1,q2"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertTrue(outcome.stdout.contains("Descriptive Statistics"))
        XCTAssertTrue(outcome.stdout.contains("3.00"))
    }

    func testReliabilityJSONKeys() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.csv, to: "s.csv", in: folder)
        let outcome = try paradox(["reliability", file.path, "--items", "q1,q2,q3", "--format", "json"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let root = try json(outcome.stdout)
        for key in ["n", "k", "alpha", "std_alpha", "conf_low", "conf_high", "items"] { XCTAssertNotNil(root[key], key) }
        XCTAssertEqual(root["n"] as? Int, 5)
        XCTAssertEqual(root["k"] as? Int, 3)
        let items = try XCTUnwrap(root["items"] as? [[String: Any]])
        XCTAssertEqual(items.map { $0["name"] as? String }, ["q1", "q2", "q3"])
        XCTAssertNotNil(items[0]["r_drop"] as? Double)
        XCTAssertNotNil(items[0]["alpha_if_deleted"] as? Double)
    }

    func testATextCellInAnItemIsAnErrorNamingFileLineColumnAndValue() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.csv.replacingOccurrences(of: "c,3,4,3", with: "c,3,four,3"), to: "s.csv", in: folder)
        let outcome = try paradox(["reliability", file.path, "--items", "q1,q2,q3"])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("s.csv:4, column 3 (q2): value \"four\" is not a number"), outcome.stderr)
        XCTAssertEqual(outcome.stdout, "")
    }

    func testReverseWithoutScaleBoundsIsAUsageError() throws {
        let folder = try temporaryFolder()
        let file = try write(Self.csv, to: "s.csv", in: folder)
        let outcome = try paradox(["reliability", file.path, "--items", "q1,q2,q3", "--reverse", "q3"])
        XCTAssertNotEqual(outcome.status, 0)
        XCTAssertLessThan(outcome.status, 128)
        XCTAssertTrue(outcome.stderr.contains("--scale-min"), outcome.stderr)
    }

    func testMissingFileAndUnterminatedQuote() throws {
        let missing = try paradox(["describe", "/nonexistent/x.csv"])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.stderr.contains("/nonexistent/x.csv"), missing.stderr)

        let folder = try temporaryFolder()
        let file = try write("a,b\n1,\"open\n2,3\n", to: "q.csv", in: folder)
        let outcome = try paradox(["describe", file.path])
        XCTAssertEqual(outcome.status, 1)
        XCTAssertTrue(outcome.stderr.contains("q.csv:2, column 2"), outcome.stderr)
        XCTAssertTrue(outcome.stderr.contains("never closed"), outcome.stderr)
    }
}
