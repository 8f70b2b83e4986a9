import Foundation
import TestSupport
import XCTest
import SurveyStats

/// One-way ANOVA of `y` by `age` in `Fixtures/regression/survey_reference.csv` (see
/// ``SurveyReferenceFixture``). Expected values, printed at full precision:
/// - R 4.2.2 Patched, car 3.1-1 (`survey_reference.R` → `survey_reference_R.txt`): `summary(aov(y ~ age))`,
///   `oneway.test(y ~ age, var.equal = FALSE)`, `car::leveneTest(y ~ age, center = mean / median)`,
///   `kruskal.test(likert ~ age)`, `t.test` per group, `TukeyHSD(aov(y ~ age))`, and Games–Howell by its
///   formulas with `ptukey`/`qtukey`;
/// - statsmodels 0.15.0 `anova_oneway(use_var = "bf", welch_correction = False)` (F*, df2; p from scipy
///   1.17.1 `f.sf(F*, k − 1, df2)`, the original Brown–Forsythe df rather than statsmodels' Mehrotra df)
///   and pingouin 0.7.0 `pairwise_gameshowell` (`survey_reference.py` → `survey_reference_py.txt`).
/// R's ptukey is accurate to about 1e-8 absolute and its qtukey stops its search at 1e-4 (R
/// documentation, `?ptukey`), so post-hoc p-values are compared at 1e-8 absolute and intervals at
/// 1e-5 relative (`StudentizedRangeTests` holds the studentized range to mpmath); everything else at 1e-10.
final class OneWayANOVATests: XCTestCase {
    static let r: [String: Double] = [
        "aov.ss_between": 39.078676711286398,
        "aov.ss_within": 115.89110039509657,
        "aov.statistic": 10.116051166498332,
        "aov.p_value": 8.2798754685339387e-06,
        "welch.statistic": 8.0295189127384496,
        "welch.df_residual": 26.963101211401195,
        "welch.p_value": 0.00055504079446367196,
        "levene_mean.statistic": 0.56654030444964742,
        "levene_mean.p_value": 0.63847595116399436,
        "levene_median.statistic": 0.55013671712786916,
        "levene_median.p_value": 0.64934451101002255,
        "kruskal.statistic": 14.047705407056743,
        "kruskal.p_value": 0.002840931459071275,
        "group.18-29.mean": 3.9275862068965517,
        "group.18-29.sd": 1.0631336267724694,
        "group.18-29.conf_low": 3.5231918026847713,
        "group.18-29.conf_high": 4.3319806111083325,
        "group.30-44.mean": 4.6049411764705885,
        "group.30-44.sd": 1.0540391557667499,
        "group.30-44.conf_low": 4.2371695286863229,
        "group.30-44.conf_high": 4.9727128242548533,
        "group.45-59.mean": 5.2426086956521738,
        "group.45-59.sd": 1.1645231071961071,
        "group.45-59.conf_low": 4.7390311414311475,
        "group.45-59.conf_high": 5.7461862498732001,
        "group.60+.mean": 6.0579999999999998,
        "group.60+.sd": 1.5922379578083532,
        "group.60+.conf_low": 4.7268557550592512,
        "group.60+.conf_high": 7.3891442449407494,
        "tukey.30-44-18-29.estimate": 0.67735496957403685,
        "tukey.30-44-18-29.conf_low": -0.073495283394429234,
        "tukey.30-44-18-29.p_value": 0.092107127256136234,
        "tukey.45-59-18-29.estimate": 1.3150224887556221,
        "tukey.45-59-18-29.conf_low": 0.48562967326775597,
        "tukey.45-59-18-29.p_value": 0.00043110450143812873,
        "tukey.60+-18-29.estimate": 2.1304137931034481,
        "tukey.60+-18-29.conf_low": 0.94415789777498382,
        "tukey.60+-18-29.p_value": 5.4248348297036841e-05,
        "tukey.45-59-30-44.estimate": 0.63766751918158526,
        "tukey.45-59-30-44.conf_low": -0.16429775891538012,
        "tukey.45-59-30-44.p_value": 0.16705364647552623,
        "tukey.60+-30-44.estimate": 1.4530588235294113,
        "tukey.60+-30-44.conf_low": 0.28581466993865989,
        "tukey.60+-30-44.p_value": 0.0084474757310993853,
        "tukey.60+-45-59.estimate": 0.81539130434782603,
        "tukey.60+-45-59.conf_low": -0.40386061961697539,
        "tukey.60+-45-59.p_value": 0.30402508155929153,
        "gh.30-44-18-29.df": 59.278048250619747,
        "gh.30-44-18-29.p_value": 0.065431692044399692,
        "gh.30-44-18-29.conf_low": -0.030230279768548085,
        "gh.45-59-18-29.df": 45.184841684956758,
        "gh.45-59-18-29.p_value": 0.00068951295715180549,
        "gh.45-59-18-29.conf_low": 0.4803041695537269,
        "gh.60+-18-29.df": 8.7944109369238781,
        "gh.60+-18-29.p_value": 0.026297874654136688,
        "gh.60+-18-29.conf_low": 0.25923199448562539,
        "gh.45-59-30-44.df": 44.109932436251682,
        "gh.45-59-30-44.p_value": 0.16692971505007015,
        "gh.45-59-30-44.conf_low": -0.17051168731511501,
        "gh.60+-30-44.df": 8.498823136468447,
        "gh.60+-30-44.p_value": 0.1384120167892533,
        "gh.60+-30-44.conf_low": -0.41497233687040302,
        "gh.60+-45-59.df": 9.7398148660814705,
        "gh.60+-45-59.p_value": 0.56667322216316207,
        "gh.60+-45-59.conf_low": -1.06933762438295,
        "bf_means.statistic": 8.08335402675382,
        "bf_means.df_residual": 27.39016760674274,
        "bf_means.p_value": 0.0005158495327595541,
        "pg_gh.30-44-18-29.se": 0.2676764330660993,
        "pg_gh.30-44-18-29.df": 59.27804825061972,
        "pg_gh.45-59-18-29.se": 0.3129468426085999,
        "pg_gh.45-59-18-29.df": 45.184841684956766,
        "pg_gh.60+-18-29.se": 0.5965542384411265,
        "pg_gh.60+-18-29.df": 8.794410936923878,
        "pg_gh.45-59-30-44.se": 0.30271753977093163,
        "pg_gh.45-59-30-44.df": 44.109932436251675,
        "pg_gh.60+-30-44.se": 0.5912521813814696,
        "pg_gh.60+-30-44.df": 8.498823136468447,
        "pg_gh.60+-45-59.se": 0.6130776422836247,
        "pg_gh.60+-45-59.df": 9.73981486608147,
    ]

