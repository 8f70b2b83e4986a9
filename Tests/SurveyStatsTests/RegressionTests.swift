import Foundation
import TestSupport
import XCTest
import SurveyStats

/// `Fixtures/regression/survey_reference.csv`: 96 synthetic survey cases (Python `random`, seed
/// 20261123) with a response y, numeric predictors x1–x3, a 4-level factor `age` (unequal n and
/// variances) and a 1–5 item `likert` (many ties); four cells are NA.
enum SurveyReferenceFixture {
    static let levels = ["18-29", "30-44", "45-59", "60+"]
    static let columns: [String: [String]] = {
        let url = Bundle.module.url(forResource: "survey_reference", withExtension: "csv",
                                    subdirectory: "Fixtures/regression")!
        var lines = try! String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        let rows = lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        return Dictionary(uniqueKeysWithValues: header.enumerated().map { j, name in (name, rows.map { $0[j] }) })
    }()
    static func numeric(_ name: String) -> [Double] { columns[name]!.map { Double($0) ?? .nan } }
    static var ageCodes: [Int] { columns["age"]!.map { levels.firstIndex(of: $0) ?? -1 } }

    static func check(_ actual: Double?, _ key: String, in expected: [String: Double], tolerance: Double = 1e-10,
                      file: StaticString = #filePath, line: UInt = #line) {
        guard let e = expected[key] else { return XCTFail("no reference value \(key)", file: file, line: line) }
        guard let actual else { return XCTFail("\(key) is nil", file: file, line: line) }
        XCTAssertLessThanOrEqual(abs(actual - e) / abs(e), tolerance, "\(key): \(actual) vs \(e)", file: file, line: line)
    }
}

