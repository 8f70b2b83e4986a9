import Archive
import Foundation
import XCTest
@testable import Thematic

/// REFI-QDA import through ``REFIQDAImport/codings(contentsOf:for:maximumInflatedBytes:)``, the call
/// `paradox code --gold project.qdpx` makes. Fixtures: `Fixtures/refi-qda/import/make_import_fixtures.py`.
final class REFIQDAImportTests: XCTestCase {
    private func paragraphs() throws -> CodingResult {
        try ThematicAnalysis.run(transcripts: [FixtureFiles.url("transcripts/mini.txt")],
                                 codebook: FixtureFiles.url("codebooks/mini.yml"), unit: .paragraph)
    }

    private func fixture(_ name: String) -> URL { FixtureFiles.url("refi-qda/import/\(name)") }

    func testHandMadeProjectGivesOneCoderPerUserByTheOverlapRule() throws {
        let file = fixture("nvivo-style.qdpx")
        let imported = try REFIQDAImport.codings(contentsOf: file, for: try paragraphs())
        let segments = ["mini-002", "mini-003", "mini-005"]
        XCTAssertEqual(imported.coders, [
            HumanCoding(segmentIDs: segments, themes: ["mini-002": ["consent"], "mini-003": ["ethics"], "mini-005": ["trust"]],
                        source: "\(file.path) (user Ana)"),
            HumanCoding(segmentIDs: segments, themes: ["mini-002": ["ethics", "communication"], "mini-003": ["ethics", "communication"],
                                                       "mini-005": ["communication"]],
                        source: "\(file.path) (user Ben)"),
        ])
        XCTAssertEqual(imported.unmatchedCodes, ["Off-topic"])
        XCTAssertEqual(imported.unmatchedSources, ["Other interview"])
        XCTAssertEqual(imported.uncodedTranscripts, [])
    }

    /// Expected values: `reference_panel.py` (statsmodels 0.15.0, krippendorff 0.9.0, scikit-learn 1.9.1).
    func testImportedCodersFeedTheAgreementMachinery() throws {
        let result = try paragraphs()
        let coders = try REFIQDAImport.codings(contentsOf: fixture("nvivo-style.qdpx"), for: result).coders
        let panel = try result.panel(coders).result
        let expected: [(fleiss: Double, alpha: Double)] = [(-0.5000000000000001, -0.25), (-0.20000000000000057, 0), (0.33333333333333326, 0.4444444444444444),
                                                           (-0.20000000000000057, 0)]
        XCTAssertEqual(panel.themes.map(\.themeID), ["communication", "consent", "ethics", "trust"])
        for (theme, value) in zip(panel.themes, expected) {
            XCTAssertEqual(try XCTUnwrap(theme.fleissKappa), value.fleiss, accuracy: 1e-12, theme.themeID)
            XCTAssertEqual(try XCTUnwrap(theme.alpha), value.alpha, accuracy: 1e-12, theme.themeID)
        }
        let withAna = try result.agreement(with: coders[0])
        XCTAssertEqual(try XCTUnwrap(withAna.themes[0].kappa), 0.3999999999999999, accuracy: 1e-12)
        XCTAssertEqual(withAna.themes[1...].map(\.kappa), [1, 1, 1])
    }

    func testOwnExportReadBackIsTheAutomaticCoding() throws {
        for unit in SegmentationUnit.allCases {
            let result = try ThematicAnalysis.run(
                transcripts: [FixtureFiles.url("transcripts/mini.txt"), FixtureFiles.url("transcripts/mini-captions.vtt"),
                              FixtureFiles.url("segments/open-answers.csv"), FixtureFiles.url("transcripts/unicode.txt")],
                codebook: FixtureFiles.url("codebooks/mini.yml"), unit: unit)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-roundtrip-\(UUID().uuidString).qdpx")
            defer { try? FileManager.default.removeItem(at: file) }
            try REFIQDAExport.project(result).write(to: file)
            let imported = try REFIQDAImport.codings(contentsOf: file, for: result)
            XCTAssertEqual(imported.coders.count, 1)
            let coder = try XCTUnwrap(imported.coders.first)
            XCTAssertEqual(coder.segmentIDs, result.segments.map(\.segment.id))
            for segment in result.segments {
                XCTAssertEqual(coder.themes[segment.segment.id], Set(segment.themeIDs), "\(unit) \(segment.segment.id)")
            }
            let agreement = try result.agreement(with: coder)
            XCTAssertTrue(agreement.themes.allSatisfy { $0.confusion.firstOnly == 0 && $0.confusion.secondOnly == 0 }, "\(unit)")
            XCTAssertEqual(agreement.percentAgreement, 100)
            XCTAssertEqual(imported.unmatchedCodes + imported.unmatchedSources + imported.uncodedTranscripts, [])
        }
    }

    /// The coders of `file`, their sources (which name the file) left out.
    private func coders(_ file: URL, for result: CodingResult, sources: URL? = nil) throws -> [HumanCoding] {
        try REFIQDAImport.codings(contentsOf: file, for: result, sources: sources).coders.map {
            HumanCoding(segmentIDs: $0.segmentIDs, themes: $0.themes, source: "")
        }
    }

