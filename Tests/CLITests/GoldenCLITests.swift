import Foundation
import XCTest

/// Issue 13, point 6: what users see, pinned. Each `Tests/Golden/cli/NAME.args` (arguments one a
/// line) is run in that folder; stdout must equal `NAME.out` byte for byte, stderr `NAME.err` (with
/// the folder's absolute path left out) and the exit code `NAME.status`. The fixture is `small.csv`
/// there (30 rows, a blank in x3 and in y). Regenerate with `Scripts/update-golden.sh`.
final class GoldenCLITests: CLITestCase {
    static let folder = packageRoot.appendingPathComponent("Tests/Golden/cli")

    func testCommandsPrintTheirGoldenOutput() throws {
        let cases = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".args") }.sorted()
        let commands = Set(try cases.map { try arguments(of: $0).first ?? "" })
        XCTAssertTrue(commands.isSuperset(of: ["describe", "reliability", "regress", "anova"]), "\(commands)")
        for name in cases.map({ String($0.dropLast(".args".count)) }) {
            let outcome = try paradox(arguments(of: "\(name).args"), in: Self.folder)
            func golden(_ suffix: String) throws -> String {
                try String(contentsOf: Self.folder.appendingPathComponent(name + suffix), encoding: .utf8)
            }
            XCTAssertEqual(outcome.stdout, try golden(".out"), "stdout of \(name)")
            XCTAssertEqual(outcome.stderr.replacingOccurrences(of: Self.folder.path + "/", with: ""), try golden(".err"), "stderr of \(name)")
            XCTAssertEqual("\(outcome.status)\n", try golden(".status"), "exit code of \(name)")
        }
    }

    private func arguments(of file: String) throws -> [String] {
        try String(contentsOf: Self.folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            .dropLast().map(String.init)
    }
}
