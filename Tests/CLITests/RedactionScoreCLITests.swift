import XCTest

/// Recall and precision of the detectors through `paradox redact` on the labelled corpus
/// (Tests/Fixtures/redaction: make_corpus.py, score.py → scores.csv): every planted e-mail address,
/// phone number, IP address, street address and personal URL is found, 178 of 220 names, and nothing else.
final class RedactionScoreCLITests: CLITestCase {
    func testTheLabelledCorpusIsRedactedAsScored() throws {
        let fixture = Self.packageRoot.appendingPathComponent("Tests/Fixtures/redaction")
        let out = try temporaryFolder().appendingPathComponent("out")
        let outcome = try paradox(["redact", "corpus.txt", "--out", out.path], in: fixture)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "Redacted 1 file to \(out.path)/: e-mail addresses 220, IP addresses 220, phone numbers 220, street addresses 220, person names 178, personal URLs 220; review log \(out.path)/redaction-log.csv.\n")
        func rows(_ url: URL) throws -> [[Substring]] {
            try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        }
        // labels: line, position, kind, characters; the log: file, line, field, position, kind, characters.
        let labels = try rows(fixture.appendingPathComponent("labels.csv")).map { [$0[0], $0[1], $0[2], $0[3]] }
        let found = try rows(out.appendingPathComponent("redaction-log.csv")).map { [$0[1], $0[3], $0[4], $0[5]] }
        func overlap(_ a: [Substring], _ b: [Substring]) -> Bool {
            guard a[0] == b[0], a[2] == b[2], let a0 = Int(a[1]), let a1 = Int(a[3]), let b0 = Int(b[1]), let b1 = Int(b[3]) else { return false }
            return a0 < b0 + b1 && b0 < a0 + a1
        }
        let missed = labels.filter { label in !found.contains { overlap(label, $0) } }
        XCTAssertEqual(Set(missed.map { String($0[2]) }), ["person_name"])
        XCTAssertEqual(missed.count, 42)
        XCTAssertEqual(found.filter { row in !labels.contains { overlap(row, $0) } }.count, 0, "false positives")
    }
}
