import Foundation
import XCTest
@testable import SurveyStats
import TestSupport

/// Expected values: `Fixtures/omega/expected.R` → `expected_R.txt` (R 4.2.2 Patched, lavaan 0.6-14,
/// semTools 0.5-6): `cfa(model, data, std.lv = TRUE)` with lavaan's defaults (ML, normal likelihood),
/// `fitMeasures`, `compRelSEM`. lavaan stops its optimiser about 1e-7 (HolzingerSwineford x7: 2.4e-6)
/// relative from the minimum of F_ML, so loadings, residual variances, SRMR and ω are checked to
/// 1e-9 against the same minimum polished by BFGS and Newton steps in R (`polished`), and to 1e-5
/// against lavaan's printed estimates; χ², CFI, TLI and RMSEA (second-order in the estimates'
/// error) to 1e-8 against lavaan; the RMSEA interval against R's `uniroot(tol = 1e-14)` on
/// `pchisq(ncp)` (`exact`; lavaan's own uniroot tolerance is 1.2e-4 in the noncentrality).
final class OmegaTests: XCTestCase {
    struct Expected {
        var lavaanLoadings: [Double], lavaanResiduals: [Double]
        var loadings: [Double], residuals: [Double], stdLoadings: [Double]
        var srmr: Double, omega: Double, omegaObserved: Double
    }

    func check(_ r: OmegaResult, _ e: Expected, file: StaticString = #filePath, line: UInt = #line) {
        for (i, item) in r.items.enumerated() {
            assertRelative(item.loading, e.loadings[i], 1e-9, item.name, file: file, line: line)
            assertRelative(item.residualVariance, e.residuals[i], 1e-9, item.name, file: file, line: line)
            assertRelative(item.loading, e.lavaanLoadings[i], 1e-5, item.name, file: file, line: line)
            assertRelative(item.residualVariance, e.lavaanResiduals[i], 1e-5, item.name, file: file, line: line)
            assertRelative(item.stdLoading, e.stdLoadings[i], 1e-5, item.name, file: file, line: line)
            assertRelative(item.stdLoading * item.stdLoading + item.stdResidualVariance, 1, 1e-12, item.name, file: file, line: line)
        }
        assertRelative(r.fit?.srmr, e.srmr, 1e-9, "srmr", file: file, line: line)
        assertRelative(r.omega, e.omega, 1e-9, "omega", file: file, line: line)
        assertRelative(r.omegaObserved, e.omegaObserved, 1e-6, "omega_observed", file: file, line: line)
    }

    func testFiveLikertItemsMatchLavaan() throws {
        let names = ["q1", "q2", "q3", "q4", "q5"]
        let columns = try names.map { name in
            name == "q3" ? try Reliability.reverseKeyed(LikertFixture.column(name), item: name, min: 1, max: 5) : LikertFixture.column(name)
        }
        let r = try Omega.oneFactor(CoMoments(columns: columns), names: names)
        XCTAssertEqual(r.n, 53)
        XCTAssertEqual(r.excludedCases, 7)
        XCTAssertEqual(r.k, 5)
        check(r, Expected(
            lavaanLoadings: [0.608226888302942, 0.340715385542832, 0.707680638603757, 1.06610216691875, 0.289217963800351],
            lavaanResiduals: [0.987126571622455, 0.750413622857478, 0.792174928339642, 0.499595629393781, 0.778581503333478],
            loadings: [0.608226894378378, 0.340715399294202, 0.707680692628084, 1.06610212961654, 0.289217914060818],
            residuals: [0.987126616688547, 0.750413550681657, 0.792174865334123, 0.499595704549265, 0.778581549272105],
            stdLoadings: [0.522113649951243, 0.366022103190181, 0.622357984776277, 0.833459852987926, 0.311468455080013],
            srmr: 0.0574415477525781, omega: 0.704349144326405, omegaObserved: 0.705735258526504))
        let fit = try XCTUnwrap(r.fit)
        XCTAssertEqual(fit.df, 5)
        XCTAssertEqual(fit.baselineDf, 10)
        assertRelative(fit.statistic, 4.15091026443642, 1e-8)
        assertRelative(fit.pValue, 0.527899637092695, 1e-8)
        assertRelative(fit.baselineStatistic, 42.6598291183981, 1e-10)
        XCTAssertEqual(fit.cfi, 1)
        assertRelative(fit.tli, 1.05199596926766, 1e-8)
        XCTAssertEqual(fit.rmsea, 0)
        XCTAssertEqual(fit.rmseaConfLow, 0)
        assertRelative(fit.rmseaConfHigh, 0.17367381698396, 1e-8)
        XCTAssertEqual(fit.confLevel, 0.90)
        XCTAssertEqual(r.warnings, [])
    }