    private func error(_ file: URL, sources: URL? = nil) throws -> String {
        do {
            _ = try REFIQDAImport.codings(contentsOf: file, for: try paragraphs(), sources: sources)
            return "no error"
        } catch let error as REFIQDAError {
            return String(describing: error).replacingOccurrences(of: fixture("").path + "/", with: "")
        }
    }

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testRelativeSourceIsReadInTheProjectsFolderOrInSources() throws {
        let result = try paragraphs()
        let inside = try coders(fixture("nvivo-style.qdpx"), for: result)
        XCTAssertEqual(try coders(fixture("external/relative.qdpx"), for: result), inside)
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: fixture("external/mini-interview.txt"), to: folder.appendingPathComponent("mini-interview.txt"))
        XCTAssertEqual(try coders(fixture("external/relative.qdpx"), for: result, sources: folder), inside)
        let empty = try temporaryFolder()
        XCTAssertEqual(try error(fixture("external/relative.qdpx"), sources: empty),
                       "external/relative.qdpx:project.qde:22: source 'mini' has plainTextPath=\"relative:///mini-interview.txt\", but there is no file "
                       + "\(empty.appendingPathComponent("mini-interview.txt").path) (the project's basePath was 'C:\\Users\\Ana\\QDA\\Sources'); "
                       + "give the folder holding the project's texts with --sources DIR")
    }

    func testAbsoluteSourceIsReadOnlyFromSourcesByItsFileName() throws {
        let result = try paragraphs()
        XCTAssertEqual(try error(fixture("external/absolute.qdpx")),
                       "external/absolute.qdpx:project.qde:22: source 'mini' has plainTextPath=\"absolute:///C:/Users/Ana/My%20Documents/mini-interview.txt\", "
                       + "a file on the machine that made the project; Paradox reads no path a project names: copy the file into a folder and give it "
                       + "with --sources DIR (read as DIR/<its file name>)")
        XCTAssertEqual(try coders(fixture("external/absolute.qdpx"), for: result, sources: fixture("external")),
                       try coders(fixture("nvivo-style.qdpx"), for: result))
    }

    func testNoPathLeavesTheFolderItIsReadFrom() throws {
        XCTAssertEqual(try error(fixture("external/escape.qdpx")),
                       "external/escape.qdpx:project.qde:22: source 'mini' has plainTextPath=\"relative:///../../../transcripts/mini.txt\", which leads "
                       + "out of the folder it is read from; expected a path inside it (a relative:// path is read in --sources DIR, else in the folder of the .qdpx)")
        // A symbolic link inside the folder to a file outside it (the very text the project needs).
        let linked = try temporaryFolder()
        try FileManager.default.createSymbolicLink(at: linked.appendingPathComponent("mini-interview.txt"),
                                                   withDestinationURL: fixture("external/mini-interview.txt"))
        XCTAssertTrue(try error(fixture("external/relative.qdpx"), sources: linked).hasSuffix("which leads out of the folder it is read from; "
                      + "expected a path inside it (a relative:// path is read in --sources DIR, else in the folder of the .qdpx)"))
        // A named pipe would block the read forever.
        let piped = try temporaryFolder()
        let pipe = piped.appendingPathComponent("mini-interview.txt")
        XCTAssertEqual(mkfifo(pipe.path, 0o600), 0)
        XCTAssertTrue(try error(fixture("external/relative.qdpx"), sources: piped)
            .hasSuffix("but \(pipe.path) is not a regular file; expected a UTF-8 text file"))
    }

    /// Positions as QualCoder writes them, Python string indices (code points): a reading in UTF-16
    /// units or in characters (graphemes) would put "Ethics come first" in the paragraph before.
    func testPositionsAreCodePointsAsQualCoderCountsThem() throws {
        let result = try ThematicAnalysis.run(transcripts: [FixtureFiles.url("transcripts/unicode.txt")],
                                              codebook: FixtureFiles.url("codebooks/mini.yml"), unit: .paragraph)
        XCTAssertEqual(result.segments.map(\.segment.id), ["unicode-002", "unicode-003", "unicode-004"], "the interviewer turn is not coded")
        let imported = try coders(fixture("unicode-qualcoder.qdpx"), for: result)
        let segments = ["unicode-002", "unicode-003", "unicode-004"]
        XCTAssertEqual(imported, [
            HumanCoding(segmentIDs: segments, themes: ["unicode-002": ["trust"], "unicode-003": ["consent"], "unicode-004": ["ethics"]], source: ""),
            HumanCoding(segmentIDs: segments, themes: ["unicode-002": [], "unicode-003": ["trust"], "unicode-004": ["ethics"]], source: ""),
        ])
    }

    /// Human coders exported beside Paradox's coder come back as the same codings, each a user.
    func testExportedHumanCodersReadBackAsTheSameCodings() throws {
        let result = try paragraphs()
        let human = try coders(fixture("nvivo-style.qdpx"), for: result).enumerated().map { index, coder in
            HumanCoding(segmentIDs: coder.segmentIDs, themes: coder.themes, source: ["Ana", "Ben"][index])
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-coders-\(UUID().uuidString).qdpx")
        defer { try? FileManager.default.removeItem(at: file) }
        try REFIQDAExport.project(result, coders: human).write(to: file)
        let imported = try REFIQDAImport.codings(contentsOf: file, for: result)
        XCTAssertEqual(imported.coders.map(\.source), ["Paradox deductive coder", "Ana", "Ben"].map { "\(file.path) (user \($0))" })
        XCTAssertEqual(imported.coders.dropFirst().map(\.themes), human.map(\.themes))
        XCTAssertEqual(imported.coders[0].themes, Dictionary(uniqueKeysWithValues: result.segments.map { ($0.segment.id, Set($0.themeIDs)) }))
    }

    func testBadProjectsAreTypedErrorsNamingFileAndElement() throws {
        let result = try paragraphs()
        func error(_ name: String) -> String {
            do {
                _ = try REFIQDAImport.codings(contentsOf: fixture(name), for: result)
                return "no error"
            } catch {
                return String(describing: error).replacingOccurrences(of: fixture("").path + "/", with: "")
            }
        }
        XCTAssertEqual(error("out-of-range.qdpx"), "out-of-range.qdpx:project.qde:23: <PlainTextSelection guid=\"BAD00000-0000-0000-0000-000000000001\"> "
                       + "spans 10..<479, expected 0 ≤ startPosition ≤ endPosition ≤ 478, the length in characters of source 'mini'")
        XCTAssertEqual(error("bad-position.qdpx"), "bad-position.qdpx:project.qde:23: expected whole-number startPosition and endPosition on "
                       + "<PlainTextSelection guid=\"5E100000-0000-0000-0000-000000000001\">, found 'x171', '188'")
        XCTAssertEqual(error("unknown-code.qdpx"), "unknown-code.qdpx:project.qde:23: <CodeRef targetGUID=\"C0000000-0000-0000-0000-0000000000FF\"> "
                       + "names no <Code> of the project's <CodeBook>")
        XCTAssertEqual(error("missing-source.qdpx"), "missing-source.qdpx: no entry 'sources/5E000000-0000-0000-0000-000000000001.txt', "
                       + "expected the text of source 'mini'")
        XCTAssertEqual(error("no-project.qdpx"), "no-project.qdpx: no entry 'project.qde', expected the project document of a REFI-QDA project")
        XCTAssertEqual(error("doctype.qdpx"), "doctype.qdpx:project.qde:2: expected no document type declaration (<!DOCTYPE>); REFI-QDA projects have none")
        XCTAssertEqual(error("text-differs.qdpx"), "text-differs.qdpx: the text of source 'mini' differs from transcript mini.txt at character 180: "
                       + "'out, and our privacy notice is in plain ', expected 'in, and our privacy notice is in plain l' "
                       + "(positions would point at other words; code the transcript exported from the project)")
        XCTAssertEqual(error("lying-size.qdpx"), "lying-size.qdpx: entry 'project.qde': damaged archive, expected at most the 100 bytes its directory record declares")
        XCTAssertEqual(error("not-a-zip.qdpx"), "not-a-zip.qdpx: not a ZIP archive (no end-of-central-directory record), expected a .qdpx project")
    }

    func testZipBombStopsAtTheInflationBudget() throws {
        let file = fixture("bomb.qdpx")
        XCTAssertThrowsError(try REFIQDAImport.codings(contentsOf: file, for: try paragraphs(), maximumInflatedBytes: 1 << 20)) { error in
            XCTAssertEqual(error as? ZipError, .tooLarge(file: file.path, entry: "project.qde", limit: 1 << 20))
        }
        // Under the default budget the same project reads (8 MiB of trailing spaces are well-formed XML).
        XCTAssertEqual(try REFIQDAImport.codings(contentsOf: file, for: try paragraphs()).coders.count, 2)
    }

    /// Truncations and single-byte changes (every 11th length, every 5th byte) of a project is read or refused with a typed error, never a crash.
    func testDamagedArchivesAreReadOrRefusedWithTypedErrors() throws {
        let whole = try Data(contentsOf: fixture("nvivo-style.qdpx"))
        let result = try paragraphs()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-damaged-\(UUID().uuidString).qdpx")
        defer { try? FileManager.default.removeItem(at: file) }
        var variants = stride(from: 0, to: whole.count, by: 11).map { whole.prefix($0) }
        for position in stride(from: 0, to: whole.count, by: 5) {
            var changed = whole
            changed[position] ^= 0x5A
            variants.append(changed)
        }
        for (index, variant) in variants.enumerated() {
            try variant.write(to: file)
            do {
                _ = try REFIQDAImport.codings(contentsOf: file, for: result)
            } catch is ZipError {
            } catch is REFIQDAError {
            } catch {
                XCTFail("variant \(index): untyped error \(error)")
            }
        }
    }
}
