import XCTest
@testable import SurveyData

/// The types and attributes the importers write (date, duration, flag, pii), through the codebook
/// reader, the codebook writer and the data path.
final class CodebookVocabularyTests: XCTestCase {
    static let yaml = """
    variables:
      - {name: ResponseId, type: id}
      - {name: StartDate, label: Start Date, type: date}
      - {name: Duration, label: "Duration (in seconds)", type: duration}
      - {name: Finished, type: flag}
      - {name: IPAddress, type: text, pii: true}
      - {name: LocationLatitude, type: numeric, pii: true}
      - {name: Q1, label: "Ich mache mir Sorgen um meine Daten. 私のデータ", type: likert, scale: [1, 5],
         labels: {1: Stimme nicht zu, 5: Stimme zu}, missing_codes: {-8: Don't know, -9: Refused},
         question: Q1, import_id: QID1}
    """

    func testReadsTheImporterTypesAndPII() throws {
        let book = try Codebook(yaml: YAMLValue(text: Self.yaml, file: "cb.yml"))
        XCTAssertEqual(book.variables.map(\.kind), [.id, .date, .duration, .flag, .text, .numeric,
                                                   .likert(LikertScale(range: 1...5, valueLabels: [1: "Stimme nicht zu", 5: "Stimme zu"]))])
        XCTAssertEqual(book.variables.filter(\.isPII).map(\.name), ["IPAddress", "LocationLatitude"])
        XCTAssertEqual(book.variable(named: "Q1")?.missingCodes.map(\.label), ["Don't know", "Refused"])
        XCTAssertEqual(book.variable(named: "Q1")?.question, "Q1")
        XCTAssertEqual(book.variable(named: "Q1")?.importID, "QID1")
    }

    func testWeightMustBeANumericVariable() throws {
        let text = "weight: IPAddress\n" + Self.yaml
        XCTAssertThrowsError(try Codebook(yaml: YAMLValue(text: text, file: "cb.yml"))) { error in
            XCTAssertEqual((error as? ConfigFileError)?.line, 1)
            XCTAssertEqual((error as? ConfigFileError)?.message,
                           "weight: weight 'IPAddress' is not a numeric variable of the codebook (expected the frequency-weight variable)")
        }
        XCTAssertEqual(try Codebook(yaml: YAMLValue(text: "weight: LocationLatitude\n" + Self.yaml, file: "cb.yml")).weight, "LocationLatitude")
    }

    func testWrittenYAMLReadsBackTheSameCodebook() throws {
        let book = try Codebook(yaml: YAMLValue(text: Self.yaml, file: "cb.yml"))
        var tricky = book
        tricky.variables.append(Variable(name: "yes", label: "~", kind: .categorical(levels: [Level(value: "1.0", label: "null"), Level(value: "2", label: "a: b\n\"c\"")], reference: 1)))
        let written = try tricky.yamlText()
        XCTAssertEqual(try Codebook(yaml: YAMLValue(text: written, file: "out.yml")), tricky)
        XCTAssertTrue(written.contains("私のデータ"), written)
    }

    func testDataPathReadsDatePIIAndFlagAsTextAndDurationAsNumber() throws {
        let book = try Codebook(yaml: YAMLValue(text: Self.yaml, file: "cb.yml"))
        let csv = """
        ResponseId,StartDate,Duration,Finished,IPAddress,LocationLatitude,Q1
        R_1,2024-03-01 09:15:02,312,True,192.0.2.7,52.52,5
        R_2,2024-03-01 10:00:00,95,0,198.51.100.4,,-9

        """
        let data = try Dataset.load(reader: CSVReader(bytes: Array(csv.utf8), file: "w.csv"), codebook: book)
        XCTAssertEqual(texts(data, "StartDate"), ["2024-03-01 09:15:02", "2024-03-01 10:00:00"])
        XCTAssertEqual(data.column(named: "Duration")?.numericValues, [312, 95])
        XCTAssertEqual(texts(data, "Finished"), ["True", "0"])
        XCTAssertEqual(texts(data, "LocationLatitude"), ["52.52", ""])
        XCTAssertEqual(data.column(named: "Q1")?.missing.userMissing.map(\.count), [0, 1])
        XCTAssertThrowsError(try data.numericValues("LocationLatitude"))
    }

    private func texts(_ data: Dataset, _ name: String) -> [String]? {
        guard case .text(let cells)? = data.column(named: name)?.values else { return nil }
        return cells
    }
}
