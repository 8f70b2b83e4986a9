import XCTest
import Import
import SurveyData

/// The LimeSurvey reader on `Fixtures/limesurvey-responses.csv` (see its README for provenance).
final class LimeSurveyImportTests: XCTestCase {
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
        XCTAssertEqual(book.variables.filter { $0.question == "Q2" }.map(\.name), ["Q2[SQ001]", "Q2[SQ002]", "Q2[SQ003]", "Q2[other]"])
        XCTAssertEqual(book.variables.filter { $0.question == "Q2" }.map { $0.likertScale?.range }, [1...5, 1...5, 1...5, nil])
        XCTAssertEqual(book.variable(named: "Q2[other]")?.kind, .text)

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
}
