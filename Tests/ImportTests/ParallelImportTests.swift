import XCTest
@testable import Import
import SurveyData

/// The importers read a large export on all cores (Qualtrics and LimeSurvey responses in blocks of
/// bytes, SPSS and Stata rows in pieces): here the same files are read with tiny blocks and pieces,
/// so that every cut falls somewhere awkward, and each outcome must equal that of one block or one
/// pass — the codebook, the data file's bytes, the row count and line shift, or the error's text.
final class ParallelImportTests: XCTestCase {
    /// A Qualtrics export whose responses have quoted line breaks, doubled quotes, a quote inside an
    /// unquoted cell (which upsets the blocks' quote-parity cuts), blank lines and CRLF line ends.
    static let export: String = {
        var text = """
        StartDate,Status,ResponseId,Q1_1,Q1_2,Q2,Q3_TEXT
        "Start Date","Response Type","Response ID","Agree - a","Agree - b","Gender","Comment"
        "{""ImportId"":""startDate""}","{""ImportId"":""status""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1_1""}","{""ImportId"":""QID1_2""}","{""ImportId"":""QID2""}","{""ImportId"":""QID3_TEXT""}"

        """
        let comments = ["", "\"line one\nline two\"", "\"she said \"\"no\"\"\"", "5\" screen", "plain", "\"a, b\""]
        for row in 0..<300 {
            let gender = row % 11 == 0 ? "\"2\"" : String(1 + row % 3)
            text += "2024-03-0\(1 + row % 9) 10:00:00,\(row % 50 == 0 ? 1 : 0),R_\(row),\(1 + row % 5),\(1 + row * 7 % 5),\(gender),\(comments[row % comments.count])"
            text += row % 13 == 0 ? "\r\n" : "\n"
            if row % 97 == 0 { text += "\n" }
        }
        return text
    }()

    func outcome(_ text: String, blockSize: Int) -> String {
        do {
            let survey = try QualtricsImport.read(bytes: Array(text.utf8), file: "export.csv", blockSize: blockSize)
            return try "\(survey.rowCount) rows, shift \(survey.lineShift)\n\(survey.codebook.yamlText())\(String(decoding: survey.dataCSV, as: UTF8.self))"
        } catch {
            return "error: \(error)"
        }
    }

    func testQualtricsBlocksReadAsOneBlock() {
        let whole = outcome(Self.export, blockSize: 1 << 30)
        XCTAssertTrue(whole.hasPrefix("300 rows, shift 2\n"), whole)
        XCTAssertTrue(whole.contains("\"line one\nline two\""))
        for blockSize in [1, 17, 64, 250, 1_000] {
            XCTAssertEqual(outcome(Self.export, blockSize: blockSize), whole, "blocks of \(blockSize) bytes")
        }
    }

    func testQualtricsErrorsInALaterBlockAreThoseOfOneBlock() {
        let ragged = Self.export + "2024-03-01 10:00:00,0,R_x,1,2\n" + Self.export.split(separator: "\n").last! + "\n"
        let unterminated = Self.export + "2024-03-01 10:00:00,0,R_y,1,2,1,\"never closed\n1,2\n"
        for text in [ragged, unterminated] {
            let whole = outcome(text, blockSize: 1 << 30)
            XCTAssertTrue(whole.hasPrefix("error: export.csv:"), whole)
            for blockSize in [1, 64, 1_000] {
                XCTAssertEqual(outcome(text, blockSize: blockSize), whole, "blocks of \(blockSize) bytes")
            }
        }
    }

    func fixture(_ name: String) throws -> URL {
        try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    func outcome(_ url: URL, format: ImportFormat, minimumPieceRows: Int) -> String {
        do {
            let survey = try StatisticalImport.read(contentsOf: url, format: format, dataTo: .memory, minimumPieceRows: minimumPieceRows)
            return try "\(survey.rowCount) rows\n\(survey.codebook.yamlText())\(String(decoding: survey.dataCSV, as: UTF8.self))"
        } catch {
            return "error: \(error)"
        }
    }

    func testSPSSAndStataPiecesReadAsOnePass() throws {
        for (name, format) in [("survey.sav", ImportFormat.spss), ("survey-weighted.sav", .spss), ("survey.dta", .stata),
                               ("survey-truncated.sav", .spss)] {
            let url = try fixture(name)
            let whole = outcome(url, format: format, minimumPieceRows: .max / 4)
            XCTAssertEqual(whole.hasPrefix("error: "), name == "survey-truncated.sav", whole)
            for rows in [1, 2] {
                XCTAssertEqual(outcome(url, format: format, minimumPieceRows: rows), whole, "\(name) in pieces of at least \(rows) rows")
            }
        }
    }

    /// The pieces of a UTF-8 file take ReadStat's text unconverted and check it themselves: a byte
    /// that is not UTF-8 in a cell or in a value label must give the error of the converting pass.
    func testSPSSTextThatIsNotUTF8InPiecesIsTheErrorOfOnePass() throws {
        let original = try Data(contentsOf: try fixture("survey.sav"))
        for (text, broken) in [("trop cher", "tr\u{FF}p cher"), ("Woman", "W\u{FF}man")] {
            let (from, to) = (Array(text.utf8), Array(broken.unicodeScalars.map { UInt8($0.value) }))
            let start = try XCTUnwrap(Array(original).indices.first { Array(original).dropFirst($0).starts(with: from) }, text)
            var bytes = Array(original)
            bytes.replaceSubrange(start..<start + from.count, with: to)
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("survey-not-utf8-\(UUID().uuidString).sav")
            try Data(bytes).write(to: url)
            defer { try? FileManager.default.removeItem(at: url) }
            let whole = outcome(url, format: .spss, minimumPieceRows: .max / 4)
            XCTAssertTrue(whole.hasPrefix("error: ") && whole.contains("invalid byte sequence"), whole)
            for rows in [1, 2] {
                XCTAssertEqual(outcome(url, format: .spss, minimumPieceRows: rows), whole, "\(text) broken, in pieces of at least \(rows) rows")
            }
        }
    }
}
