import Foundation
import XCTest
@testable import Study
import SurveyStats
import TestSupport

/// ω and the one-factor CFA of the bundled study's seven scales through the study runner, against
/// `Tests/SurveyStatsTests/Fixtures/omega/expected.R` → `expected_R.txt` (R 4.2.2, lavaan 0.6-14
/// `cfa(std.lv = TRUE)` + `fitMeasures`, semTools 0.5-6 `compRelSEM`; Data/wave1.csv with codes 98
/// and 99 missing and TRU4 reversed, each scale on its complete cases). Estimates, ω and SRMR to 1e-9
/// against the minimum of F_ML polished in R (lavaan's own stop is ~1e-7 away); χ², p, CFI, TLI and
/// RMSEA to 1e-8 against lavaan; the RMSEA upper bound against `uniroot(tol = 1e-14)`; ω with the
/// observed total variance to 1e-6 against `compRelSEM(obs.var = TRUE)` on lavaan's estimates.
final class BundledStudyOmegaTests: XCTestCase {
    typealias Fit = (chiSquare: Double, df: Int, pValue: Double, cfi: Double, tli: Double, rmsea: Double, high: Double, srmr: Double)
    typealias Scale = (name: String, n: Int, loadings: [Double], residuals: [Double], omega: Double, omegaObserved: Double, fit: Fit?)

    let expected: [Scale] = [
        ("privacy_concern", 193, loadings: [0.510822644527823, 0.500942352764588, 0.651652832944667, 0.57530159835434], residuals: [0.280551272577111, 0.325984998890966, 0.311744193250973, 0.259755338777058], omega: 0.809684209520643, omegaObserved: 0.809928718246867,
         fit: (chiSquare: 2.51988671446164, df: 2, pValue: 0.283670093904367, cfi: 0.997786743883261, tli: 0.993360231649783, rmsea: 0.0366995473162365, high: 0.152551648747663, srmr: 0.017838316170094)),
        ("transparency", 189, loadings: [0.648652137679245, 0.782158246290419, 0.680649875972311], residuals: [0.529671725075837, 0.410652262088442, 0.509252909352231], omega: 0.754635099934294, omegaObserved: 0.754635113388128,
         fit: nil),
        ("intrusiveness", 195, loadings: [0.759320276251627, 0.649288273866549, 0.713915783283255], residuals: [0.472900173694455, 0.527905342284617, 0.597595786265974], omega: 0.738117725679843, omegaObserved: 0.738117733409185,
         fit: nil),
        ("attitude", 190, loadings: [0.666222236604109, 0.514913901945594, 0.594994988440039], residuals: [0.310192252783858, 0.321456471367097, 0.34514993880049], omega: 0.763569467749189, omegaObserved: 0.763569497181528,
         fit: nil),
        ("benefits", 190, loadings: [0.566477829697197, 0.640298105990003, 0.671691979828829], residuals: [0.455390957104212, 0.401347975354811, 0.346170604455235], omega: 0.745768464878287, omegaObserved: 0.745768464993287,
         fit: nil),
        ("risks", 195, loadings: [0.561012651189345, 0.56795952454366, 0.624633597271729], residuals: [0.344410104350801, 0.287652090248713, 0.495565939507834], omega: 0.731693512299406, omegaObserved: 0.731693513266218,
         fit: nil),
        ("trust", 194, loadings: [0.503678476637241, 0.61909199548271, 0.69396440022535, 0.633202315302587], residuals: [0.627166744430865, 0.458578645607926, 0.41885447828332, 0.47183620742568], omega: 0.752283725768509, omegaObserved: 0.752079954173648,
         fit: (chiSquare: 0.755756433734051, df: 2, pValue: 0.685313955264629, cfi: 1, tli: 1.02247712212707, rmsea: 0, high: 0.106720174868654, srmr: 0.0116844623777759)),
    ]

    func testOmegaOfEveryScaleMatchesLavaan() throws {
        let wave = try XCTUnwrap(StudyRunner.run(StudyPlan.load(from: BundledStudyTests.studyFile)).waves.first)
        XCTAssertEqual(wave.omega.map(\.scale), expected.map(\.name))
        for (named, e) in zip(wave.omega, expected) {
            XCTAssertNil(named.problem)
            let r = try XCTUnwrap(named.result, e.name)
            XCTAssertEqual(r.n, e.n, e.name)
            for (i, item) in r.items.enumerated() {
                assertRelative(item.loading, e.loadings[i], 1e-9, "\(e.name) \(item.name)")
                assertRelative(item.residualVariance, e.residuals[i], 1e-9, "\(e.name) \(item.name)")
            }
            assertRelative(r.omega, e.omega, 1e-9, e.name)
            assertRelative(r.omegaObserved, e.omegaObserved, 1e-6, e.name)
            guard let f = e.fit else {
                XCTAssertNil(r.fit, e.name)
                XCTAssertEqual(r.warnings.map(\.kind), [.justIdentified], e.name)
                continue
            }
            let fit = try XCTUnwrap(r.fit, e.name)
            XCTAssertEqual(fit.df, f.df, e.name)
            assertRelative(fit.statistic, f.chiSquare, 1e-8, e.name)
            assertRelative(fit.pValue, f.pValue, 1e-8, e.name)
            assertRelative(fit.cfi, f.cfi, 1e-8, e.name)
            assertRelative(fit.tli, f.tli, 1e-8, e.name)
            assertRelative(fit.rmsea, f.rmsea, 1e-8, e.name)
            XCTAssertEqual(fit.rmseaConfLow, 0, e.name)
            assertRelative(fit.rmseaConfHigh, f.high, 1e-8, e.name)
            assertRelative(fit.srmr, f.srmr, 1e-9, e.name)
            XCTAssertEqual(r.warnings, [], e.name)
        }
    }

    /// The 95% Wald interval of each scale's ω against lavaan's SE of the defined parameter
    /// `omega := (Σl)^2/((Σl)^2 + Σt)` (`Fixtures/omega/omega_ci.R` → `omega_ci_R.txt`, R 4.2.2,
    /// lavaan 0.6-14), to 1e-6 (lavaan evaluates it at estimates ~1e-7 from the minimum).
    func testOmegaIntervalOfEveryScaleMatchesLavaan() throws {
        let expected: [String: (se: Double, low: Double, high: Double)] = [
            "privacy_concern": (0.022392173532222, 0.76579636080909, 0.853572068126543),
            "transparency": (0.0308337616248454, 0.694202041157442, 0.815068165742623),
            "intrusiveness": (0.0324682127747039, 0.674481199664087, 0.801754255025693),
            "attitude": (0.0297711679434316, 0.705219052987526, 0.821919886881165),
            "benefits": (0.0318613030457392, 0.683321457856351, 0.808215470796682),
            "risks": (0.0334482214359439, 0.66613620302449, 0.797250821747231),
            "trust": (0.0289359908806867, 0.695570216553036, 0.808997216519287),
        ]
        let wave = try XCTUnwrap(StudyRunner.run(StudyPlan.load(from: BundledStudyTests.studyFile)).waves.first)
        XCTAssertEqual(Set(wave.omega.map(\.scale)), Set(expected.keys))
        for named in wave.omega {
            let r = try XCTUnwrap(named.result, named.scale), e = try XCTUnwrap(expected[named.scale])
            assertRelative(r.stdError, e.se, 1e-6, named.scale)
            assertRelative(r.confLow, e.low, 1e-6, named.scale)
            assertRelative(r.confHigh, e.high, 1e-6, named.scale)
        }
    }
}