/// Regression against R. Expected values: R 4.2.2 Patched (2022-11-10 r83330), car 3.1-1, printed with
/// `sprintf("%.17g")` by `Fixtures/regression/survey_reference.R` (output `survey_reference_R.txt`):
/// `lm(y ~ x1 + x2 + x3 + age)` (summary, confint), β = B·sd(column)/sd(y) on `model.matrix` (its CI:
/// B's CI, OLS and HC3, times the same ratio, as effectsize's "basic" standardization), column
/// VIF = 1/(1 − R²) of `lm(column ~ other columns)`, `car::vif`, `car::hccm(fit, type = "hc3")`,
/// `anova(lm(y ~ age), fit)` for the blocks, and `lm(y ~ 0 + x1 + x2)`.
final class RegressionTests: XCTestCase {
    static let r: [String: Double] = [
        "lm.(Intercept).estimate": 2.5682339313594831,
        "lm.(Intercept).std_error": 0.44322670350492405,
        "lm.(Intercept).statistic": 5.7944025282108287,
        "lm.(Intercept).p_value": 1.1315552932575888e-07,
        "lm.(Intercept).conf_low": 1.6869805010437209,
        "lm.(Intercept).conf_high": 3.4494873616752453,
        "lm.(Intercept).std_error_hc3": 0.50255203674496907,
        "lm.(Intercept).statistic_hc3": 5.1103840867782395,
        "lm.(Intercept).p_value_hc3": 1.950761875000819e-06,
        "lm.(Intercept).conf_low_hc3": 1.5690258448621477,
        "lm.x1.estimate": 0.49998834484143662,
        "lm.x1.std_error": 0.10248357034989551,
        "lm.x1.statistic": 4.8787170776193243,
        "lm.x1.p_value": 4.9306481980393104e-06,
        "lm.x1.conf_low": 0.29622355087105523,
        "lm.x1.conf_high": 0.703753138811818,
        "lm.x1.std_error_hc3": 0.11176653322705232,
        "lm.x1.statistic_hc3": 4.473506786022579,
        "lm.x1.p_value_hc3": 2.368112657125078e-05,
        "lm.x1.conf_low_hc3": 0.27776653369610194,
        "lm.x1.std_estimate": 0.37975246322830347,
        "lm.x1.std_conf_high_hc3": 0.54853495793277185,
        "lm.x1.std_conf_low_hc3": 0.21096996852383504,
        "lm.x1.std_conf_high": 0.53451643568450136,
        "lm.x1.std_conf_low": 0.22498849077210553,
        "lm.x1.vif": 1.0583481990068595,
        "lm.x2.estimate": -0.24602125062560096,
        "lm.x2.std_error": 0.052311239008822168,
        "lm.x2.statistic": -4.7030285515529471,
        "lm.x2.p_value": 9.8201670578919044e-06,
        "lm.x2.conf_low": -0.3500300083472126,
        "lm.x2.conf_high": -0.14201249290398932,
        "lm.x2.std_error_hc3": 0.051252334573790713,
        "lm.x2.statistic_hc3": -4.8001959846607782,
        "lm.x2.p_value_hc3": 6.7191626764635003e-06,
        "lm.x2.conf_low_hc3": -0.34792462264195428,
        "lm.x2.std_estimate": -0.37475717546611953,
        "lm.x2.std_conf_high_hc3": -0.21953066649499636,
        "lm.x2.std_conf_low_hc3": -0.52998368443724264,
        "lm.x2.std_conf_high": -0.21632359231679835,
        "lm.x2.std_conf_low": -0.53319075861544063,
        "lm.x2.vif": 1.1091322328445008,
        "lm.x3.estimate": 0.12436268589358675,
        "lm.x3.std_error": 0.06196781133880945,
        "lm.x3.statistic": 2.0068916943610109,
        "lm.x3.p_value": 0.047939264201248187,
        "lm.x3.conf_low": 0.0011540753120288377,
        "lm.x3.conf_high": 0.24757129647514464,
        "lm.x3.std_error_hc3": 0.067210818983255677,
        "lm.x3.statistic_hc3": 1.8503373084111561,
        "lm.x3.p_value_hc3": 0.067739200065047037,
        "lm.x3.conf_low_hc3": -0.0092704285260813285,
        "lm.x3.std_estimate": 0.16037499981425202,
        "lm.x3.std_conf_high_hc3": 0.33270491168645439,
        "lm.x3.std_conf_low_hc3": -0.01195491205795033,
        "lm.x3.std_conf_high": 0.31926173305865341,
        "lm.x3.std_conf_low": 0.001488266569850614,
        "lm.x3.vif": 1.1154859633762966,
        "lm.age30-44.estimate": 0.30976088509098965,
        "lm.age30-44.std_error": 0.2478296972022293,
        "lm.age30-44.statistic": 1.2498941353191599,
        "lm.age30-44.p_value": 0.21476863860640316,
        "lm.age30-44.conf_low": -0.18299094837600027,
        "lm.age30-44.conf_high": 0.80251271855797957,
        "lm.age30-44.std_error_hc3": 0.21053426849847232,
        "lm.age30-44.statistic_hc3": 1.4713086249578289,
        "lm.age30-44.p_value_hc3": 0.14490029819546432,
        "lm.age30-44.conf_low_hc3": -0.10883764438871546,
        "lm.age30-44.std_estimate": 0.11562845178055063,
        "lm.age30-44.std_conf_high_hc3": 0.27188413870220901,
        "lm.age30-44.std_conf_low_hc3": -0.040627235141107776,
        "lm.age30-44.std_conf_high": 0.29956430152180991,
        "lm.age30-44.std_conf_low": -0.068307397960708657,
        "lm.age30-44.vif": 1.4949325699391964,
        "lm.age45-59.estimate": 0.86783071045047178,
        "lm.age45-59.std_error": 0.27278259999778043,
        "lm.age45-59.statistic": 3.1814005382217676,
        "lm.age45-59.p_value": 0.0020467921968719753,
        "lm.age45-59.conf_low": 0.32546582115668898,
        "lm.age45-59.conf_high": 1.4101955997442546,
        "lm.age45-59.std_error_hc3": 0.28287023515264748,
        "lm.age45-59.statistic_hc3": 3.0679463676415355,
        "lm.age45-59.p_value_hc3": 0.0028913247518233156,
        "lm.age45-59.conf_low_hc3": 0.30540889991592779,
        "lm.age45-59.std_estimate": 0.29060839565318702,
        "lm.age45-59.std_conf_high_hc3": 0.47894524300324692,
        "lm.age45-59.std_conf_low_hc3": 0.10227154830312711,
        "lm.age45-59.std_conf_high": 0.47222882972894092,
        "lm.age45-59.std_conf_low": 0.10898796157743308,
        "lm.age45-59.vif": 1.4575325306081774,
        "lm.age60+.estimate": 1.9845970101394241,
        "lm.age60+.std_error": 0.40832123949246962,
        "lm.age60+.statistic": 4.8603815285391851,
        "lm.age60+.p_value": 5.3013617628932324e-06,
        "lm.age60+.conf_low": 1.1727449937152261,
        "lm.age60+.conf_high": 2.7964490265636224,
        "lm.age60+.std_error_hc3": 0.68377912087949499,
        "lm.age60+.statistic_hc3": 2.9023948663228887,
        "lm.age60+.p_value_hc3": 0.0047155673447932056,
        "lm.age60+.conf_low_hc3": 0.62506092829173654,
        "lm.age60+.std_estimate": 0.40692605151919614,
        "lm.age60+.std_conf_high_hc3": 0.68568826211291856,
        "lm.age60+.std_conf_low_hc3": 0.12816384092547364,
        "lm.age60+.std_conf_high": 0.57338994004343991,
        "lm.age60+.std_conf_low": 0.24046216299495241,
        "lm.age60+.vif": 1.2244157533713995,
        "gvif.x1.gvif": 1.0583481990068588,
        "gvif.x1.adjusted": 1.0287605158669626,
        "gvif.x2.gvif": 1.109132232844501,
        "gvif.x2.adjusted": 1.0531534706985972,
        "gvif.x3.gvif": 1.1154859633762961,
        "gvif.x3.adjusted": 1.0561656893576388,
        "gvif.age.gvif": 1.167105900314541,
        "gvif.age.adjusted": 1.0260890289362152,
        "lm.nobs": 92,
        "lm.r_squared": 0.51339083707257127,
        "lm.adj_r_squared": 0.47904195498357627,
        "lm.sigma": 0.93843043853935482,
        "lm.statistic": 14.94636232243076,
        "lm.p_value": 1.3514150920664893e-11,
        "lm.ss_regression": 78.975235250201763,
        "lm.ss_residual": 74.855393478059085,
        "block1.r_squared": 0.25110524459726707,
        "block1.statistic": 9.8354992986414427,
        "block2.delta_r_squared": 0.2622855924753042,
        "block2.statistic": 15.271856114312261,
        "block2.p_value": 4.941882593365153e-08,
        "noint.x1.estimate": 1.5635228450371286,
        "noint.x1.std_error": 0.062823667188709229,
        "noint.x2.estimate": -0.2308915706542701,
        "noint.x2.std_error": 0.080918279845720129,
        "noint.r_squared": 0.90245764409517604,
        "noint.adj_r_squared": 0.90031385605331182,
        "noint.statistic": 420.96402558080689,
        "noint.vif.x1": 1.5508455428235848,
    ]

