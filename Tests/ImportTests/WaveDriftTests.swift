import XCTest
import Import
import SurveyData

/// ``WaveDrift/compare(old:new:)`` on codebooks built here: matching by ImportId before label, a type
/// change, labels of answer and missing codes, codes not seen before.
final class WaveDriftTests: XCTestCase {
    private func likert(_ name: String, _ label: String, _ range: ClosedRange<Int>, id: String? = nil, labels: [Int: String] = [:]) -> Variable {
        Variable(name: name, label: label, kind: .likert(LikertScale(range: range, valueLabels: labels)), importID: id)
    }

    func testMatchesByImportIDThenByLabel() {
        let old = Codebook(title: "w1", variables: [likert("Q1_1", "Trust", 1...5, id: "QID1_1"), likert("age", "Your age group", 1...4)])
        let new = Codebook(title: "w2", variables: [likert("Q9_1", "Trust (reworded)", 1...5, id: "QID1_1"), likert("agegrp", "Your age group", 1...4)])
        XCTAssertEqual(WaveDrift.compare(old: old, new: new).changes.map(\.description), [
            "renamed: Q1_1 → Q9_1 (same import_id QID1_1)",
            "renamed: age → agegrp (same label)",
        ])
    }

    func testTypeLabelsAndNewCodes() {
        let old = Codebook(title: "w1", variables: [
            likert("q1", "Q1", 1...5, labels: [1: "Disagree", 5: "Agree"]),
            Variable(name: "q2", label: "Q2", kind: .numeric),
            Variable(name: "q3", label: "Q3", kind: .categorical(levels: [Level(value: "1", label: "Yes")], reference: 0),
                     missingCodes: [MissingCode(value: 9, label: "Refused")]),
        ])
        let new = Codebook(title: "w2", variables: [
            likert("q1", "Q1", 1...7, labels: [1: "Strongly disagree", 5: "Agree"]),
            Variable(name: "q2", label: "Q2", kind: .text),
            Variable(name: "q3", label: "Q3", kind: .categorical(levels: [Level(value: "1", label: "Yes")], reference: 0),
                     missingCodes: [MissingCode(value: 9, label: "Don't know")]),
        ])
        XCTAssertEqual(WaveDrift.compare(old: old, new: new).changes.map(\.description), [
            "label changed: q1 code 1 was \"Disagree\", is \"Strongly disagree\"",
            "new codes: q1 has 6, 7, never seen before",
            "type changed: q2 was numeric, is text",
            "label changed: q3 code 9 was \"Refused\", is \"Don't know\"",
        ])
    }

    /// A narrower range (nobody chose 1 this time) and an unchanged codebook are no drift.
    func testFewerCodesAreNoDrift() {
        let old = Codebook(title: "w1", variables: [likert("q1", "Q1", 1...5)])
        XCTAssertEqual(WaveDrift.compare(old: old, new: Codebook(title: "w2", variables: [likert("q1", "Q1", 2...5)])).changes, [])
        XCTAssertEqual(WaveDrift.compare(old: old, new: old).changes, [])
    }
}
