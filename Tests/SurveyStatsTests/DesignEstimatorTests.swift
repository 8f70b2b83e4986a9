import XCTest
@testable import SurveyStats
import TestSupport

/// Expected values: `Fixtures/design/design.R` → `design_R.txt` (R 4.2.2, survey 4.1.1,
/// `options(survey.lonely.psu = "fail")`): `svymean(deff = TRUE / "replace")`, `svytotal`,
/// `confint(..., df = degf(design))`, `cov2cor(svyvar(...))`, `svyglm` + `summary`/`confint`,
/// `regTermTest(svyglm(y ~ g), ~g)`; `lm` for frequency (replicated rows) and analytic weights.
final class DesignEstimatorTests: XCTestCase {
    func testMeansTotalsAndDesignEffectsMatchSurvey() throws {
        for design in DesignFixture.Design.allCases {
            for name in ["x1", "y"] {
                let sums = try DesignFixture.sums(design) { [name == "x1" ? $0.x1 : $0.y] }
                let r = try DesignMeans.estimate(sums, names: [name])
                let e = DesignFixture.expected("mean \(design.rawValue) \(name)")
                let row = r.rows[0]
                let label = "\(design) \(name)"
                assertRelative(row.mean, e[0], 1e-12, label)
                assertRelative(row.stdError, e[1], 1e-10, label)
                assertRelative(row.designEffect, e[2], 1e-10, label)
                assertRelative(row.designEffectWithReplacement, e[3], 1e-10, label)
                assertRelative(row.total, e[4], 1e-12, label)
                assertRelative(row.totalStdError, e[5], 1e-10, label)
                XCTAssertEqual(r.df, e[6], label)
                assertRelative(row.confLow, e[7], 1e-10, label)
                assertRelative(row.confHigh, e[8], 1e-10, label)
            }
        }
    }

    func testProportionsAndWeightedCountsMatchSurvey() throws {
        let levels = ["agree", "disagree", "dont_know", "neutral"]
        for design in DesignFixture.Design.allCases {
            let sums = try DesignFixture.sums(design) { row in levels.map { row.answer == $0 ? 1 : 0 } }
            let r = try DesignMeans.estimate(sums, names: levels)
            for (row, level) in zip(r.rows, levels) {
                let e = DesignFixture.expected("level \(design.rawValue) answer\(level)")
                assertRelative(row.mean, e[0], 1e-12, level)
                assertRelative(row.stdError, e[1], 1e-10, level)
                assertRelative(row.designEffect, e[2], 1e-10, level)
                assertRelative(row.total, e[3], 1e-12, level)
                assertRelative(row.totalStdError, e[4], 1e-10, level)
            }
        }
    }

    func testCorrelationsMatchSurvey() throws {
        for design in DesignFixture.Design.allCases {
            let sums = try DesignFixture.sums(design) { [$0.x1, $0.x2, $0.y] }
            let r = try DesignCorrelation.estimate(sums, names: ["x1", "x2", "y"])
            let e = DesignFixture.expected("cor \(design.rawValue)")
            assertRelative(r.matrix[1], e[0], 1e-12)
            assertRelative(r.matrix[2], e[1], 1e-12)
            assertRelative(r.matrix[5], e[2], 1e-12)
        }
    }

    func testRegressionMatchesSvyglm() throws {
        for design in DesignFixture.Design.allCases {
            let sums = try DesignFixture.sums(design) { [$0.x1, $0.x2, $0.y] }
            let r = try DesignRegression.fit(sums, predictors: ["x1", "x2"])
            XCTAssertEqual(r.dfResidual, DesignFixture.expected("reg \(design.rawValue) df")[0])
            for term in r.terms {
                let e = DesignFixture.expected("reg \(design.rawValue) \(term.term)")
                let label = "\(design) \(term.term)"
                assertRelative(term.estimate, e[0], 1e-11, label)
                assertRelative(term.stdError, e[1], 1e-10, label)
                assertRelative(term.statistic, e[2], 1e-10, label)
                assertRelative(term.pValue, e[3], 1e-9, label)
                assertRelative(term.confLow, e[4], 1e-10, label)
                assertRelative(term.confHigh, e[5], 1e-10, label)
            }
        }
    }

