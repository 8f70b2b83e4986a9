import Foundation
@testable import Study
import SurveyStats
import TestSupport
import XCTest

/// The one-off commands through the engine (types from the file's first megabyte, then streamed
/// summaries, ``InferredWave``) against their plain paths (`Dataset.infer` of the whole file,
/// statistics on the values), on random files larger than the sample: the same results, every
/// number to 1e-12. Some files contradict their sample after the first megabyte (a text cell in a
/// numeric column, a new level, a value outside the range seen), which the engine hands to the
/// plain path.
final class InferredWaveTests: XCTestCase {
    struct Random {
        var state: UInt64
        mutating func below(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    enum Surprise: CaseIterable { case none, textCell, newLevel, outOfRange }

    /// A file of `rows` rows: Likert-like items (with blanks and NA), a decimal column, a
    /// categorical column and a whole-number column of wide range; `surprise` near its end.
    func file(rows: Int, seed: UInt64, surprise: Surprise) throws -> URL {
        var random = Random(state: seed)
        var lines = ["a,b,c,score,group,count,wave"]
        for row in 0..<rows {
            func item() -> String {
                switch random.below(40) {
                case 0: return ""
                case 1: return "NA"
                default: return String(1 + random.below(5))
                }
            }
            let group = ["north", "south", "east", "west"][random.below(4)]
            var cells = [item(), item(), item(), String(Double(random.below(100_000)) / 100), group, String(random.below(1_000)),
                         String(1 + random.below(3))]
            if row == rows - 7 {
                switch surprise {
                case .none: break
                case .textCell: cells[1] = "Agree"
                case .newLevel: cells[4] = "centre"
                case .outOfRange: cells[0] = "7"
                }
            }
            lines.append(cells.joined(separator: ","))
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-describe-\(UUID().uuidString).csv")
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    func testTheEngineDescribesAsThePlainPathDoes() throws {
        for (index, surprise) in Surprise.allCases.enumerated() {
            let url = try file(rows: 44_000, seed: UInt64(index + 1), surprise: surprise)
            XCTAssertGreaterThan(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int, 1 << 20, "larger than the sample")
            let (engine, route) = try FileDescription.routed(url, delimiter: nil, columns: nil)
            XCTAssertEqual(route, surprise == .none ? .engine : .plain, "\(surprise)")
            let plain = try FileDescription.plain(url, delimiter: nil, columns: nil)
            try assertSameNumbers(engine, plain, relative: 1e-12)
            XCTAssertEqual(engine.frequencies.map(\.name), surprise == .textCell ? ["b", "group"] : ["group"], "\(surprise)")
            guard surprise == .none else { continue }
            let selected = try FileDescription.describe(url, delimiter: nil, columns: ["group", "score"])
            try assertSameNumbers(selected, try FileDescription.plain(url, delimiter: nil, columns: ["group", "score"]), relative: 1e-12)
        }
    }

    func testAnUnknownColumnIsTheSameErrorOnBothPaths() throws {
        let url = try file(rows: 44_000, seed: 9, surprise: .none)
        func message(_ body: () throws -> FileDescription) -> String {
            do { _ = try body(); return "no error" } catch { return "\(error)" }
        }
        let engine = message { try FileDescription.describe(url, delimiter: nil, columns: ["nope"]) }
        XCTAssertEqual(engine, message { try FileDescription.plain(url, delimiter: nil, columns: ["nope"]) })
        XCTAssertTrue(engine.contains("no column named 'nope'"), engine)
    }

    /// ANOVAs by a text factor and by a numerically coded one (groups 1, 2, 3), of a Likert-like
    /// item and of a decimal score.
    func testTheEngineAnovaEqualsThePlainOne() throws {
        for (index, surprise) in [Surprise.none, .newLevel, .outOfRange].enumerated() {
            let url = try file(rows: 44_000, seed: UInt64(20 + index), surprise: surprise)
            for (dependent, factor) in [("score", "group"), ("c", "wave")] {
                let (engine, route) = try FileAnova.routed(url, delimiter: nil, dependent: dependent, factor: factor)
                // Likert items are read even when the analysis does not use them (faster than skipping
                // them as text), so a surprise in any of them hands the file to the plain path.
                let contradicted = surprise == .textCell || surprise == .outOfRange || (surprise == .newLevel && factor == "group")
                XCTAssertEqual(route, contradicted ? .plain : .engine, "\(surprise) \(dependent) by \(factor)")
                try assertSameNumbers(engine, try FileAnova.plain(url, delimiter: nil, dependent: dependent, factor: factor), relative: 1e-12)
            }
        }
    }

    /// A regression with a numeric and a Likert-like predictor, a text factor and a numerically
    /// coded one with a chosen reference level, HC3; and one without intercept.
    func testTheEngineRegressionEqualsThePlainOne() throws {
        for (index, surprise) in [Surprise.none, .newLevel, .textCell].enumerated() {
            let url = try file(rows: 44_000, seed: UInt64(40 + index), surprise: surprise)
            let models = [
                FileRegression.Model(dependent: "score", predictors: ["a", "count", "group", "wave"], categorical: ["group"],
                                     references: ["wave": "2"], robust: true),
                FileRegression.Model(dependent: "c", predictors: ["count"], intercept: false),
            ]
            for model in models {
                let (engine, route) = try FileRegression.routed(url, delimiter: nil, model: model)
                XCTAssertEqual(route, surprise == .none || (surprise == .newLevel && !model.predictors.contains("group")) ? .engine : .plain,
                               "\(surprise) \(model.dependent)")
                try assertSameNumbers(engine, try FileRegression.plain(url, delimiter: nil, model: model), relative: 1e-10)
            }
        }
    }

    /// α and ω of three Likert-like items with blanks and NA, one reverse-keyed on a given scale.
    func testTheEngineReliabilityEqualsThePlainOne() throws {
        for (index, surprise) in [Surprise.none, .newLevel, .outOfRange].enumerated() {
            let url = try file(rows: 44_000, seed: UInt64(60 + index), surprise: surprise)
            for (reversed, scale) in [(Set<String>(), nil), (["c"], 1...5)] as [(Set<String>, ClosedRange<Int>?)] {
                let (engine, omega, route) = try FileReliability.routed(url, delimiter: nil, items: ["a", "b", "c"], reversed: reversed, scale: scale)
                XCTAssertEqual(route, surprise == .outOfRange ? .plain : .engine, "\(surprise)")
                try assertSameNumbers(engine, try FileReliability.plain(url, delimiter: nil, items: ["a", "b", "c"], reversed: reversed, scale: scale),
                                      relative: 1e-10)
                let columns = try FileReliability.columns(url, delimiter: nil, items: ["a", "b", "c"], reversed: reversed, scale: scale)
                // Unrelated random items: ω near 0 and poorly determined (some fits do not converge on
                // either path), so the merged and one-pass sums agree to 1e-7.
                switch (omega.result, Result { try Omega.oneFactor(CoMoments(columns: columns), names: ["a", "b", "c"]) }) {
                case let (engine?, .success(plain)): try assertSameNumbers(engine, plain, relative: 1e-7)
                case (nil, .failure): XCTAssertNotNil(omega.problem)
                default: XCTFail("ω: one path fitted, the other did not: \(omega.problem ?? "")")
                }
            }
        }
        // A text cell in an item: the plain path's error, naming its line.
        let url = try file(rows: 44_000, seed: 70, surprise: .textCell)
        XCTAssertThrowsError(try FileReliability.run(url, delimiter: nil, items: ["a", "b", "c"], reversed: [], scale: nil)) { error in
            XCTAssertTrue("\(error)".contains(":43995, column 2 (b): value \"Agree\" is not a number"), "\(error)")
        }
    }
}
