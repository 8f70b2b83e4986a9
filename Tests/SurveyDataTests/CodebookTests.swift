import XCTest
import MessageText
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

    /// Mistakes of meaning are all reported at once, each at its line and column.
    func testEveryProblemIsReportedAtItsLine() throws {
        let text = """
        missing_codes: {3: Odd}
        variables:
          - {name: a, type: likert, scale: [1, 5]}
          - {name: b, type: likert, scale: [1, 5], missing_codes: {9: Refused}}
          - {name: b, type: numeric}
        scales:
          - {name: s, items: [a, b, a]}
        """
        XCTAssertThrowsError(try codebook(text)) { error in
            guard let problems = error as? ConfigFileProblems else { return XCTFail("\(error)") }
            XCTAssertEqual(problems.errors.map(\.description), [
                "cb.yml:3:5: variables[1]: missing code 3 (from the file's missing_codes) lies within the scale 1…5 (expected codes outside the scale points, e.g. 98, 99 or -9)",
                "cb.yml:5:5: variables[3]: variable 'b' is declared twice (expected unique names)",
                "cb.yml:7:29: scales[1].items[3]: item 'a' is listed twice in scale 's' (expected each item once)",
            ])
            XCTAssertTrue(problems.description.hasPrefix("3 problems:\n  cb.yml:3:5: "), problems.description)
        }
    }

    func testDuplicateKeyNamesItsLine() {
        let error = configError("title: a\nvariables:\n  - {name: a, type: numeric, name: b}\n")
        XCTAssertEqual(error?.line, 3)
        XCTAssertTrue(error?.message.contains("the key 'name' appears more than once") ?? false, "\(String(describing: error))")
    }

    /// Aliases may repeat small parts; a document they blow up (nested aliases, or a long text
    /// repeated) is refused at once, in time proportional to the limit.
    func testAliasesThatExpandTheFileAreRefused() throws {
        XCTAssertEqual(try codebook("title: &t Survey\nvariables:\n  - {name: a, type: numeric, label: *t}\n").variables[0].label, "Survey")
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { laughs += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n" }
        let nested = configError(laughs + "variables: []\n")
        XCTAssertTrue(nested?.message.hasPrefix("YAML aliases (*name) expand the file to more than") ?? false, "\(String(describing: nested))")
        let notice = "n: &n \"\(String(repeating: "x", count: 100_000))\"\nrepeated: [\(Array(repeating: "*n", count: 100).joined(separator: ", "))]\n"
        XCTAssertEqual(configError(notice)?.line, 1)   // at the text the aliases repeat
    }

    /// A list, mapping or alias as a key is refused before Yams hashes it (an alias key naming
    /// nested aliases would take exponential time); the same characters in text are no keys.
    func testComplexKeysAreRefusedBeforeParsing() throws {
        var laughs = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 { laughs += "a\(level): &a\(level) [\(Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", "))]\n" }
        let aliasKey = configError(laughs + "? *a9\n: 1\n*a8 : 2\n")
        XCTAssertEqual(aliasKey.map { [$0.line, $0.column] }, [11, 1])
        XCTAssertEqual(aliasKey?.message, "a list, mapping or alias (*name) used as a key, or a '?' key (expected text keys)")
        XCTAssertEqual(configError("title: x\n*t : y\n")?.line, 2)
        XCTAssertEqual(configError("title: x\n[a, b]: y\n")?.line, 2)
        let text = """
            title: |
              ? not a key
              *a : b
              [x]: y
            variables:
              - {name: a, type: numeric, label: "? q *b: [c]: d"} # ? *c : [d]: e
              - {name: b, type: numeric, label: 'it''s *e: f'}
            """
        XCTAssertEqual(try codebook(text).variables.map(\.label), ["? q *b: [c]: d", "it's *e: f"])
    }

    /// A value quoted in an error is shown up to 80 characters, control characters escaped; a list
    /// up to 12 items.
    func testQuotedValuesAreBounded() {
        let long = String(repeating: "é", count: 10_000_000)
        let error = DataError(file: "w.csv", line: 2, column: 1, columnName: long, kind: .notNumeric(value: long + "\n", expected: "a number"))
        XCTAssertLessThan(error.description.count, 300)
        XCTAssertTrue(error.description.contains("(\(String(repeating: "é", count: 80))…)"), error.description)
        XCTAssertEqual(Excerpt.excerpt("a\nb\t"), "a\\nb\\t")
        XCTAssertEqual(Excerpt.excerptList((1...14).map(String.init)), "1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, … (2 more)")
    }
}
