import XCTest
@testable import SurveyData

final class CodebookTests: XCTestCase {
    static let yaml = """
    title: Test instrument
    missing_codes:
      98: Don't know
      99: Prefer not to say
    label_sets:
      agree5: {1: Strongly disagree, 2: Disagree, 3: Neutral, 4: Agree, 5: Strongly agree}
    variables:
      - {name: id, type: id}
      - {name: q1, label: First item, type: likert, scale: [1, 5], labels: agree5}
      - {name: q2, type: likert, scale: [1, 5], labels: agree5, reverse: true}
      - {name: q3, type: likert, scale: [1, 5], missing_codes: {-99: Refused}}
      - name: age
        type: categorical
        levels: [{value: "1", label: "18-24"}, {value: "2", label: "25+"}]
        reference: "25+"
      - {name: income, type: numeric}
      - {name: note, type: text}
    scales:
      - {name: score, items: [q1, q2, q3], min_items: 2}
    """

    func codebook(_ text: String) throws -> Codebook {
        try Codebook(yaml: YAMLValue(text: text, file: "cb.yml"))
    }

    func configError(_ text: String) -> ConfigFileError? {
        do { _ = try codebook(text) } catch let error as ConfigFileError { return error } catch { XCTFail("\(error)") }
        return nil
    }

    func testParsesEveryPart() throws {
        let book = try codebook(Self.yaml)
        XCTAssertEqual(book.title, "Test instrument")
        XCTAssertEqual(book.variables.map(\.name), ["id", "q1", "q2", "q3", "age", "income", "note"])
        XCTAssertEqual(book.idVariable?.name, "id")
        let q2 = try XCTUnwrap(book.variable(named: "q2")?.likertScale)
        XCTAssertTrue(q2.reversed)
        XCTAssertEqual(q2.valueLabels[5], "Strongly agree")
        XCTAssertEqual(q2.keyed(2), 4)
        XCTAssertEqual(book.variable(named: "q1")?.missingCodes.map(\.value), [98, 99])
        XCTAssertEqual(book.variable(named: "q3")?.missingCodes, [MissingCode(value: -99, label: "Refused")])
        XCTAssertEqual(book.variable(named: "age")?.kind,
                       .categorical(levels: [Level(value: "1", label: "18-24"), Level(value: "2", label: "25+")], reference: 1))
        XCTAssertEqual(book.scales.first?.minimumItems, 2)
        XCTAssertEqual(book.scales.first?.scoring, .mean)
    }

    func testErrorsNameTheLine() {
        let unknownType = configError("variables:\n  - name: a\n    type: likret\n")
        XCTAssertEqual(unknownType?.line, 3)
        XCTAssertTrue(unknownType?.message.contains("expected likert, categorical, numeric, id, text, date, duration or flag") ?? false)

        let badScale = configError("variables:\n  - {name: a, type: likert, scale: [5, 1]}\n")
        XCTAssertEqual(badScale?.line, 2)

        let unknownItem = configError("variables:\n  - {name: a, type: likert, scale: [1, 5]}\nscales:\n  - name: s\n    items: [a, b]\n")
        XCTAssertEqual(unknownItem?.line, 5)
        XCTAssertTrue(unknownItem?.message.contains("'b'") ?? false)

        let misspelt = configError("variables:\n  - {name: a, type: numeric, lable: x}\n")
        XCTAssertTrue(misspelt?.message.contains("unknown key 'lable'") ?? false)

        let syntax = configError("variables:\n  - {name: a\n")
        XCTAssertNotNil(syntax?.line)
        XCTAssertTrue(syntax?.description.hasPrefix("cb.yml:") ?? false)

        let duplicate = configError("variables:\n  - {name: a, type: numeric}\n  - {name: a, type: numeric}\n")
        XCTAssertEqual(duplicate?.line, 3)
    }
}
