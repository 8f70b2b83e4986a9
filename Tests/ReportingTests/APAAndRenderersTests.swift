import XCTest
@testable import Reporting

final class APAAndRenderersTests: XCTestCase {
    func testAPANumberRules() {
        XCTAssertEqual(APA.number(0.4567, decimals: 2, leadingZero: false), ".46")
        XCTAssertEqual(APA.number(-0.4567, decimals: 2, leadingZero: false), "−.46")
        XCTAssertEqual(APA.number(-0.001, decimals: 2), "0.00")
        XCTAssertEqual(APA.number(3.14159, decimals: 2), "3.14")
        XCTAssertEqual(APA.number(nil, decimals: 2), "—")
        XCTAssertEqual(APA.number(.nan, decimals: 2), "—")
        XCTAssertEqual(APA.p(0.0004), "< .001")
        XCTAssertEqual(APA.p(0.0234), ".023")
        XCTAssertEqual(APA.p(1), "1.000")
        XCTAssertEqual(APA.display(.integer(-3)), "−3")
    }

    let table = Table(id: "t", title: "A & B", columns: [.init("Name", key: "name", alignment: .left), .init("α", key: "alpha")],
                      rows: [[.text("x, \"y\""), .number(0.8123456789, decimals: 2, leadingZero: false)],
                             [.text("z|w"), .number(nil, decimals: 2)]],
                      notes: ["n = 5."])

    func testCSVKeepsFullPrecisionAndQuotes() {
        XCTAssertEqual(CSVRenderer.render(table), "name,alpha\n\"x, \"\"y\"\"\",0.8123456789\nz|w,\n")
    }

    func testMarkdownEscapesPipesAndAddsTheNote() {
        let markdown = MarkdownRenderer.render(table, number: 2)
        XCTAssertTrue(markdown.hasPrefix("**Table 2**\n\n*A & B*\n\n| Name | α |\n|:---|---:|\n"), markdown)
        XCTAssertTrue(markdown.contains("| z\\|w | — |"))
        XCTAssertTrue(markdown.hasSuffix("*Note.* n = 5.\n"))
    }

    func testLaTeXUsesBooktabsAndEscapes() {
        let latex = LaTeXRenderer.render(table)
        XCTAssertTrue(latex.contains("\\caption{A \\& B}"))
        XCTAssertTrue(latex.contains("\\toprule\nName & $\\alpha$ \\\\\n\\midrule\n"))
        XCTAssertTrue(latex.contains("x, \"y\" & .81 \\\\"))
        XCTAssertTrue(latex.contains("\\bottomrule"))
    }

    func testHTMLEscapesAndNumbersTables() {
        let html = HTMLRenderer.render(Report(title: "R <1>", sections: [.init(title: "S", tables: [table])]))
        XCTAssertTrue(html.contains("<title>R &lt;1&gt;</title>"))
        XCTAssertTrue(html.contains("<caption><b>Table 1</b>A &amp; B</caption>"))
        XCTAssertFalse(html.contains("nan"))
    }
}
