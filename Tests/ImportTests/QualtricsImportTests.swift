import XCTest
import Import
import SurveyData

/// The Qualtrics reader on exports as Qualtrics writes them (fixtures made by
/// `Fixtures/make_qualtrics_fixtures.py`). The expected codebooks and data files
/// (`*.expected.yml`, `*.expected.csv`) were written by `paradox import` and checked by hand
/// against the exports: every metadata column typed, Q3_1…Q3_5 one Likert question with −99 as a
/// missing code, the open answer's quotes and line breaks intact, the trailing comma dropped.
final class QualtricsImportTests: XCTestCase {
    static func fixture(_ name: String) throws -> URL {
        try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    func read(_ text: String, file: String = "export.csv") -> Error? {
        do { _ = try QualtricsImport.read(bytes: Array(text.utf8), file: file) } catch { return error }
        XCTFail("expected an error")
        return nil
    }

    func testThreeRowExportBecomesTheExpectedCodebookAndData() throws {
        let survey = try QualtricsImport.read(contentsOf: Self.fixture("qualtrics-three-rows.csv"))
        XCTAssertEqual(try survey.codebook.yamlText(), try String(contentsOf: Self.fixture("qualtrics-three-rows.expected.yml"), encoding: .utf8))
        XCTAssertEqual(survey.dataCSV, Array(try Data(contentsOf: Self.fixture("qualtrics-three-rows.expected.csv"))))
        XCTAssertEqual(survey.rowCount, 4)

        let book = survey.codebook
        XCTAssertEqual(book.variables.filter(\.isPII).map(\.name),
                       ["IPAddress", "RecipientLastName", "RecipientFirstName", "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude"])
        XCTAssertEqual(book.idVariable?.name, "ResponseId")
        XCTAssertEqual(book.variable(named: "Duration (in seconds)")?.kind, .duration)
        XCTAssertEqual(book.variable(named: "Finished")?.kind, .flag)
        XCTAssertEqual(book.variable(named: "StartDate")?.kind, .date)
        XCTAssertEqual(book.variables.filter { $0.question == "Q3" }.map(\.likertScale?.range), Array(repeating: 1...5, count: 5))
        XCTAssertEqual(book.variable(named: "Q3_3")?.label, "Wie sehr stimmen Sie zu? - 個人データの利用が心配です。")
        XCTAssertEqual(book.variable(named: "Q4_2")?.importID, "QID4#2")
        XCTAssertEqual(book.variable(named: "Q5")?.kind, .text)
        XCTAssertEqual(book.variable(named: "Q4_1")?.kind, .categorical(levels: [Level(value: "1", label: "Selected")], reference: 0))
        XCTAssertEqual(book.variable(named: "Q5 - Topics")?.kind, .text)
        XCTAssertEqual(book.variable(named: "Q5 - Topics")?.question, "Q5")
    }

    /// The written codebook reads back, and the written data load through the data path with it.
    func testOutputLoadsThroughTheDataPath() throws {
        let survey = try QualtricsImport.read(contentsOf: Self.fixture("qualtrics-three-rows.csv"))
        let book = try Codebook(yaml: YAMLValue(text: survey.codebook.yamlText(), file: "c.yml"))
        XCTAssertEqual(book, survey.codebook)
        let data = try Dataset.load(reader: CSVReader(bytes: survey.dataCSV, file: "d.csv"), codebook: book)
        XCTAssertEqual(data.rowCount, 4)
        XCTAssertEqual(data.column(named: "Q3_2")?.missing.userMissing.map(\.count), [1])
        XCTAssertEqual(data.column(named: "Q3_2")?.missing.blank, 1)
        guard case .text(let answers)? = data.column(named: "Q5")?.values else { return XCTFail("Q5 is not text") }
        XCTAssertEqual(answers[1], "Ich finde, \"personalisierte\" Werbung ist\nzu aufdringlich,\ngerade bei Apps.")
        guard case .text(let latitudes)? = data.column(named: "LocationLatitude")?.values else { return XCTFail("pii not read as text") }
        XCTAssertEqual(latitudes[0], "52.5200")
    }

    func testLegacyTwoRowExportNamesItsMetadataFromTheSecondRow() throws {
        let survey = try QualtricsImport.read(contentsOf: Self.fixture("qualtrics-legacy-two-rows.csv"))
        XCTAssertEqual(try survey.codebook.yamlText(), try String(contentsOf: Self.fixture("qualtrics-legacy-two-rows.expected.yml"), encoding: .utf8))
        XCTAssertEqual(survey.dataCSV, Array(try Data(contentsOf: Self.fixture("qualtrics-legacy-two-rows.expected.csv"))))
        XCTAssertEqual(Array(survey.codebook.variables.prefix(3).map(\.name)), ["ResponseID", "ResponseSet", "Name"])
        XCTAssertEqual(survey.codebook.variable(named: "Q2_3")?.likertScale?.range, 1...7)
    }

    func testHeaderRowsCutIsAnErrorAtTheLastHeaderLine() throws {
        let url = try Self.fixture("qualtrics-cut-header.csv")
        XCTAssertThrowsError(try QualtricsImport.read(contentsOf: url)) { error in
            XCTAssertEqual(error as? ImportError, ImportError(file: url.path, line: 2,
                kind: .headerRowsCut(expected: "the row of ImportIds ({\"ImportId\":\"QID…\"}) on line 3")))
        }
        XCTAssertEqual(read("ResponseId,Q1\n") as? ImportError,
                       ImportError(file: "export.csv", line: 1, kind: .headerRowsCut(expected: "the row of question texts on line 2")))
        XCTAssertEqual(read("ResponseId,Q1\nResponse ID,Q one\nR_1,3\n") as? ImportError,
                       ImportError(file: "export.csv", line: 3, kind: .headerRowsCut(expected: "the row of ImportIds ({\"ImportId\":\"QID…\"}) on line 3, before the responses")))
    }

    func testBadCellsAreErrorsNamingLineAndColumn() {
        XCTAssertEqual(read("ResponseId,Q1\nID,Q\n\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{ImportId: QID1\"\nR_1,3\n") as? ImportError,
                       ImportError(file: "export.csv", line: 3, column: 2, kind: .badImportID(value: "{ImportId: QID1")))
        XCTAssertEqual(read("ResponseID,Q1\nID,Q\nR_1,3,4\n") as? ImportError,
                       ImportError(file: "export.csv", line: 3, kind: .raggedRow(expected: 2, found: 3)))
        XCTAssertEqual(read("ResponseID,Q1,Q1\nID,Q,Q\nR_1,3,4\n") as? ImportError,
                       ImportError(file: "export.csv", line: 1, column: 3, kind: .duplicateColumn("Q1")))
        XCTAssertEqual(read("ResponseID,,Q2\nID,,Q\nR_1,3,4\n") as? ImportError,
                       ImportError(file: "export.csv", line: 1, column: 2, kind: .unnamedColumn))
        XCTAssertEqual(read("ResponseID,Q1,\nID,Q,\nR_1,3,4\n") as? ImportError,
                       ImportError(file: "export.csv", line: 1, column: 3, kind: .unnamedColumn))
        XCTAssertEqual(read("id,q1\n1,2\n") as? ImportError,
                       ImportError(file: "export.csv", line: 1, kind: .notFormat("Qualtrics", reason: "the first row names no ResponseId or StartDate column (expected Qualtrics' export tags)")))
        XCTAssertEqual(read("ResponseID,Q1\nID,Q\n") as? DataError, DataError(file: "export.csv", line: 2, kind: .headerOnly))
        XCTAssertEqual((read("ResponseID,Q1\nID,\"Q\nR_1,3\n") as? DataError)?.kind, .unterminatedQuote)
    }

    func testLongCellsAreCutInMessages() throws {
        let cell = String(repeating: "x", count: 500)
        let error = try XCTUnwrap(read("ResponseId,Q1\nID,Q\n\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\(cell)\nR_1,3\n") as? ImportError)
        XCTAssertEqual("\(error)", "export.csv:3, column 2: \"\(String(repeating: "x", count: 80))…\" is not an ImportId cell (expected JSON such as {\"ImportId\":\"QID1\"})")
    }

    /// Cells are copied byte for byte only where that is the same CSV: a semicolon file's commas, a
    /// bare quote and quoted surrounding spaces are re-quoted.
    func testDataCellsAreRequotedWhereNeeded() throws {
        let survey = try QualtricsImport.read(bytes: Array("ResponseID;Q1\nID;Q\nR_1;a,b\nR_2;x\"y\nR_3;\" z \"\n".utf8), file: "e.csv")
        XCTAssertEqual(String(decoding: survey.dataCSV, as: UTF8.self), "ResponseID,Q1\nR_1,\"a,b\"\nR_2,\"x\"\"y\"\nR_3,\" z \"\n")
    }

    /// Two legacy tags whose texts name the same metadata column: the second keeps its tag.
    func testLegacyNamesStayUnique() throws {
        let survey = try QualtricsImport.read(bytes: Array("V1,V2,V3\nResponseID,Status,Status\nR_1,0,1\n".utf8), file: "e.csv")
        XCTAssertEqual(survey.codebook.variables.map(\.name), ["ResponseID", "Status", "V3"])
    }

    /// A choice-text export writes Status and Finished as text: the levels are the texts as written.
    func testStatusAndFinishedAsText() throws {
        let csv = """
        StartDate,Status,Finished,ResponseId,Q1
        Start Date,Response Type,Finished,Response ID,Q one
        "{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""status""}","{""ImportId"":""finished""}","{""ImportId"":""_recordId""}","{""ImportId"":""QID1""}"
        2024-03-01 09:15:02,IP Address,True,R_1,Agree
        2024-03-01 09:16:02,Survey Preview,False,R_2,Agree

        """
        let book = try QualtricsImport.read(bytes: Array(csv.utf8), file: "text.csv").codebook
        XCTAssertEqual(book.variable(named: "Status")?.kind,
                       .categorical(levels: [Level(value: "IP Address", label: "IP Address"), Level(value: "Survey Preview", label: "Survey Preview")], reference: 0))
        XCTAssertEqual(book.variable(named: "Finished")?.kind, .flag)
        XCTAssertEqual(book.variable(named: "StartDate")?.importID, "startDate")
    }
}
