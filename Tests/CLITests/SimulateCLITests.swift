import Foundation
import XCTest

/// Issue 16: `paradox simulate --respondents` is bounded before anything is drawn.
final class SimulateCLITests: CLITestCase {
    func testRespondentsBeyondTheMaximumAreAUsageError() throws {
        let folder = try temporaryFolder()
        for respondents in ["9223372036854775807", "100000000000"] {
            let outcome = try paradox(["simulate", "--respondents", respondents, "--out", folder.appendingPathComponent("w.csv").path])
            XCTAssertEqual(outcome.status, 64)
            XCTAssertTrue(outcome.stderr.hasPrefix("Error: --respondents must be at most 10000000 (the wave is drawn in memory).\n"), outcome.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("w.csv").path))
        }
    }
}