    func testTablesAndTestsMatchRStatsmodelsAndPingouin() throws {
        let fixture = SurveyReferenceFixture.self
        let result = try OneWayANOVA.run(values: fixture.numeric("y"), groups: fixture.ageCodes,
                                         levels: fixture.levels, factor: "age")
        let check = { (v: Double?, k: String, tol: Double) in fixture.check(v, k, in: Self.r, tolerance: tol) }
        check(result.anova[0].sumsq, "aov.ss_between", 1e-10)
        check(result.anova[1].sumsq, "aov.ss_within", 1e-10)
        check(result.anova[0].statistic, "aov.statistic", 1e-10)
        check(result.anova[0].pValue, "aov.p_value", 1e-10)
        let ssb = Self.r["aov.ss_between"]!, ssw = Self.r["aov.ss_within"]!
        XCTAssertEqual(result.etaSquared!, ssb / (ssb + ssw), accuracy: 1e-13)
        check(result.welch?.statistic, "welch.statistic", 1e-10)
        check(result.welch?.dfResidual, "welch.df_residual", 1e-10)
        check(result.welch?.pValue, "welch.p_value", 1e-10)
        check(result.levene?.statistic, "levene_mean.statistic", 1e-10)
        check(result.levene?.pValue, "levene_mean.p_value", 1e-10)
        check(result.brownForsythe?.statistic, "levene_median.statistic", 1e-10)
        check(result.brownForsythe?.pValue, "levene_median.p_value", 1e-10)
        check(result.brownForsytheMeans?.statistic, "bf_means.statistic", 1e-10)
        check(result.brownForsytheMeans?.dfResidual, "bf_means.df_residual", 1e-10)
        check(result.brownForsytheMeans?.pValue, "bf_means.p_value", 1e-10)
        for g in result.groups {
            check(g.mean, "group.\(g.level).mean", 1e-10); check(g.sd, "group.\(g.level).sd", 1e-10)
            check(g.confLow, "group.\(g.level).conf_low", 1e-10); check(g.confHigh, "group.\(g.level).conf_high", 1e-10)
        }
        for t in result.tukey {
            let key = "tukey.\(t.group2)-\(t.group1)"
            check(t.estimate, "\(key).estimate", 1e-10)
            XCTAssertEqual(t.pValue!, Self.r["\(key).p_value"]!, accuracy: 1e-8, key)
            check(t.confLow, "\(key).conf_low", 1e-5)
        }
        for g in result.gamesHowell {
            let key = "\(g.group2)-\(g.group1)"
            check(g.stdError, "pg_gh.\(key).se", 1e-10)
            check(g.df, "pg_gh.\(key).df", 1e-10)
            check(g.df, "gh.\(key).df", 1e-10)
            XCTAssertEqual(g.pValue!, Self.r["gh.\(key).p_value"]!, accuracy: 1e-8, key)
            check(g.confLow, "gh.\(key).conf_low", 1e-5)
        }
        let likert = try OneWayANOVA.run(values: fixture.numeric("likert"), groups: fixture.ageCodes,
                                         levels: fixture.levels, postHoc: false)
        check(likert.kruskalWallis?.statistic, "kruskal.statistic", 1e-10)
        check(likert.kruskalWallis?.pValue, "kruskal.p_value", 1e-10)
    }

