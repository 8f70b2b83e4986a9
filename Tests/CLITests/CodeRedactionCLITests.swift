import XCTest

/// `paradox code` passes the privacy gate's redaction (issue 15, point 4): no planted value in any
/// output, and the .qdpx's selections point at the same words in its redacted source.
final class CodeRedactionCLITests: CLITestCase {
    static let transcript = """
        Interviewer: Who decides on consent banners?
        P01: Ask Dr. Jane Doe, our privacy officer, or Peter Miller at peter.miller@example.org.
        P01: Consent is handled from our office at 742 Evergreen Terrace; call +1 202 555 0143 about transparency.

        """

    func testEveryOutputIsRedactedAndTheQDPXOffsetsFollow() throws {
        let folder = try temporaryFolder()
        _ = try write(Self.transcript, to: "INT01.txt", in: folder)
        let codebook = Self.packageRoot.appendingPathComponent("Codebooks/themes.yml").path
        let outcome = try paradox(["code", "INT01.txt", "--codebook", codebook, "--qdpx", "out.qdpx", "--format", "json"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stderr, "paradox: note: personal data replaced in every output: e-mail addresses 1 ([email]), phone numbers 1 ([phone]), street addresses 1 ([address]), person names 2 ([name])\n")
        let unzipped = folder.appendingPathComponent("unzipped")
        try FileManager.default.createDirectory(at: unzipped, withIntermediateDirectories: true)
        let unzip = try runTool("/usr/bin/unzip", ["-q", folder.appendingPathComponent("out.qdpx").path], in: unzipped)
        XCTAssertEqual(unzip, 0)
        let sources = try FileManager.default.contentsOfDirectory(atPath: unzipped.appendingPathComponent("sources").path)
        let source = try String(contentsOf: unzipped.appendingPathComponent("sources/\(sources[0])"), encoding: .utf8)
        XCTAssertEqual(source, """
            Interviewer: Who decides on consent banners?
            P01: Ask [name], our privacy officer, or [name] at [email].
            P01: Consent is handled from our office at [address]; call [phone] about transparency.

            """)
        let project = try String(contentsOf: unzipped.appendingPathComponent("project.qde"), encoding: .utf8)
        let scalars = Array(source.unicodeScalars)
        let selections = try Regex(#"startPosition="(\d+)" endPosition="(\d+)""#)
        var texts: [String] = []
        for match in project.matches(of: selections) {
            let start = try XCTUnwrap(Int(match.output[1].substring ?? "")), end = try XCTUnwrap(Int(match.output[2].substring ?? ""))
            texts.append(String(String.UnicodeScalarView(scalars[start..<end])))
        }
        XCTAssertTrue(texts.contains("Consent is handled from our office at [address]; call [phone] about transparency."), "\(texts)")
        for planted in ["Jane", "Doe", "Peter", "Miller", "example.org", "Evergreen", "555"] {
            XCTAssertFalse(outcome.stdout.contains(planted), planted)
            XCTAssertFalse(project.contains(planted) || source.contains(planted), planted)
        }
    }

    /// Runs a tool other than paradox; returns its exit status.
    func runTool(_ tool: String, _ arguments: [String], in directory: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
