import XCTest
import Import
import SurveyData

/// The codebook `paradox import` (and `data: x.sav` in a study) makes of the SPSS and Stata fixtures,
/// checked against R's haven on the same files: `Fixtures/haven_metadata.R` (R 4.2.2, haven 2.5.1,
/// `read_sav(f, user_na = TRUE)` and `read_dta(f)`), whose output `Fixtures/haven_metadata.json` is
/// committed beside it. Every variable's label; every value label haven reads, as a Likert label, a
/// level or a missing code's label; SPSS's user-missing codes and range; Stata's `.a`–`.z`.
final class HavenMetadataTests: XCTestCase {
    func fixture(_ name: String) throws -> URL {
        try XCTUnwrap(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
    }

    /// haven's reading of one file: per variable (in file order) its JSON object.
    func haven(_ file: String) throws -> [String: [String: Any]] {
        let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: fixture("haven_metadata.json"))) as? [String: Any])
        return try XCTUnwrap(root[file] as? [String: [String: Any]])
    }

    /// Paradox's value labels of `variable`, keyed as haven prints codes ("8", "-9", ".a").
    func valueLabels(_ variable: Variable) -> [String: String] {
        var labels: [String: String] = [:]
        switch variable.kind {
        case .likert(let scale): for (code, label) in scale.valueLabels { labels[String(code)] = label }
        case .categorical(let levels, _): for level in levels { labels[level.value] = level.label }
        default: break
        }
        for code in variable.missingCodes { labels[code.letter.map { ".\($0)" } ?? MissingCode.format(code.value)] = code.label }
        return labels
    }

    func testSPSSMetadataAgreesWithHaven() throws {
        let book = try ImportFormat.spss.read(fixture("survey.sav")).codebook
        let expected = try haven("sav")
        XCTAssertEqual(Set(book.variables.map(\.name)), Set(expected.keys))
        for variable in book.variables {
            let r = try XCTUnwrap(expected[variable.name])
            XCTAssertEqual(variable.label, r["label"] as? String, variable.name)
            XCTAssertEqual(valueLabels(variable), r["value_labels"] as? [String: String], variable.name)
            // Missing codes: haven's discrete na_values, and the labelled codes within its na_range.
            let discrete = (r["na_values"] as? [Double]) ?? []
            let range = (r["na_range"] as? [Double]) ?? []
            let labelledInRange = range.count == 2 ? ((r["value_labels"] as? [String: String]) ?? [:]).keys.compactMap(Double.init)
                .filter { range[0] <= $0 && $0 <= range[1] } : []
            XCTAssertEqual(Set(variable.missingCodes.map(\.value)), Set(discrete + labelledInRange), variable.name)
        }
        XCTAssertEqual(book.variable(named: "q2")?.missingCodes.map(\.value), [-9, -8, -1], "the range -9 thru -1's labelled codes")
    }

    func testStataMetadataAgreesWithHaven() throws {
        let book = try ImportFormat.stata.read(fixture("survey.dta")).codebook
        let expected = try haven("dta")
        XCTAssertEqual(Set(book.variables.map(\.name)), Set(expected.keys))
        for variable in book.variables {
            let r = try XCTUnwrap(expected[variable.name])
            XCTAssertEqual(variable.label, r["label"] as? String, variable.name)
            XCTAssertEqual(valueLabels(variable), r["value_labels"] as? [String: String], variable.name)
            // The tagged missing values that occur are extended missing codes, each kept apart.
            XCTAssertTrue(Set((r["tagged_missing"] as? [String]) ?? []).isSubset(of: Set(variable.missingCodes.compactMap { $0.letter.map { ".\($0)" } })),
                          variable.name)
        }
        XCTAssertEqual(book.variable(named: "q1")?.missingCodes, [MissingCode(letter: "a", label: "Don't know"), MissingCode(letter: "b", label: "Refused")])
    }
}