    func testNineAbilityTestsMatchLavaan() throws {
        let columns = try HolzingerSwineford.columns()
        let r = try Omega.oneFactor(CoMoments(columns: columns), names: (1...9).map { "x\($0)" })
        XCTAssertEqual(r.n, 301)
        check(r, Expected(
            lavaanLoadings: [0.510417420931456, 0.259085467590085, 0.25154179221577, 0.985159011014871, 1.08362415393754,
                             0.916676067707359, 0.196304575825194, 0.203381731010145, 0.309094760583433],
            lavaanResiduals: [1.09784342889171, 1.31465686883521, 1.21159306980838, 0.380126695927099, 0.485544566604259,
                              0.356063945497468, 1.14460491214711, 0.98061894243503, 0.919464242858501],
            loadings: [0.510417197598632, 0.25908561215122, 0.251541887088237, 0.985158697101528, 1.0836238590993,
                       0.916675768289742, 0.196304102471188, 0.203381461204153, 0.309094450590252],
            residuals: [1.0978441299083, 1.31465851109648, 1.21159153980321, 0.380126849383683, 0.485545095944778,
                        0.35606391385636, 1.14460416367941, 0.980618795997683, 0.919464490574029],
            stdLoadings: [0.437941950543041, 0.220405924817251, 0.222780832772448, 0.847681129712802, 0.841109706626492,
                          0.838079350275467, 0.180473018087285, 0.201182448038888, 0.306801731567201],
            srmr: 0.143141695756805, omega: 0.738068992149548, omegaObserved: 0.62961391177513))
        let fit = try XCTUnwrap(r.fit)
        XCTAssertEqual(fit.df, 27)
        assertRelative(fit.statistic, 312.264159358139, 1e-8)
        XCTAssertLessThan(fit.pValue, 1e-40)
        assertRelative(fit.baselineStatistic, 918.851589292384, 1e-10)
        assertRelative(fit.cfi, 0.67688322384198, 1e-8)
        assertRelative(fit.tli, 0.569177631789306, 1e-8)
        assertRelative(fit.rmsea, 0.18735206111031, 1e-8)
        assertRelative(fit.rmseaConfLow, 0.1689894018539, 1e-8)
        assertRelative(fit.rmseaConfHigh, 0.206306005023902, 1e-8)
    }

    func testMergedSummariesGiveTheSameOmega() throws {
        let columns = try HolzingerSwineford.columns()
        let names = (1...9).map { "x\($0)" }
        let whole = try Omega.oneFactor(CoMoments(columns: columns), names: names)
        let merged = CoMoments(columns: columns.map { Array($0[..<100]) }) + CoMoments(columns: columns.map { Array($0[100...]) })
        let parts = try Omega.oneFactor(merged, names: names)
        assertRelative(parts.omega, whole.omega, 1e-9)
        assertRelative(parts.fit?.statistic, try XCTUnwrap(whole.fit?.statistic), 1e-9)
    }

    func testThreeItemsGiveOmegaWithoutFit() throws {
        let names = ["q1", "q2", "q4"]
        let r = try Omega.oneFactor(CoMoments(columns: names.map(LikertFixture.column)), names: names)
        XCTAssertNil(r.fit)
        XCTAssertEqual(r.warnings.map(\.kind), [.justIdentified])
        // Just identified: λ₁² = s₁₂s₁₃/s₂₃ exactly.
        let s = CoMoments(columns: names.map(LikertFixture.column))
        assertRelative(r.items[0].loading, (s.coMoment(0, 1) * s.coMoment(0, 2) / s.coMoment(1, 2) / Double(s.count)).squareRoot(), 1e-9)
    }

