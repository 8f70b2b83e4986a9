import XCTest

/// The Data Quality table of `paradox run`: each variable's own user-missing codes.
final class DataQualityCLITests: CLITestCase {
    /// Two variables with different codes (one its own, one the codebook's) and an ID with none:
    /// each code a column, counted where declared, empty where not (it used to show the first
    /// variable's codes for every variable, so `q2`'s -1 was not shown at all).
    func testEachVariableShowsItsOwnMissingCodes() throws {
        let folder = try temporaryFolder()
        _ = try write("""
            title: C
            missing_codes: {98: Don't know, 99: Refused}
            variables:
            - {name: id, label: ID, type: id}
            - {name: q1, label: Q1, type: likert, scale: [1, 5]}
            - {name: q2, label: Q2, type: numeric, missing_codes: {-1: Not asked}}
            """, to: "c.yml", in: folder)
        _ = try write("id,q1,q2\na,1,3\nb,98,-1\nc,99,-1\nd,98,\ne,,7\n", to: "w.csv", in: folder)
        _ = try write("title: T\ncodebook: c.yml\ndata: w.csv\nanalyses:\n  descriptives: [q1, q2]\n", to: "s.yml", in: folder)
        let outcome = try paradox(["run", "s.yml", "--out", "out"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let report = try String(contentsOf: folder.appendingPathComponent("out/report.md"), encoding: .utf8).components(separatedBy: "\n")
        let start = try XCTUnwrap(report.firstIndex(of: "*Missing Data by Variable*"))
        XCTAssertEqual(Array(report[(start + 2)..<(start + 9)]), [
            "| Variable | Valid | Blank | 98 Don't know | 99 Refused | -1 Not asked | % missing |",
            "|:---|---:|---:|---:|---:|---:|---:|",
            "| id | 5 | 0 |  |  |  | 0.0 |",
            "| q1 | 1 | 1 | 2 | 1 |  | 80.0 |",
            "| q2 | 2 | 1 |  |  | 2 | 60.0 |",
            "",
            "*Note.* N = 5 rows read; 7 cells missing in all. Blank cells are system-missing; user-missing codes are excluded from every statistic. An empty cell: the code is not one of that variable's missing codes.",
        ])
        let csv = try String(contentsOf: folder.appendingPathComponent("out/csv/01_data_quality.csv"), encoding: .utf8)
        XCTAssertEqual(csv.components(separatedBy: "\n").prefix(4), [
            "variable,valid,blank,missing_98,missing_99,missing_-1,percent_missing", "id,5,0,,,,0.0", "q1,1,1,2,1,,80.0", "q2,2,1,,,2,60.0",
        ])
    }
}