    var model: LinearModel {
        LinearModel(responseName: "y", response: SurveyReferenceFixture.numeric("y"), terms: [
            .numeric(name: "x1", values: SurveyReferenceFixture.numeric("x1")),
            .numeric(name: "x2", values: SurveyReferenceFixture.numeric("x2")),
            .numeric(name: "x3", values: SurveyReferenceFixture.numeric("x3")),
            .categorical(name: "age", codes: SurveyReferenceFixture.ageCodes, levels: SurveyReferenceFixture.levels),
        ], hc3: true)
    }

    func testCoefficientsModelAndRobustErrorsMatchR() throws {
        let result = try Regression.fit(model)
        XCTAssertEqual(result.coefficients.map(\.term), ["(Intercept)", "x1", "x2", "x3", "age[30-44]", "age[45-59]", "age[60+]"])
        for c in result.coefficients {
            let name = c.term.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
            let check = { (v: Double?, k: String) in SurveyReferenceFixture.check(v, "lm.\(name).\(k)", in: Self.r) }
            check(c.estimate, "estimate"); check(c.stdError, "std_error"); check(c.statistic, "statistic")
            check(c.pValue, "p_value"); check(c.confLow, "conf_low"); check(c.confHigh, "conf_high")
            check(c.stdErrorHC3, "std_error_hc3"); check(c.statisticHC3, "statistic_hc3")
            check(c.pValueHC3, "p_value_hc3"); check(c.confLowHC3, "conf_low_hc3")
            if c.term != "(Intercept)" {
                check(c.stdEstimate, "std_estimate"); check(c.vif, "vif")
                check(c.stdConfLow, "std_conf_low"); check(c.stdConfHigh, "std_conf_high")
                check(c.stdConfLowHC3, "std_conf_low_hc3"); check(c.stdConfHighHC3, "std_conf_high_hc3")
            }
        }
        XCTAssertEqual(result.referenceLevels.map { "\($0.term)=\($0.level)" }, ["age=18-29"], "R's treatment contrasts: the first level")
        let m = result.model
        XCTAssertEqual(Double(m.nobs), Self.r["lm.nobs"])
        XCTAssertEqual(result.excludedCases, 96 - m.nobs)
        SurveyReferenceFixture.check(m.rSquared, "lm.r_squared", in: Self.r)
        SurveyReferenceFixture.check(m.adjRSquared, "lm.adj_r_squared", in: Self.r)
        SurveyReferenceFixture.check(m.sigma, "lm.sigma", in: Self.r)
        SurveyReferenceFixture.check(m.statistic, "lm.statistic", in: Self.r)
        SurveyReferenceFixture.check(m.pValue, "lm.p_value", in: Self.r)
        SurveyReferenceFixture.check(result.anova[0].sumsq, "lm.ss_regression", in: Self.r)
        SurveyReferenceFixture.check(result.anova[1].sumsq, "lm.ss_residual", in: Self.r)
        for g in result.generalizedVIF {
            SurveyReferenceFixture.check(g.gvif, "gvif.\(g.term).gvif", in: Self.r)
            SurveyReferenceFixture.check(g.adjustedGVIF, "gvif.\(g.term).adjusted", in: Self.r)
        }
    }