    func testTwoItemsAndSingularMatricesAreTypedErrors() throws {
        XCTAssertThrowsError(try Omega.oneFactor(CoMoments(columns: [[1, 2, 3], [2, 3, 1]]), names: ["a", "b"])) {
            XCTAssertEqual($0 as? OmegaError, .tooFewItems(2))
        }
        let constant = [[1, 2, 3, 4, 5.0], [2, 2, 2, 2, 2], [5, 3, 4, 1, 2]]
        XCTAssertThrowsError(try Omega.oneFactor(CoMoments(columns: constant), names: ["a", "b", "c"])) {
            XCTAssertEqual($0 as? OmegaError, .notPositiveDefinite)
        }
        let fewCases = [[1, 2, 3.0], [2, 3, 1], [3, 1, 2]]
        XCTAssertThrowsError(try Omega.oneFactor(CoMoments(columns: fewCases), names: ["a", "b", "c"])) {
            XCTAssertEqual($0 as? OmegaError, .notPositiveDefinite)
        }
        XCTAssertThrowsError(try Omega.oneFactor(CoMoments(columns: constant), names: ["a"])) {
            XCTAssertEqual($0 as? OmegaError, .nameCount(names: 1, items: 3))
        }
    }
}

/// `Fixtures/omega/holzinger_swineford.csv`, written by `expected.R` from lavaan's
/// `HolzingerSwineford1939` (x1…x9, no missing values).
enum HolzingerSwineford {
    static func columns() throws -> [[Double]] {
        let url = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
            .appendingPathComponent("omega/holzinger_swineford.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        var columns = [[Double]](repeating: [], count: 9)
        for line in lines {
            for (j, cell) in line.split(separator: ",").enumerated() { columns[j].append(try XCTUnwrap(Double(cell))) }
        }
        return columns
    }
}

/// The Wald interval of ω against lavaan 0.6-14: `parameterEstimates` of the defined parameter
/// `omega := (l1+…+lk)^2 / ((l1+…+lk)^2 + t1+…+tk)` (`Fixtures/omega/omega_ci.R` → `omega_ci_R.txt`,
/// R 4.2.2). lavaan evaluates its SE at estimates about 1e-7 from the minimum, so SE and bounds are
/// compared to 1e-6 relative.
final class OmegaIntervalTests: XCTestCase {
    func check(_ r: OmegaResult, se: Double, low: Double, high: Double, file: StaticString = #filePath, line: UInt = #line) {
        assertRelative(r.stdError, se, 1e-6, "se", file: file, line: line)
        assertRelative(r.confLow, low, 1e-6, "conf_low", file: file, line: line)
        assertRelative(r.confHigh, high, 1e-6, "conf_high", file: file, line: line)
        XCTAssertEqual(r.confLevel, 0.95, file: file, line: line)
    }

    func testFiveLikertItems() throws {
        let names = ["q1", "q2", "q3", "q4", "q5"]
        let columns = try names.map { name in
            name == "q3" ? try Reliability.reverseKeyed(LikertFixture.column(name), item: name, min: 1, max: 5) : LikertFixture.column(name)
        }
        let r = try Omega.oneFactor(CoMoments(columns: columns), names: names)
        check(r, se: 0.0630403731461228, low: 0.580792286906133, high: 0.827906008782867)
    }

    func testThreeItemsJustIdentified() throws {
        let names = ["q1", "q2", "q4"]
        let r = try Omega.oneFactor(CoMoments(columns: names.map(LikertFixture.column)), names: names)
        assertRelative(r.omega, 0.681499663783029, 1e-7)
        check(r, se: 0.124267612142762, low: 0.437939619538423, high: 0.925059708027634)
    }

    func testNineAbilityTests() throws {
        let r = try Omega.oneFactor(CoMoments(columns: try HolzingerSwineford.columns()), names: (1...9).map { "x\($0)" })
        check(r, se: 0.0220144504462705, low: 0.694921641663596, high: 0.78121670169186)
    }
}
