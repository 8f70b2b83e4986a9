import XCTest
@testable import Thematic

final class ThemeCodebookTests: XCTestCase {
    func testLoadsEveryFieldWithLines() throws {
        let codebook = try ThemeCodebook.load(contentsOf: FixtureFiles.url("codebooks/mini.yml"))
        XCTAssertEqual(codebook.name, "Mini codebook")
        XCTAssertEqual(codebook.themes.map(\.id), ["communication", "consent", "ethics", "trust"])
        let consent = try XCTUnwrap(codebook.theme("consent"))
        XCTAssertEqual(consent.parent, "communication")
        XCTAssertEqual(consent.words, ["consent*"])
        XCTAssertEqual(consent.regexes, ["\\bopt ?(in|out)\\b"])
        XCTAssertEqual(consent.exclusions, ["consent decree"])
        XCTAssertEqual(consent.line, 10)
        XCTAssertEqual(codebook.theme("communication")?.color, "#1F77B4")
        XCTAssertEqual(codebook.outline.map(\.depth), [0, 1, 0, 0])
        XCTAssertEqual(codebook.ancestors(of: "consent"), ["communication"])
    }

    private func error(_ yaml: String) -> CodebookError? {
        do {
            _ = try ThemeCodebook.parse(yaml: yaml, file: "themes.yml")
            XCTFail("expected an error")
            return nil
        } catch {
            return error as? CodebookError
        }
    }

    func testDuplicateIDNamesBothLines() {
        let yaml = "themes:\n  - id: a\n    label: A\n  - id: a\n    label: Again\n"
        XCTAssertEqual(error(yaml), .duplicateID(file: "themes.yml", line: 4, id: "a", firstLine: 2))
        XCTAssertEqual(error(yaml)?.description, "themes.yml:4: duplicate theme id 'a' (first defined on line 2)")
    }

    func testUnknownParent() {
        let yaml = "themes:\n  - id: a\n    label: A\n  - id: b\n    label: B\n    parent: c\n"
        XCTAssertEqual(error(yaml), .unknownParent(file: "themes.yml", line: 4, id: "b", parent: "c"))
    }

    func testCycleOfParents() {
        let yaml = "themes:\n  - id: a\n    label: A\n    parent: b\n  - id: b\n    label: B\n    parent: a\n"
        XCTAssertEqual(error(yaml), .cycle(file: "themes.yml", line: 2, ids: ["a", "b"]))
        XCTAssertEqual(error(yaml)?.description, "themes.yml:2: the parent links form a cycle: a → b → a")
    }

    func testBadRegexNamesItsLineAndColumn() {
        let yaml = "themes:\n  - id: a\n    label: A\n    regex:\n      - 'ok'\n      - '(unclosed'\n"
        XCTAssertEqual(error(yaml)?.description, "themes.yml:6:9: regular expression '(unclosed' cannot be used: Missing close parenthesis for group started at index 0.")
        let backreference = "themes:\n  - id: a\n    label: A\n    regex: ['(a)\\1']\n"
        XCTAssertEqual(error(backreference)?.description, "themes.yml:4:13: regular expression '(a)\\1' cannot be used: Back-references are unsupported.")
    }

    func testBadTerms() {
        XCTAssertEqual(error("themes:\n  - id: a\n    label: A\n    words: [con*sent]\n"),
                       .badTerm(file: "themes.yml", line: 4, term: "con*sent", reason: "a wildcard '*' may only end a term (a stem such as consent*)"))
        XCTAssertEqual(error("themes:\n  - id: a\n    label: A\n    words:\n      - two words\n"),
                       .badTerm(file: "themes.yml", line: 5, term: "two words", reason: "a word cannot contain spaces; list it under 'phrases'"))
    }

    func testShapeErrors() {
        XCTAssertEqual(error("themes:\n  - id: a\n"), .missingField(file: "themes.yml", line: 2, field: "label"))
        XCTAssertEqual(error("themes:\n  - id: a\n    label: A\n    colour: red\n"), .unknownField(file: "themes.yml", line: 4, field: "colour"))
        XCTAssertEqual(error("name: x\n"), .missingField(file: "themes.yml", line: 1, field: "themes"))
        XCTAssertEqual(error("themes: nothing\n"), .expected(file: "themes.yml", line: 1, what: "a list of themes under 'themes'"))
    }

    func testYAMLSyntaxErrorHasLineAndColumn() {
        guard case let .syntax(file, line, _, _)? = error("themes:\n  - id: a\n    label: [unclosed\n") else {
            return XCTFail("expected a syntax error")
        }
        XCTAssertEqual(file, "themes.yml")
        XCTAssertGreaterThanOrEqual(line, 3)
    }

    func testBundledCodebookLoadsWithTheReportedThemesOnTop() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Codebooks/themes.yml")
        let codebook = try ThemeCodebook.load(contentsOf: url)
        XCTAssertEqual(Array(codebook.children(of: nil).prefix(3)), ["communication", "ethics", "compliance_efficiency"])
        XCTAssertNoThrow(try Coder(codebook: codebook))
    }
}