    /// The fixture's cases cut into three uneven parts, each tallied per level, the tallies merged
    /// with `+`: every number of the result equals the one-pass result (the tally is exact, so the
    /// two agree to the last bit; 1e-12 relative is the contract).
    func testTalliesOfThreePartsMergedEqualTheOnePassResult() throws {
        let fixture = SurveyReferenceFixture.self
        let codes = fixture.ageCodes, levels = fixture.levels
        for column in ["y", "likert"] {
            let values = fixture.numeric(column)
            let whole = try OneWayANOVA.run(values: values, groups: codes, levels: levels, factor: "age")
            let cuts = [0, values.count / 7, values.count * 3 / 5, values.count]
            var tallies = [ValueTally](repeating: ValueTally(), count: levels.count)
            var withoutLevel = 0
            for part in 0..<3 {
                let cases = cuts[part]..<cuts[part + 1]
                for level in levels.indices {
                    tallies[level] = tallies[level] + ValueTally(cases.filter { codes[$0] == level }.map { values[$0] })
                }
                withoutLevel += cases.filter { codes[$0] == -1 }.count
            }
            let merged = try OneWayANOVA.run(tallies: tallies, levels: levels, factor: "age",
                                             excludedWithoutLevel: withoutLevel)
            XCTAssertEqual(merged.excludedCases, whole.excludedCases)
            XCTAssertEqual(merged.tukey.count, 6)
            try assertSameNumbers(merged, whole, relative: 1e-12)
        }
        XCTAssertThrowsError(try OneWayANOVA.run(tallies: [ValueTally([1, 2])], levels: ["a", "b"])) {
            XCTAssertEqual($0 as? OneWayANOVAError, .tallyCountMismatch(tallies: 1, levels: 2))
        }
    }

    func testDegenerateInputsAreErrorsOrNil() throws {
        XCTAssertThrowsError(try OneWayANOVA.run(values: [1, 2, 3], groups: [0, 0, 0], levels: ["a", "b"])) {
            XCTAssertEqual($0 as? OneWayANOVAError, .fewerThanTwoGroups(nonEmpty: ["a"]))
        }
        XCTAssertThrowsError(try OneWayANOVA.run(values: [1, 2], groups: [0, 1], levels: ["a", "b"])) {
            XCTAssertEqual($0 as? OneWayANOVAError, .noWithinGroupDegreesOfFreedom(n: 2, groups: 2))
        }
        XCTAssertThrowsError(try OneWayANOVA.run(values: [1, 1, 2, 2], groups: [0, 0, 1, 1], levels: ["a", "b"])) {
            XCTAssertEqual($0 as? OneWayANOVAError, .zeroWithinGroupVariance)
        }
        XCTAssertThrowsError(try OneWayANOVA.run(values: [2, 2, 2, .nan, 2], groups: [0, 0, 1, 1, 1], levels: ["a", "b"])) {
            XCTAssertEqual($0 as? OneWayANOVAError, .constantResponse(value: 2))
        }
        // A group of one case: its SD, SE and CI are undefined, Welch and F* need two cases per group,
        // Games–Howell pairs with it are undefined; an empty level stays in the group table with n = 0.
        let result = try OneWayANOVA.run(values: [1, 2, 3, 5, 6, 9], groups: [0, 0, 0, 1, 1, 2],
                                         levels: ["a", "b", "c", "d"])
        XCTAssertNil(result.groups[2].sd)
        // R 4.2.2 summary(aov) (`Fixtures/degenerate/degenerate.R`): F(2, 3) = 24.5, p = .013857.
        XCTAssertEqual(try XCTUnwrap(result.anova[0].statistic), 24.5, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(result.anova[0].pValue), 0.013857, accuracy: 5e-7)
        XCTAssertEqual(result.groups[3].n, 0)
        XCTAssertNil(result.groups[3].mean)
        XCTAssertNil(result.welch)
        XCTAssertNil(result.brownForsytheMeans)
        XCTAssertNil(result.gamesHowell.first { $0.group2 == "c" }?.pValue)
        XCTAssertEqual(result.tukey.count, 3)
    }
}
