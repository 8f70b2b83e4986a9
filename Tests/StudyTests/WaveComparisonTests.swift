import Foundation
import XCTest
@testable import Study
import SurveyStats

/// The comparison of the three fixture waves against R 4.2.2 (`Tests/Fixtures/waves/reference.R`,
/// values in `reference-R.json`): means, SDs and t CIs by wave, `aov` F, η², ω², `oneway.test`
/// Welch F, and `t.test(var.equal = FALSE)` with Hedges' g for the change from wave 1 to wave 3.
final class WaveComparisonTests: XCTestCase {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/waves")

    func assertClose(_ value: Double?, _ expected: Any?, _ what: String, tolerance: Double = 1e-9,
                     file: StaticString = #filePath, line: UInt = #line) {
        guard let value, let expected = expected as? Double else {
            return XCTFail("\(what): \(String(describing: value)) vs \(String(describing: expected))", file: file, line: line)
        }
        XCTAssertEqual(value, expected, accuracy: tolerance * max(1, abs(expected)), what, file: file, line: line)
    }

    func testComparisonMatchesR() throws {
        let plan = try StudyPlan.load(from: Self.fixtures.appendingPathComponent("waves.study.yml"))
        XCTAssertEqual(plan.data.map(\.written), ["wave-1.csv", "wave-2.csv", "wave-3.csv"])
        var reported: [String] = []
        let batch = try WaveBatch.run(plan) { outcome in
            guard case .analysed(let status, let result) = outcome else { return XCTFail("\(outcome)") }
            reported.append(status.name)
            XCTAssertEqual(result.waves.map(\.file), [status.file])
        }
        XCTAssertEqual(reported, ["wave-1", "wave-2", "wave-3"])
        XCTAssertEqual(batch.waves.map(\.rows), [240, 300, 360])
        XCTAssertTrue(batch.failedWaves.isEmpty)

        let data = try Data(contentsOf: Self.fixtures.appendingPathComponent("reference-R.json"))
        let reference = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let variables = try XCTUnwrap(reference["variables"] as? [String: [String: Any]])
        XCTAssertEqual(batch.variables.map(\.name), ["privacy_concern", "trust", "PC1", "TRU4", "COMF"])
        XCTAssertEqual(batch.variables.map(\.isScale), [true, true, false, false, false])
        for variable in batch.variables {
            let r = try XCTUnwrap(variables[variable.name], variable.name)
            let byWave = try XCTUnwrap(r["by_wave"] as? [[String: Any]])
            for (mine, theirs) in zip(variable.waves, byWave) {
                let what = "\(variable.name) \(mine.wave)"
                XCTAssertEqual(mine.wave, theirs["wave"] as? String)
                XCTAssertEqual(mine.n, theirs["n"] as? Int, what)
                assertClose(mine.mean, theirs["mean"], "\(what) mean")
                assertClose(mine.sd, theirs["sd"], "\(what) sd")
                assertClose(mine.confLow, theirs["conf_low"], "\(what) conf_low")
                assertClose(mine.confHigh, theirs["conf_high"], "\(what) conf_high")
            }
            let test = try XCTUnwrap(variable.betweenWaves, variable.name)
            let aov = try XCTUnwrap(r["anova"] as? [String: Any])
            assertClose(test.anova[0].statistic, aov["statistic"], "\(variable.name) F")
            XCTAssertEqual(test.anova[0].df, aov["df"] as? Int)
            XCTAssertEqual(test.anova[1].df, aov["df_residual"] as? Int)
            assertClose(test.anova[0].pValue, aov["p_value"], "\(variable.name) p", tolerance: 1e-7)
            assertClose(test.etaSquared, aov["eta_squared"], "\(variable.name) η²", tolerance: 1e-8)
            assertClose(test.omegaSquared, aov["omega_squared"], "\(variable.name) ω²", tolerance: 1e-8)
            let welch = try XCTUnwrap(r["welch"] as? [String: Any])
            assertClose(test.welch?.statistic, welch["statistic"], "\(variable.name) Welch F")
            assertClose(test.welch?.dfResidual, welch["df_residual"], "\(variable.name) Welch df2")
            assertClose(test.welch?.pValue, welch["p_value"], "\(variable.name) Welch p", tolerance: 1e-7)
            let change = try XCTUnwrap(variable.change, variable.name)
            let t = try XCTUnwrap(r["change"] as? [String: Any])
            assertClose(change.estimate, t["estimate"], "\(variable.name) change")
            assertClose(change.confLow, t["conf_low"], "\(variable.name) change conf_low")
            assertClose(change.confHigh, t["conf_high"], "\(variable.name) change conf_high")
            assertClose(change.statistic, t["statistic"], "\(variable.name) t")
            assertClose(change.df, t["df"], "\(variable.name) df")
            assertClose(change.pValue, t["p_value"], "\(variable.name) t p", tolerance: 1e-7)
            assertClose(change.hedgesG, t["hedges_g"], "\(variable.name) g")
        }
    }

    /// One wave gives means but no test or change; a variable without data in a wave has n = 0 there.
    func testFewerThanTwoWavesAndEmptyWave() {
        let full = ValueTally([1, 2, 3, 4]), empty = ValueTally([Double.nan, .nan])
        func wave(_ name: String, _ tally: ValueTally) -> WaveTallies {
            WaveTallies(wave: name, variables: [.init(name: "x", label: "X", isScale: false, tally: tally)])
        }
        let single = WaveComparison.compare([wave("a", full)])
        XCTAssertEqual(single[0].waves.map(\.mean), [2.5])
        XCTAssertNil(single[0].betweenWaves)
        XCTAssertNil(single[0].change)
        let withEmpty = WaveComparison.compare([wave("a", full), wave("b", empty)])
        XCTAssertEqual(withEmpty[0].waves.map(\.n), [4, 0])
        XCTAssertEqual(withEmpty[0].waves.map(\.missing), [0, 2])
        XCTAssertNil(withEmpty[0].betweenWaves)
        XCTAssertTrue(withEmpty[0].betweenWavesError?.contains("group") ?? false, "\(String(describing: withEmpty[0].betweenWavesError))")
        XCTAssertNil(withEmpty[0].change)
    }

    func testDuplicateWaveNamesAreRejected() throws {
        var plan = try StudyPlan.load(from: Self.fixtures.appendingPathComponent("waves.study.yml"))
        plan.data = [plan.data[0], FileReference(written: "other/wave-1.csv", relativeTo: Self.fixtures)]
        XCTAssertThrowsError(try WaveBatch.run(plan) { _ in }) { error in
            XCTAssertEqual(error as? BatchError, .duplicateWaveName("wave-1", files: ["wave-1.csv", "other/wave-1.csv"]))
        }
    }
}