    func testGroupComparisonMatchesRegTermTest() throws {
        for design in DesignFixture.Design.allCases {
            let sums = try DesignFixture.sums(design) { [$0.g == "g2" ? 1 : 0, $0.g == "g3" ? 1 : 0, $0.y] }
            let r = try DesignRegression.fit(sums, predictors: ["g2", "g3"])
            let e = DesignFixture.expected("wald \(design.rawValue)")
            assertRelative(r.statistic, e[0], 1e-10, "\(design)")
            XCTAssertEqual(Double(r.df), e[1])
            XCTAssertEqual(r.dfResidual, e[2])
            assertRelative(r.pValue, e[3], 1e-9, "\(design)")
        }
    }

    /// One variable, one set of weights (`fw`), three weight types: three standard errors.
    func testThreeWeightTypesGiveThreeVariances() throws {
        for type in WeightType.allCases {
            var sums = DesignSums(variableCount: 1, weightType: type, rowsArePSUs: true)
            for row in DesignFixture.rows where !row.y.isNaN {
                try sums.add([row.y], weight: row.fw)
            }
            let r = try DesignMeans.estimate(sums, names: ["y"])
            let e = DesignFixture.expected("types \(type.rawValue)")
            assertRelative(r.rows[0].mean, e[0], 1e-12, type.rawValue)
            assertRelative(r.rows[0].stdError, e[1], 1e-10, type.rawValue)
            if type != .sampling { XCTAssertEqual(r.df, e[2], type.rawValue) }
        }
    }

    func testRegressionUnderFrequencyAndAnalyticWeightsMatchesLm() throws {
        for type in [WeightType.frequency, .analytic] {
            var sums = DesignSums(variableCount: 3, weightType: type)
            for row in DesignFixture.rows { try sums.add([row.x1, row.x2, row.y], weight: row.fw) }
            let r = try DesignRegression.fit(sums, predictors: ["x1", "x2"])
            for term in r.terms {
                let e = DesignFixture.expected("typesreg \(type.rawValue) \(term.term)")
                assertRelative(term.estimate, e[0], 1e-11, term.term)
                assertRelative(term.stdError, e[1], 1e-10, term.term)
                assertRelative(term.statistic, e[2], 1e-10, term.term)
                assertRelative(term.pValue, e[3], 1e-9, term.term)
            }
        }
    }

    /// R: "Stratum (a) has only one PSU at stage 1" under `survey.lonely.psu = "fail"`.
    func testLonelyPSUFailsAsInR() throws {
        var sums = DesignFixture.empty(.nofpc, variableCount: 1)
        for row in DesignFixture.rows {
            try sums.add([row.x1], weight: row.w, stratum: DesignFixture.stratum(row), psu: row.stratum == "a" ? 1 : Double(row.psu)!)
        }
        XCTAssertThrowsError(try DesignMeans.estimate(sums, names: ["x1"])) {
            XCTAssertEqual($0 as? DesignError, .lonelyPSU(stratum: "a"))
        }
        XCTAssertEqual(DesignFixture.expected("lonely Stratum (a) has only one PSU at stage"), [1])
    }

    func testBadWeightsAndPopulationSizesAreTypedErrors() {
        var sums = DesignSums(variableCount: 1)
        sums.stratumNames = [1: "a"]
        XCTAssertThrowsError(try sums.add([1], weight: -1, psu: 1)) {
            XCTAssertEqual($0 as? DesignError, .invalidWeight(value: -1, weightType: .sampling))
        }
        var frequency = DesignSums(variableCount: 1, weightType: .frequency)
        XCTAssertThrowsError(try frequency.add([1], weight: 1.5))
        XCTAssertThrowsError(try frequency.add([1], weight: 1, stratum: 1))
        XCTAssertNoThrow(try sums.add([1], weight: 1, stratum: 1, psu: 1, populationSize: 10))
        XCTAssertThrowsError(try sums.add([1], weight: 1, stratum: 1, psu: 2, populationSize: 11)) {
            XCTAssertEqual($0 as? DesignError, .inconsistentPopulationSize(stratum: "a", first: 10, second: 11))
        }
    }
}