    /// The fixture with some cases duplicated (every 5th three times, every 7th twice), fitted case
    /// by case and from its ``RowTally`` (distinct rows with counts, QR on √c-scaled rows): every
    /// number — coefficients, SEs, HC3, β, VIF, GVIF, R², F, blocks — agrees to 1e-12 relative.
    /// The tallies of three uneven parts merged equal the tally of all cases, whatever the order.
    func testFitFromRowTallyEqualsTheFitOnExpandedCases() throws {
        let repeats = (0..<96).map { $0 % 5 == 0 ? 3 : $0 % 7 == 0 ? 2 : 1 }
        func expand<T>(_ values: [T]) -> [T] { zip(values, repeats).flatMap { repeatElement($0, count: $1) } }
        var expanded = model
        expanded.blocks = [["age"], ["x1", "x2", "x3"]]
        expanded.response = expand(expanded.response)
        expanded.terms = expanded.terms.map {
            switch $0 {
            case let .numeric(name, values): return .numeric(name: name, values: expand(values))
            case let .categorical(name, codes, levels, reference):
                return .categorical(name: name, codes: expand(codes), levels: levels, reference: reference)
            }
        }
        let direct = try Regression.fit(expanded)
        let tally = try RowTally(expanded)
        XCTAssertEqual(tally.caseCount + tally.excluded, expanded.response.count)
        XCTAssertLessThan(tally.rowCount, tally.caseCount)
        let fromTally = try Regression.fit(model, tally: tally)
        XCTAssertEqual(fromTally.model.nobs, direct.model.nobs)
        XCTAssertEqual(fromTally.excludedCases, direct.excludedCases)
        XCTAssertNotNil(fromTally.coefficients[1].stdErrorHC3)
        var blocked = model
        blocked.blocks = expanded.blocks
        try assertSameNumbers(try Regression.fit(blocked, tally: tally), direct, relative: 1e-12)

        let n = expanded.response.count
        let cuts = [0, n / 6, n / 2 + 5, n]
        let parts = try (0..<3).map { try RowTally(expanded.cases(cuts[$0]..<cuts[$0 + 1])) }
        XCTAssertEqual(parts[2] + parts[0] + parts[1], tally)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        XCTAssertEqual(try encoder.encode(parts[0] + parts[1] + parts[2]), try encoder.encode(tally))
        XCTAssertThrowsError(try Regression.fit(model, tally: RowTally(columns: [[1, 2, 3]]))) {
            XCTAssertEqual($0 as? RegressionError, .tallyColumnMismatch(expected: 5, actual: 1))
        }
    }

