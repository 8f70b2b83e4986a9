import TestSupport
import XCTest
@testable import SurveyData

/// The coded scale scores (integer sums of the one-byte answers) against scores computed the
/// plain way, from the keyed items as doubles, on a file with reversed items and missing answers.
final class ScaleScoresTests: XCTestCase {
    func testCodesGiveTheScoresOfTheKeyedItems() throws {
        let codebook = try Codebook(yaml: YAMLValue(text: """
            variables:
              - {name: id, type: id}
              - {name: a, type: likert, scale: [1, 5]}
              - {name: b, type: likert, scale: [1, 5], reverse: true}
              - {name: c, type: likert, scale: [1, 5]}
              - {name: d, type: likert, scale: [0, 10]}
            scales:
              - {name: mean3, items: [a, b, c], scoring: mean, min_items: 2}
              - {name: sum3, items: [a, b, c], scoring: sum, min_items: 2}
              - {name: mixed, items: [a, d], scoring: mean, min_items: 1}
            """, file: "cb.yml"))
        var rows = ["id,a,b,c,d"]
        var generator = SystemRandomNumberGenerator()
        for row in 0..<500 {
            func cell(_ range: ClosedRange<Int>) -> String { Int.random(in: 0..<5, using: &generator) == 0 ? "" : "\(Int.random(in: range, using: &generator))" }
            rows.append("r\(row),\(cell(1...5)),\(cell(1...5)),\(cell(1...5)),\(cell(0...10))")
        }
        let data = try Dataset.load(reader: CSVReader(bytes: Array(rows.joined(separator: "\n").utf8), file: "w.csv"), codebook: codebook)
        for scale in codebook.scales {
            let items = try data.keyedItemValues(scale.items)
            let expected = (0..<data.rowCount).map { row -> Double in
                let answered = items.map { $0[row] }.filter { !$0.isNaN }
                guard answered.count >= scale.minimumItems else { return .nan }
                let mean = answered.reduce(0, +) / Double(answered.count)
                return scale.scoring == .mean ? mean : mean * Double(scale.items.count)
            }
            let coded = try XCTUnwrap(data.codedScores(of: scale))
            XCTAssertEqual(coded.values, coded.values.sorted(), scale.name)
            XCTAssertEqual(Set(coded.values).count, coded.values.count, scale.name)
            for (row, (score, value)) in zip(coded.doubles, expected).enumerated() {
                XCTAssertTrue(score == value || (score.isNaN && value.isNaN), "\(scale.name) row \(row): \(score) vs \(value)")
            }
            for (value, numerator) in zip(coded.values, coded.numerators) {
                XCTAssertEqual(Double(numerator) / Double(coded.denominator), value, accuracy: 1e-15 * abs(value), scale.name)
            }
            let counts = coded.counts
            XCTAssertEqual(counts.missing, expected.filter(\.isNaN).count, scale.name)
            XCTAssertEqual(counts.perValue.reduce(0, +) + counts.missing, data.rowCount, scale.name)
        }
        // Every value of a 3-item mean with 2 or 3 answered: sums 2…10 over 2, 3…15 over 3.
        let mean3 = try XCTUnwrap(data.codedScores(of: codebook.scales[0])).values
        XCTAssertEqual(mean3, Array(Set((2...10).map { Double($0) / 2 } + (3...15).map { Double($0) / 3 })).sorted())
        XCTAssertEqual(try XCTUnwrap(data.codedScores(of: codebook.scales[0])).denominator, 6)
        XCTAssertEqual(try XCTUnwrap(data.codedScores(of: codebook.scales[2])).denominator, 2)
    }

    /// Scores times the denominator as 16-bit integers (the exact co-moments' input), and `nil` when
    /// the lcm of the possible answered counts makes a numerator too large: a 12-item sum score
    /// with one item required has L = lcm(1…12) = 27,720 and numerators up to 5·12·L.
    func testScaledIntegersFitSixteenBitsOrAreNil() throws {
        let items = LongScaleCodebook.items
        let codebook = try Codebook(yaml: YAMLValue(text: LongScaleCodebook.yaml, file: "cb.yml"))
        let csv = ([items.joined(separator: ",")] + ["1,2,,4,5,1,2,3,4,5,1,2", ",,5,,,,,,,,,", "3,3,3,3,3,3,3,3,3,3,3,3"]).joined(separator: "\n")
        let data = try Dataset.load(reader: CSVReader(bytes: Array(csv.utf8), file: "w.csv"), codebook: codebook)
        let short = try XCTUnwrap(data.codedScores(of: codebook.scales[0]))
        XCTAssertEqual(short.denominator, 6)
        XCTAssertEqual(short.scaledIntegers, [9, .min, 18], "means 1.5, too few answered, 3")
        let long = try XCTUnwrap(data.codedScores(of: codebook.scales[1]))
        XCTAssertEqual(long.denominator, 27_720)
        XCTAssertNil(long.scaledIntegers)
        XCTAssertEqual(long.doubles, [30.0 / 11 * 12, 60, 36])
    }
}
