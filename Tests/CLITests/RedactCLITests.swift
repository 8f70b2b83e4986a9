import XCTest

/// `paradox redact` (issue 15, point 4): redacted copies of a transcript folder and a CSV file, the
/// review log without the values, the inputs untouched, and nothing written when an input is bad.
final class RedactCLITests: CLITestCase {
    static let transcript = "Interviewer: Who handles it?\r\nP01: Call Sarah Connor on +44 20 7946 0958 or write to s.connor@example.org.\r\nP01: Our office is at 10 Downing Street, version 2.4.1 since 2026-11-23.\n"
    static let answers = "id,text,participant\nS1,\"Ask Dr. Jane Doe, she knows\",Mr Smith\nS2,plain text here,P02\nS3,\"Mail \"\"me\"\" at a@b.io\",P03\n"

    func fixture() throws -> URL {
        let folder = try temporaryFolder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("transcripts"), withIntermediateDirectories: true)
        _ = try write(Self.transcript, to: "transcripts/INT01.txt", in: folder)
        _ = try write(Self.answers, to: "answers.csv", in: folder)
        return folder
    }

    func testCopiesAreRedactedAndTheLogHoldsNoValue() throws {
        let folder = try fixture()
        let outcome = try paradox(["redact", "transcripts", "answers.csv", "--column", "text", "--out", "red"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "Redacted 2 files to red/: e-mail addresses 2, phone numbers 1, street addresses 1, person names 2; review log red/redaction-log.csv.\n")
        func read(_ path: String) throws -> String { try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) }
        XCTAssertEqual(try read("red/transcripts/INT01.txt"), "Interviewer: Who handles it?\r\nP01: Call [name] on [phone] or write to [email].\r\nP01: Our office is at [address], version 2.4.1 since 2026-11-23.\n")
        // Only the text column: the participant "Mr Smith" stays (not asked for).
        XCTAssertEqual(try read("red/answers.csv"), "id,text,participant\nS1,\"Ask [name], she knows\",Mr Smith\nS2,plain text here,P02\nS3,\"Mail \"\"me\"\" at [email]\",P03\n")
        XCTAssertEqual(try read("red/redaction-log.csv"), """
            file,line,field,position,kind,characters
            transcripts/INT01.txt,2,,11,person_name,12
            transcripts/INT01.txt,2,,27,phone,16
            transcripts/INT01.txt,2,,56,email,20
            transcripts/INT01.txt,3,,23,street_address,17
            answers.csv,2,text,5,person_name,12
            answers.csv,4,text,14,email,6

            """)
        XCTAssertEqual(try read("transcripts/INT01.txt"), Self.transcript)
        XCTAssertEqual(try read("answers.csv"), Self.answers)
    }

    /// `printf S1 | openssl dgst -sha256 -hmac k3y` → d4a1ca6430a0933d…; S3 → 85f7a3a9f4672318… (OpenSSL 3.0).
    func testListedNamesAreReplacedToo() throws {
        let folder = try fixture()
        _ = try write("# interviewees\nKwame Mensah\nhandles\n", to: "names.txt", in: folder)
        _ = try write("Kwame Mensah's team handles it; KWAME MENSAH agreed, Kwame did not.\n", to: "INT02.txt", in: folder)
        let outcome = try paradox(["redact", "INT02.txt", "--names", "names.txt", "--out", "red"], in: folder)
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        XCTAssertEqual(outcome.stdout, "Redacted 1 file to red/: person names 3; review log red/redaction-log.csv.\n")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("red/INT02.txt"), encoding: .utf8),
                       "[name]'s team [name] it; [name] agreed, Kwame did not.\n")
        let missing = try paradox(["redact", "INT02.txt", "--names", "nope.txt", "--out", "red2"], in: folder)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "paradox: error: nope.txt: cannot be read (expected a UTF-8 file of names, one a line)\n")
    }

    func testAnIDColumnGetsKeyedPseudonyms() throws {
        let folder = try fixture()
        let outcome = try paradox(["redact", "answers.csv", "--id-column", "id", "--id-key-env", "PARADOX_TEST_KEY", "--out", "red"],
                                  in: folder, environment: ["PARADOX_TEST_KEY": "k3y"])
        XCTAssertEqual(outcome.status, 0, outcome.stderr)
        let lines = try String(contentsOf: folder.appendingPathComponent("red/answers.csv"), encoding: .utf8).split(separator: "\n")
        XCTAssertEqual(lines[1], "d4a1ca6430a0933d,\"Ask [name], she knows\",[name]")
        XCTAssertTrue(lines[3].hasPrefix("85f7a3a9f4672318,"), String(lines[3]))
        let missing = try paradox(["redact", "answers.csv", "--id-column", "id", "--id-key-env", "PARADOX_UNSET_KEY", "--out", "red2"], in: folder)
        XCTAssertEqual(missing.status, 1)
        XCTAssertEqual(missing.stderr, "paradox: error: --id-key-env: the environment variable PARADOX_UNSET_KEY is not set or empty (expected the key of the pseudonymous IDs, e.g. export PARADOX_UNSET_KEY=…)\n")
    }

    func testABadInputLeavesNoOutput() throws {
        let folder = try fixture()
        try Data([0x50, 0x30, 0x31, 0x3A, 0x0A, 0x20, 0xC3, 0x28, 0x0A]).write(to: folder.appendingPathComponent("transcripts/INT02.txt"))
        let outcome = try paradox(["redact", "transcripts", "--out", "red"], in: folder)
        XCTAssertEqual(outcome.status, 1)
        XCTAssertEqual(outcome.stderr, "paradox: error: transcripts/INT02.txt:2: not UTF-8 text (expected a transcript saved as UTF-8)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("red").path))
        let column = try paradox(["redact", "answers.csv", "--column", "answer", "--out", "red"], in: folder)
        XCTAssertEqual(column.stderr, "paradox: error: answers.csv:1: no column 'answer' (expected one of id, text, participant)\n")
        let missing = try paradox(["redact", "nowhere.txt", "--out", "red"], in: folder)
        XCTAssertEqual(missing.stderr, "paradox: error: nowhere.txt: no such file or folder (expected a transcript, a CSV file or a folder of them)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("red").path))
    }
}