    /// Synthetic survey cases (fixed-seed generator): two factors (3 levels with reference 1, and 2
    /// levels), two scale scores with few values, a response with few values, some missing.
    func surveyModel(cases n: Int, seed: UInt64, intercept: Bool = true) -> LinearModel {
        var state = seed
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        var y: [Double] = [], a: [Double] = [], b: [Double] = [], f: [Int] = [], g: [Int] = []
        for _ in 0..<n {
            let level = Int(uniform() * 3), group = uniform() < 0.4 ? 1 : 0
            let latent = uniform() * 4
            let scoreA = ((1 + latent + uniform() * 2) * 3).rounded() / 3, scoreB = (1 + (5 - latent) * uniform()).rounded()
            f.append(uniform() < 0.03 ? -1 : level)
            g.append(group)
            a.append(uniform() < 0.03 ? .nan : scoreA)
            b.append(scoreB)
            y.append(((0.5 * scoreA - 0.3 * scoreB + 0.4 * Double(level) - 0.6 * Double(group) + 3 * uniform()) * 4).rounded() / 4)
        }
        return LinearModel(responseName: "y", response: y, terms: [
            .categorical(name: "f", codes: f, levels: ["a", "b", "c"], reference: 1),
            .numeric(name: "scoreA", values: a),
            .categorical(name: "g", codes: g, levels: ["no", "yes"]),
            .numeric(name: "scoreB", values: b),
        ], intercept: intercept, blocks: [["f", "g"], ["scoreA", "scoreB"]], hc3: true)
    }

    /// The reduced fit of a tally (groups by level combination, rotations, one pass for residuals,
    /// leverages and the HC3 meat) equals the fit on the cases themselves (unreduced QR of every
    /// distinct row) to 1e-10 relative in every number — with factors, without an intercept, and
    /// without factors (one group) — and a tally merged from parts gives the same fit.
    func testReducedTallyFitEqualsTheFitOnTheCases() throws {
        for intercept in [true, false] {
            let model = surveyModel(cases: 4000, seed: 7, intercept: intercept)
            let tally = try RowTally(model)
            XCTAssertLessThan(tally.rowCount, tally.caseCount)
            try assertSameNumbers(try Regression.fit(model, tally: tally), try Regression.fit(model), relative: 1e-10)
        }
        var numericOnly = surveyModel(cases: 3000, seed: 8)
        numericOnly.terms = numericOnly.terms.filter { if case .numeric = $0 { return true } else { return false } }
        numericOnly.blocks = [["scoreA"], ["scoreB"]]
        try assertSameNumbers(try Regression.fit(numericOnly, tally: RowTally(numericOnly)), try Regression.fit(numericOnly), relative: 1e-10)

        let model = surveyModel(cases: 4000, seed: 9)
        func part(_ range: Range<Int>) throws -> RowTally { try RowTally(model.cases(range)) }
        let merged = try part(2500..<4000) + part(0..<700) + part(700..<2500)
        XCTAssertEqual(merged, try RowTally(model))
        try assertSameNumbers(try Regression.fit(model, tally: merged), try Regression.fit(model), relative: 1e-10)
    }

