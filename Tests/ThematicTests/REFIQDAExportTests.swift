@testable import Archive
import XCTest
@testable import Thematic

final class REFIQDAExportTests: XCTestCase {
    private func result() throws -> CodingResult {
        try ThematicAnalysis.run(
            transcripts: [FixtureFiles.url("transcripts/mini.txt"), FixtureFiles.url("transcripts/mini-captions.vtt")],
            codebook: FixtureFiles.url("codebooks/mini.yml"), participants: FixtureFiles.url("transcripts/participants.csv"))
    }

    private func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-refi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return directory
    }

    /// Runs a tool, returning its exit status and combined output.
    private func run(_ tool: String, _ arguments: [String], in directory: URL? = nil) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    private func requireTool(_ tool: String) throws {
        let (status, _) = try run("which", [tool])
        try XCTSkipIf(status != 0, "\(tool) is not installed (the test script installs it)")
    }

    /// With a human coder beside Paradox's (users, selections and codings of its own).
    func testProjectValidatesAgainstTheProjectSchema() throws {
        try requireTool("xmllint")
        try requireTool("unzip")
        let directory = try temporaryDirectory()
        let archive = directory.appendingPathComponent("mini.qdpx")
        let result = try result()
        let ids = result.segments.map(\.segment.id)
        let human = HumanCoding(segmentIDs: ids, themes: [ids[0]: ["trust", "consent"], ids[1]: ["ethics"]], source: "gold.csv")
        try REFIQDAExport.project(result, coders: [human]).write(to: archive)
        let (unzipStatus, unzipOutput) = try run("unzip", ["-q", archive.path], in: directory)
        XCTAssertEqual(unzipStatus, 0, unzipOutput)
        let schema = FixtureFiles.url("refi-qda/Project-mrt2019.xsd").path
        let (status, output) = try run("xmllint", ["--noout", "--schema", schema, directory.appendingPathComponent("project.qde").path])
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("validates"), output)
    }

    func testCodebookValidatesAgainstTheCodebookSchema() throws {
        try requireTool("xmllint")
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("mini.qdc")
        let codebook = try ThemeCodebook.load(contentsOf: FixtureFiles.url("codebooks/mini.yml"))
        try Data(REFIQDAExport.codebookXML(codebook).utf8).write(to: file)
        let (status, output) = try run("xmllint", ["--noout", "--schema", FixtureFiles.url("refi-qda/Codebook.xsd").path, file.path])
        XCTAssertEqual(status, 0, output)
    }

    func testArchiveHoldsSourcesAndIsReproducible() throws {
        let result = try result()
        let first = REFIQDAExport.project(result).data
        XCTAssertEqual(first, REFIQDAExport.project(try self.result()).data, "exports are byte-for-byte reproducible")
        let archive = REFIQDAExport.project(result)
        XCTAssertEqual(archive.entries.map(\.name), ["project.qde"] + result.transcripts.map { "sources/\(REFIQDAExport.sourceGUID($0)).txt" })
        for (transcript, entry) in zip(result.transcripts, archive.entries.dropFirst()) {
            XCTAssertEqual(entry.data, Data(transcript.text.utf8))
            XCTAssertFalse(entry.data.starts(with: [0xEF, 0xBB, 0xBF]), "no byte-order mark")
        }
        try requireTool("unzip")
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("mini.qdpx")
        try first.write(to: file)
        let (status, output) = try run("unzip", ["-t", file.path])
        XCTAssertEqual(status, 0, output)
    }

    func testSelectionsAreHalfOpenScalarOffsetsIntoTheStoredText() throws {
        let result = try result()
        let xml = REFIQDAExport.projectXML(result)
        let selections = result.segments.filter { !$0.codings.isEmpty }
        XCTAssertFalse(selections.isEmpty)
        for coded in selections {
            let segment = coded.segment
            XCTAssertTrue(xml.contains("startPosition=\"\(segment.start)\" endPosition=\"\(segment.end)\""))
            let text = Array(result.transcripts.first { $0.id == segment.transcriptID }!.text.unicodeScalars)
            XCTAssertEqual(String(String.UnicodeScalarView(text[segment.start..<segment.end])), segment.text)
            for coding in coded.codings { XCTAssertTrue(xml.contains("<CodeRef targetGUID=\"\(REFIQDAExport.codeGUID(coding.themeID))\"/>")) }
        }
        XCTAssertTrue(xml.contains("<Code guid=\"\(REFIQDAExport.codeGUID("consent"))\" name=\"Consent and control\" isCodable=\"true\">"))
        XCTAssertTrue(xml.contains("<IntegerValue>12</IntegerValue>"))
        XCTAssertTrue(xml.contains("<TextValue>Retail, online</TextValue>"))
        XCTAssertFalse(xml.contains("DateTime"), "no time stamps")
    }

    /// Offsets from `make_import_fixtures.py` (Python 3.11.7 string indices, QualCoder's convention):
    /// each paragraph of `unicode.txt` is exported at its code point offsets, not its UTF-16 ones
    /// (277, 351 and 433 for the starts), and the round trip is tested in REFIQDAImportTests.
    func testSelectionsCountCodePointsOutsideTheBMP() throws {
        let result = try ThematicAnalysis.run(transcripts: [FixtureFiles.url("transcripts/unicode.txt")],
                                              codebook: FixtureFiles.url("codebooks/mini.yml"), unit: .paragraph)
        let xml = REFIQDAExport.projectXML(result)
        for (start, end) in [(274, 338), (340, 416), (418, 453)] {
            XCTAssertTrue(xml.contains("startPosition=\"\(start)\" endPosition=\"\(end)\""), "\(start)..<\(end)")
        }
    }

    /// Expected GUIDs from Python 3.11.7: `str(uuid.uuid5(uuid.NAMESPACE_URL, name)).upper()`.
    func testGUIDsAreVersion5UUIDs() {
        XCTAssertEqual(DeterministicGUID.make("code:ethics"), "66CAFF3D-8CA8-506F-90BB-3EC8DD2CBB98")
        XCTAssertEqual(DeterministicGUID.make("source:INT03"), "E7CE5785-10BC-5453-9489-7C44185C0C6C")
    }

    /// Expected values from Python 3.11.7 `zlib.crc32`.
    func testCRC32() {
        XCTAssertEqual(CRC32.checksum(Data("123456789".utf8)), 0xCBF43926)
        XCTAssertEqual(CRC32.checksum(Data("naïve 👩‍💻".utf8)), 0xC0E4C33A)
    }
}
