import Foundation
import XCTest
@testable import SurveyStats
import TestSupport

/// lavaan's own example model, visual =~ x1-x3, textual =~ x4-x6, speed =~ x7-x9 on
/// HolzingerSwineford1939, with both identifications, against `Fixtures/cfa/cfa.R` → `cfa_R.txt`
/// (R 4.2.2, lavaan 0.6-14: `parameterEstimates`, `standardizedSolution`, `fitMeasures`, each fit
/// polished by BFGS from lavaan's estimates, whose nlminb stops up to ~4e-6 away): estimates, SEs
/// and standardized values to 1e-6 of max(|x|, 0.1), χ² and the indices to 1e-7, the RMSEA interval
/// against `uniroot(tol = 1e-14)`.
final class ConfirmatoryFactorAnalysisTests: XCTestCase {
    static let factors = [
        ConfirmatoryFactorAnalysis.Factor(name: "visual", items: [0, 1, 2]),
        .init(name: "textual", items: [3, 4, 5]), .init(name: "speed", items: [6, 7, 8]),
    ]

    func testHolzingerSwinefordFixedVariance() throws {
        try check(.fixedVariance, try LavaanOutput.section("holzinger_swineford, fixed variance"))
    }

    func testHolzingerSwinefordMarker() throws {
        try check(.marker, try LavaanOutput.section("holzinger_swineford, marker"))
    }

    func testMergedSummariesGiveTheSameFit() throws {
        let columns = try HolzingerSwineford.columns()
        let names = (1...9).map { "x\($0)" }
        let whole = try ConfirmatoryFactorAnalysis.fit(CoMoments(columns: columns), names: names, factors: Self.factors)
        let merged = CoMoments(columns: columns.map { Array($0[..<120]) }) + CoMoments(columns: columns.map { Array($0[120...]) })
        let parts = try ConfirmatoryFactorAnalysis.fit(merged, names: names, factors: Self.factors)
        for (a, b) in zip(parts.parameters, whole.parameters) { assertRelative(a.estimate, b.estimate, 1e-9, "\(a.lhs) \(a.op) \(a.rhs)") }
        assertRelative(parts.fit?.statistic, try XCTUnwrap(whole.fit?.statistic), 1e-9)
    }

    func testBadModelsAreTypedErrors() throws {
        let summary = CoMoments(columns: try HolzingerSwineford.columns())
        let names = (1...9).map { "x\($0)" }
        XCTAssertThrowsError(try ConfirmatoryFactorAnalysis.fit(summary, names: names, factors: [.init(name: "f", items: [0, 1])])) {
            XCTAssertEqual($0 as? ConfirmatoryFactorAnalysisError, .tooFewItems(factor: "f", count: 2, needed: 3))
        }
        XCTAssertThrowsError(try ConfirmatoryFactorAnalysis.fit(summary, names: names, factors: [.init(name: "f", items: [0, 1, 2]), .init(name: "g", items: [2, 3])])) {
            XCTAssertEqual($0 as? ConfirmatoryFactorAnalysisError, .itemInTwoFactors("x3"))
        }
        XCTAssertThrowsError(try ConfirmatoryFactorAnalysis.fit(summary, names: names, factors: [])) {
            XCTAssertEqual($0 as? ConfirmatoryFactorAnalysisError, .noFactors)
        }
    }

    func check(_ identification: ConfirmatoryFactorAnalysis.Identification, _ expected: LavaanOutput) throws {
        let r = try ConfirmatoryFactorAnalysis.fit(CoMoments(columns: try HolzingerSwineford.columns()),
                                                   names: (1...9).map { "x\($0)" }, factors: Self.factors, identification: identification)
        XCTAssertEqual(r.n, 301)
        LavaanOutput.compare(r, expected)
    }
}

/// Comparison of a CFA with lavaan's printed results.
extension LavaanOutput {
    static func section(_ name: String) throws -> LavaanOutput {
        try LavaanOutput(section: name, of: try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil)).appendingPathComponent("cfa/cfa_R.txt"))
    }

    static func compare(_ r: ConfirmatoryFactorAnalysisResult, _ e: LavaanOutput, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(r.parameters.count, e.parameters.count, file: file, line: line)
        func close(_ a: Double?, _ b: Double, _ label: String) {
            guard let a else { return XCTFail("nil \(label)", file: file, line: line) }
            XCTAssertLessThanOrEqual(abs(a - b), 1e-6 * Swift.max(abs(b), 1e-1), "\(label): \(a) vs \(b)", file: file, line: line)
        }
        for p in r.parameters {
            let key = "\(p.lhs) \(p.op) \(p.rhs)"
            guard let x = e.parameters[key] else { XCTFail("no lavaan row \(key)", file: file, line: line); continue }
            close(p.estimate, x.estimate, key)
            if let se = x.se { close(p.stdError, se, "se \(key)") } else { XCTAssertNil(p.stdError, key, file: file, line: line) }
            close(p.stdAll, x.std, "std \(key)")
            close(p.stdAllStdError, x.stdSE, "std se \(key)")
        }
        guard let fit = r.fit else { return XCTFail("no fit", file: file, line: line) }
        XCTAssertEqual(Double(fit.df), e.fit["df"], file: file, line: line)
        XCTAssertEqual(Double(fit.baselineDf), e.fit["baseline.df"], file: file, line: line)
        for (value, key) in [(fit.statistic, "chisq"), (fit.pValue, "pvalue"), (fit.baselineStatistic, "baseline.chisq"), (fit.cfi, "cfi"),
                             (fit.tli, "tli"), (fit.rmsea, "rmsea"), (fit.rmseaConfLow, "rmsea.ci.lower"), (fit.srmr, "srmr")] {
            let expected = e.fit[key] ?? .nan
            XCTAssertLessThanOrEqual(abs(value - expected), 1e-7 * Swift.max(abs(expected), 1e-3), "\(key): \(value) vs \(expected)", file: file, line: line)
        }
        assertRelative(fit.rmseaConfHigh, e.exactUpper, 1e-7, "rmsea.ci.upper", file: file, line: line)
    }
}