    /// A tally of more than 65,536 distinct rows is reduced, and its HC3 meat summed, in pieces on all
    /// cores (`Sample.rowPieces`), merged in order. Expected values: R 4.2.2 `lm(y ~ x1 + x2 + f)` and
    /// `car::hccm(type = "hc3")` on the same 70,000 closed-form cases, printed by
    /// `Fixtures/regression/pieces_reference.R` (output `pieces_reference_R.txt`).
    func testLargeTallyFitInPiecesMatchesR() throws {
        let r: [String: Double] = [
            "(Intercept).estimate": 0.99959997867488026, "(Intercept).std_error": 0.004994449304027572,
            "(Intercept).std_error_hc3": 0.0046492648412124098,
            "x1.estimate": 0.49998557420004375, "x1.std_error": 0.00057716260235387423, "x1.std_error_hc3": 0.00058534201719737903,
            "x2.estimate": -0.30019927437111604, "x2.std_error": 0.0057714070647005514, "x2.std_error_hc3": 0.0057714432828169281,
            "fb.estimate": 0.1999968023376964, "fb.std_error": 0.0040811391992154247, "fb.std_error_hc3": 0.0040811007597713793,
            "fc.estimate": 0.39962883998635634, "fc.std_error": 0.0040811391925956063, "fc.std_error_hc3": 0.004081696878420072,
            "r_squared": 0.91594408156580842, "sigma": 0.44081498835684829,
        ]
        let i = (0..<70_000).map(Double.init)
        let x1 = i.map { ($0 * 7919).truncatingRemainder(dividingBy: 1000) / 100 }
        let x2 = i.map { ($0 * 104729).truncatingRemainder(dividingBy: 997) / 997 }
        let level = i.map { $0.truncatingRemainder(dividingBy: 3) }
        let y = (0..<i.count).map { k in
            let noise = (((i[k] * 7727 + 13).truncatingRemainder(dividingBy: 1009)) / 1009 - 0.5) * (1 + x1[k] / 10)
            return 1 + 0.5 * x1[k] - 0.3 * x2[k] + 0.2 * level[k] + noise
        }
        let model = LinearModel(responseName: "y", response: y, terms: [
            .numeric(name: "x1", values: x1), .numeric(name: "x2", values: x2),
            .categorical(name: "f", codes: level.map(Int.init), levels: ["a", "b", "c"]),
        ], hc3: true)
        let tally = try RowTally(model)
        XCTAssertEqual(tally.rowCount, 70_000)
        let result = try Regression.fit(model, tally: tally)
        for c in result.coefficients {
            let name = c.term.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "")
            SurveyReferenceFixture.check(c.estimate, "\(name).estimate", in: r)
            SurveyReferenceFixture.check(c.stdError, "\(name).std_error", in: r)
            SurveyReferenceFixture.check(c.stdErrorHC3, "\(name).std_error_hc3", in: r)
        }
        SurveyReferenceFixture.check(result.model.rSquared, "r_squared", in: r)
        SurveyReferenceFixture.check(result.model.sigma, "sigma", in: r)
        try assertSameNumbers(result, try Regression.fit(model), relative: 1e-10)
    }

    func testTallyErrorsNameTheTerm() {
        let model = surveyModel(cases: 200, seed: 3)
        XCTAssertThrowsError(try Regression.fit(model, tally: RowTally(columns: [[1, 2, 3], [0, 1.5, 2], [1, 2, 3], [0, 1, 0], [1, 2, 3]]))) {
            XCTAssertEqual($0 as? RegressionError, .invalidTalliedLevelCode(term: "f", value: 1.5, levelCount: 3))
        }
        XCTAssertThrowsError(try Regression.fit(model, tally: RowTally(columns: [[1, 2, 3, 4, 5, 6, 7, 8], [0, 1, 0, 1, 0, 1, 0, 1],
                                                                                   [1, 2, 3, 1, 2, 3, 1, 3], [0, 0, 0, 1, 1, 1, 0, 1],
                                                                                   [3, 1, 2, 2, 1, 3, 1, 1]]))) {
            XCTAssertEqual($0 as? RegressionError, .emptyLevel(term: "f", level: "c"))
        }
        XCTAssertThrowsError(try Regression.fit(model, tally: RowTally(columns: [[1, 2, 3, 4, 5, 6, 7, 8], [0, 1, 2, 1, 0, 1, 2, 1],
                                                                                   [2, 2, 2, 2, 2, 2, 2, 2], [0, 0, 0, 1, 1, 1, 0, 1],
                                                                                   [3, 1, 2, 2, 1, 3, 1, 1]]))) {
            XCTAssertEqual($0 as? RegressionError, .constantPredictor(term: "scoreA", value: 2))
        }
    }

    func testHierarchicalBlocksMatchNestedModelComparison() throws {
        var blocked = model
        blocked.blocks = [["age"], ["x1", "x2", "x3"]]
        let result = try Regression.fit(blocked)
        XCTAssertEqual(result.blocks.map(\.df), [3, 3])
        SurveyReferenceFixture.check(result.blocks[0].rSquared, "block1.r_squared", in: Self.r)
        SurveyReferenceFixture.check(result.blocks[0].deltaRSquared, "block1.r_squared", in: Self.r)
        SurveyReferenceFixture.check(result.blocks[0].statistic, "block1.statistic", in: Self.r)
        SurveyReferenceFixture.check(result.blocks[1].deltaRSquared, "block2.delta_r_squared", in: Self.r)
        SurveyReferenceFixture.check(result.blocks[1].statistic, "block2.statistic", in: Self.r)
        SurveyReferenceFixture.check(result.blocks[1].pValue, "block2.p_value", in: Self.r)
    }

    func testNoInterceptModelUsesUncentredRSquared() throws {
        let result = try Regression.fit(LinearModel(responseName: "y", response: SurveyReferenceFixture.numeric("y"), terms: [
            .numeric(name: "x1", values: SurveyReferenceFixture.numeric("x1")),
            .numeric(name: "x2", values: SurveyReferenceFixture.numeric("x2")),
        ], intercept: false))
        for (c, name) in zip(result.coefficients, ["x1", "x2"]) {
            SurveyReferenceFixture.check(c.estimate, "noint.\(name).estimate", in: Self.r)
            SurveyReferenceFixture.check(c.stdError, "noint.\(name).std_error", in: Self.r)
        }
        SurveyReferenceFixture.check(result.model.rSquared, "noint.r_squared", in: Self.r)
        SurveyReferenceFixture.check(result.model.adjRSquared, "noint.adj_r_squared", in: Self.r)
        SurveyReferenceFixture.check(result.model.statistic, "noint.statistic", in: Self.r)
        SurveyReferenceFixture.check(result.coefficients[0].vif, "noint.vif.x1", in: Self.r)
    }

    func testDegenerateDesignsAreTypedErrorsNamingTheTerms() {
        let x = [1.0, 2, 3, 4, 5, 6], y = [2.0, 1, 4, 3, 6, 5]
        XCTAssertThrowsError(try Regression.fit(LinearModel(responseName: "y", response: y, terms: [
            .numeric(name: "a", values: x), .numeric(name: "b", values: x.map { 2 * $0 + 1 })]))) {
            XCTAssertEqual($0 as? RegressionError, .perfectCollinearity(term: "b", dependsOn: ["(Intercept)", "a"]))
        }
        XCTAssertThrowsError(try Regression.fit(LinearModel(responseName: "y", response: y, terms: [
            .numeric(name: "c", values: [3, 3, 3, 3, 3, 3])]))) {
            XCTAssertEqual($0 as? RegressionError, .constantPredictor(term: "c", value: 3))
        }
        XCTAssertThrowsError(try Regression.fit(LinearModel(responseName: "y", response: Array(y[0..<2]), terms: [
            .numeric(name: "a", values: Array(x[0..<2]))]))) {
            XCTAssertEqual($0 as? RegressionError, .tooFewObservations(n: 2, parameters: 2))
        }
        XCTAssertThrowsError(try Regression.fit(LinearModel(responseName: "y", response: y, terms: [
            .categorical(name: "g", codes: [0, 0, 1, 1, 0, 1], levels: ["a", "b", "c"])]))) {
            XCTAssertEqual($0 as? RegressionError, .emptyLevel(term: "g", level: "c"))
        }
        XCTAssertTrue(RegressionError.perfectCollinearity(term: "b", dependsOn: ["a"]).description.contains("b"))
    }

    /// Degenerate models are named errors, never numbers. R 4.2.2 (`Fixtures/degenerate/degenerate.R`,
    /// output beside it) reports numbers from rounding noise with a warning: for a constant response
    /// R² = .47 and F(1, 4) = 3.5, for an exact equation t = 2.8e15 ("essentially perfect fit"); it
    /// drops the response from its own predictors. A nearly exact fit is an ordinary one: F = 2.4e13.
    func testDegenerateModelsAreNamedErrors() throws {
        let a = [1.0, 2, 3, 4, 5, 6], b = [2.0, 1, 4, 3, 6, 5]
        XCTAssertThrowsError(try Regression.fit(LinearModel(responseName: "y", response: [3, 3, 3, 3, .nan, 3], terms: [
            .numeric(name: "a", values: a)]))) {
            XCTAssertEqual($0 as? RegressionError, .constantResponse(response: "y", value: 3))
        }
        XCTAssertThrowsError(try Regression.fit(surveyModel(cases: 200, seed: 3), tally: RowTally(columns: [[4, 4, 4, 4, 4, 4, 4, 4], [0, 1, 2, 1, 0, 1, 2, 1],
                                                                                   [2, 1, 2, 3, 2, 2, 1, 2], [0, 0, 0, 1, 1, 1, 0, 1],
                                                                                   [3, 1, 2, 2, 1, 3, 1, 1]]))) {
            XCTAssertEqual($0 as? RegressionError, .constantResponse(response: "y", value: 4))
        }
        XCTAssertThrowsError(try Regression.fit(LinearModel(responseName: "a", response: a, terms: [
            .numeric(name: "b", values: b), .numeric(name: "a", values: a)]))) {
            XCTAssertEqual($0 as? RegressionError, .responseAmongPredictors(response: "a"))
        }
        // A sum score among its items: y = a + b exactly.
        XCTAssertThrowsError(try Regression.fit(LinearModel(responseName: "total", response: zip(a, b).map(+), terms: [
            .numeric(name: "a", values: a), .numeric(name: "b", values: b)]))) { error in
            guard case let .perfectFit(response, terms, coefficients)? = error as? RegressionError else {
                return XCTFail("\(error)")
            }
            XCTAssertEqual(response, "total")
            XCTAssertEqual(terms, ["(Intercept)", "a", "b"])
            for (c, expected) in zip(coefficients, [0.0, 1, 1]) { XCTAssertEqual(c, expected, accuracy: 1e-12) }
            XCTAssertTrue("\(error)".contains("total = 0 + 1 × a + 1 × b"), "\(error)")
        }
        // Nearly exact but not exact (residual SD 1e-6 of a response of SD 2): still a fit.
        let nearly = zip(zip(a, b).map(+), [1e-6, -1e-6, -1e-6, 1e-6, 0, 0]).map(+)
        let f = try XCTUnwrap(try Regression.fit(LinearModel(responseName: "total", response: nearly, terms: [
            .numeric(name: "a", values: a), .numeric(name: "b", values: b)])).model.statistic)
        XCTAssertEqual(f, 2.39999999718e13, accuracy: 2.4e13 * 1e-8)
    }

    func testJSONUsesBroomKeys() throws {
        let json = String(decoding: try JSONEncoder().encode(try Regression.fit(model)), as: UTF8.self)
        for key in ["\"std_error\"", "\"p_value\"", "\"conf_low\"", "\"std_estimate\"", "\"vif\"", "\"std_error_hc3\"",
                    "\"adj_r_squared\"", "\"df_residual\"", "\"nobs\"", "\"sumsq\"", "\"meansq\"", "\"(Intercept)\"", "\"age[60+]\""] {
            XCTAssertTrue(json.contains(key), key)
        }
    }
}

private extension LinearModel {
    /// The model on the cases in `range` only (every column cut alike).
    func cases(_ range: Range<Int>) -> LinearModel {
        var part = self
        part.response = Array(response[range])
        part.terms = terms.map {
            switch $0 {
            case let .numeric(name, values): return .numeric(name: name, values: Array(values[range]))
            case let .categorical(name, codes, levels, reference):
                return .categorical(name: name, codes: Array(codes[range]), levels: levels, reference: reference)
            }
        }
        return part
    }
}
