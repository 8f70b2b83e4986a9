import XCTest
import Import
import SurveyData

/// The LimeSurvey reader on `Fixtures/limesurvey-responses.csv` (see its README for provenance), with
/// and without its structure in both .lss layouts (`Fixtures/make_limesurvey_structures.py`).
final class LimeSurveyImportTests: XCTestCase {
    func fixture(_ name: String) throws -> URL {
        try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    func testResponseExportBecomesACodebookAndData() throws {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "limesurvey-responses.csv", withExtension: nil, subdirectory: "Fixtures"))
        XCTAssertEqual(try ImportFormat.detect(url), .limesurvey)
        let survey = try ImportFormat.limesurvey.read(url)
        let book = survey.codebook
        XCTAssertEqual(survey.rowCount, 4)
        XCTAssertEqual(book.idVariable?.name, "id")
        XCTAssertEqual(book.variables.filter(\.isPII).map(\.name), ["token", "ipaddr", "refurl"])
        XCTAssertEqual(["submitdate", "startdate", "datestamp"].map { book.variable(named: $0)?.kind }, [.date, .date, .date])
        XCTAssertEqual(["interviewtime", "groupTime12", "Q1Time"].map { book.variable(named: $0)?.kind }, [.duration, .duration, .duration])
        XCTAssertEqual(book.variable(named: "seed")?.kind, .text)
        XCTAssertEqual(book.variables.filter { $0.question == "Q2" }.map(\.name), ["Q2[SQ001]", "Q2[SQ002]", "Q2[SQ003]"])
        XCTAssertEqual(book.variables.filter { $0.question == "Q2" }.map { $0.likertScale?.range }, [1...5, 1...5, 1...5])
        XCTAssertEqual(book.variable(named: "Q1[other]")?.kind, .text)
        XCTAssertEqual(book.variable(named: "Q1")?.label, "Q1")

        let data = try Dataset.load(reader: CSVReader(bytes: survey.dataCSV, file: "d.csv"),
                                    codebook: Codebook(yaml: YAMLValue(text: book.yamlText(), file: "c.yml")))
        guard case .text(let answers)? = data.column(named: "Q3")?.values else { return XCTFail("Q3 is not text") }
        XCTAssertEqual(answers[1], "\"Zu viel\" Werbung,\nehrlich.")
        XCTAssertEqual(data.column(named: "Q2[SQ001]")?.missing.blank, 1)
    }

    func testBadHeadersAreErrors() {
        func error(_ text: String) -> ImportError? {
            do { _ = try LimeSurveyImport.read(bytes: Array(text.utf8), file: "r.csv") } catch { return error as? ImportError }
            return nil
        }
        XCTAssertEqual(error("id,submitdate,Q1,Q1\n1,,2,3\n"), ImportError(file: "r.csv", line: 1, column: 4, kind: .duplicateColumn("Q1")))
        XCTAssertEqual(error("id,submitdate,Q1\n1,,2,3\n"), ImportError(file: "r.csv", line: 2, kind: .raggedRow(expected: 3, found: 4)))
        XCTAssertEqual(error("id,Q1\n1,2\n")?.kind, .notFormat("LimeSurvey", reason: "the first row names no submitdate or startlanguage column (expected LimeSurvey's response codes)"))
    }

    /// Both layouts give the same codebook: texts in the base language (en), HTML removed, answer
    /// options as levels with "-oth-" for "Other", the 5-point array as Likert items.
    func testStructureFilesOfBothLayoutsLabelTheColumns() throws {
        let responses = try fixture("limesurvey-responses.csv")
        let v6 = try LimeSurveyImport.read(contentsOf: responses, structure: fixture("limesurvey-structure-v6.lss")).codebook
        let v3 = try LimeSurveyImport.read(contentsOf: responses, structure: fixture("limesurvey-structure-v3.lss")).codebook
        XCTAssertEqual(v6, v3)
        XCTAssertEqual(v6.variable(named: "Q1")?.label, "How often do you shop online?")
        XCTAssertEqual(v6.variable(named: "Q1")?.kind, .categorical(levels: [Level(value: "A1", label: "Daily"), Level(value: "A2", label: "Weekly"),
                                                                          Level(value: "A3", label: "Rarely"), Level(value: "-oth-", label: "Other")], reference: 0))
        XCTAssertEqual(v6.variable(named: "Q1[other]")?.label, "How often do you shop online? - Other")
        XCTAssertEqual(v6.variable(named: "Q2[SQ003]")?.label, "How much do you trust these companies with your data? - Apps & services")
        XCTAssertEqual(v6.variable(named: "Q2[SQ003]")?.likertScale?.range, 1...5)
        XCTAssertEqual(v6.variable(named: "Q3")?.kind, .text)
    }

    func testStructureThatDoesNotMatchIsAnErrorAtTheCell() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try String(contentsOf: fixture("limesurvey-responses.csv"), encoding: .utf8)
        let structure = try fixture("limesurvey-structure-v6.lss")

        let unknownCode = folder.appendingPathComponent("codes.csv")
        try text.replacingOccurrences(of: "\"A3\"", with: "\"A9\"").write(to: unknownCode, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LimeSurveyImport.read(contentsOf: unknownCode, structure: structure)) { error in
            XCTAssertEqual(error as? DataError, DataError(file: unknownCode.path, line: 6, column: 11, columnName: "Q1",
                                                           kind: .unknownLevel(value: "A9", levels: ["A1", "A2", "A3", "-oth-"])))
        }
        let unknownQuestion = folder.appendingPathComponent("questions.csv")
        try text.replacingOccurrences(of: "\"Q3\"", with: "\"Q9\"").write(to: unknownQuestion, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LimeSurveyImport.read(contentsOf: unknownQuestion, structure: structure)) { error in
            XCTAssertEqual(error as? ImportError, ImportError(file: unknownQuestion.path, line: 1, column: 16, variable: "Q9",
                                                               kind: .notInStructure(structureFile: structure.path)))
        }
        // Foundation's XML parser traps on an element name with invalid UTF-8 (found by fuzzing): refused before parsing.
        let invalid = folder.appendingPathComponent("invalid.lss")
        var bytes = Array(try Data(contentsOf: structure))
        bytes[bytes.firstIndex(of: UInt8(ascii: "q"))!] = 0xEF
        try Data(bytes).write(to: invalid)
        XCTAssertThrowsError(try LimeSurveyImport.read(contentsOf: fixture("limesurvey-responses.csv"), structure: invalid)) { error in
            XCTAssertEqual(error as? ImportError, ImportError(file: invalid.path, line: 21,
                kind: .notFormat("LimeSurvey structure (.lss)", reason: "bytes that are not valid UTF-8 (expected a UTF-8 .lss file)")))
        }
        let cut = folder.appendingPathComponent("cut.lss")
        try String(try String(contentsOf: structure, encoding: .utf8).prefix(300)).write(to: cut, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try LimeSurveyImport.read(contentsOf: fixture("limesurvey-responses.csv"), structure: cut)) { error in
            XCTAssertEqual(error as? ImportError, ImportError(file: cut.path, line: 13,
                kind: .notFormat("LimeSurvey structure (.lss)", reason: "the file ends before </document> (expected a complete .lss file)")))
        }
    }
}
