import Foundation
import TestSupport
import XCTest
import SurveyStats

/// NIST StRD reference data sets (certified values copied digit for digit from NIST's .dat files,
/// see `/work/shared/nist/README.md`), read from `Fixtures/regression` and `Fixtures/anova`, and the
/// log relative error LRE = −log10(|x − c|/|c|) (−log10|x| when c = 0), capped at 15 (McCullough 1998,
/// "Assessing the reliability of statistical software", *Am. Stat.* 52:358).
enum NISTFixture {
    static func url(_ folder: String, _ name: String, _ ext: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures/\(folder)")!
    }

    /// The CSV as a header and rows of raw tokens.
    static func table(_ folder: String, _ name: String) throws -> (header: [String], rows: [[Substring]]) {
        let text = try String(contentsOf: url(folder, name, "csv"), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)
        let header = lines.removeFirst().split(separator: ",").map(String.init)
        return (header, lines.map { $0.split(separator: ",") })
    }

    /// The `certified` object of the JSON.
    static func certified(_ folder: String, _ name: String) throws -> [String: Any] {
        let data = try Data(contentsOf: url(folder, name, "json"))
        let json = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        return json["certified"] as! [String: Any]
    }

    static func number(_ value: Any?) -> Double {
        if let s = value as? String { return s == "Infinity" ? .infinity : Double(s)! }
        return (value as! NSNumber).doubleValue
    }

    static func lre(_ x: Double?, _ c: Double) -> Double { logRelativeError(x, certified: c) }
}

/// All eleven NIST StRD linear least-squares sets: coefficients, their SDs, residual SD, R², and
/// the ANOVA SS/MS/F, scored by LRE. The bar: ≥ 9 correct digits (Filip ≥ 7).
final class NISTRegressionTests: XCTestCase {
    struct Score {
        var minimum = 15.0, key = ""

        /// The lowest of the LREs and its key.
        init(_ lres: [String: Double]) {
            for (key, value) in lres where value < minimum { (minimum, self.key) = (value, key) }
        }
    }

    /// Fits a NIST model and returns the minimum LRE with the key where it occurs.
    func score(_ name: String) throws -> (Score, [String: Double]) {
        let (header, rows) = try NISTFixture.table("regression", name)
        let json = try JSONSerialization.jsonObject(
            with: Data(contentsOf: NISTFixture.url("regression", name, "json"))) as! [String: Any]
        let spec = json["model"] as! [String: Any]
        let degree = (spec["degree"] as! NSNumber).intValue
        let intercept = spec["intercept"] as! Bool
        let y = rows.map { Double($0[0])! }
        var terms: [LinearModel.Term] = []
        if header.count > 2 {
            for c in 1..<header.count {
                terms.append(.numeric(name: header[c], values: rows.map { Double($0[c])! }))
            }
        } else {
            let x = rows.map { Double($0[1])! }
            for power in 1...degree {
                terms.append(.numeric(name: power == 1 ? "x" : "x^\(power)", values: x.map { pow($0, Double(power)) }))
            }
        }
        let certified = try NISTFixture.certified("regression", name)
        var lres: [String: Double] = [:]
        let b = certified["coefficients"] as! [String: Any], sd = certified["coefficient_sd"] as! [String: Any]
        let result: RegressionResult
        do {
            result = try Regression.fit(LinearModel(responseName: "y", response: y, terms: terms, intercept: intercept))
        } catch let RegressionError.perfectFit(_, _, coefficients) {
            // Wampler1/2 are exact polynomials (residual SD 0, F infinite): a perfect fit, reported
            // as an error whose equation is scored against the certified coefficients.
            XCTAssertEqual(NISTFixture.number(certified["residual_sd"]), 0, name)
            for (j, estimate) in coefficients.enumerated() {
                let key = "B\(intercept ? j : j + 1)"
                lres["coefficients.\(key)"] = NISTFixture.lre(estimate, NISTFixture.number(b[key]))
            }
            return (Score(lres), lres)
        }
        for (j, coefficient) in result.coefficients.enumerated() {
            let key = "B\(intercept ? j : j + 1)"
            lres["coefficients.\(key)"] = NISTFixture.lre(coefficient.estimate, NISTFixture.number(b[key]))
            lres["coefficient_sd.\(key)"] = NISTFixture.lre(coefficient.stdError, NISTFixture.number(sd[key]))
        }
        lres["residual_sd"] = NISTFixture.lre(result.model.sigma, NISTFixture.number(certified["residual_sd"]))
        lres["r_squared"] = NISTFixture.lre(result.model.rSquared, NISTFixture.number(certified["r_squared"]))
        let anova = certified["anova"] as! [String: Any]
        for (row, key) in zip(result.anova, ["regression", "residual"]) {
            let c = anova[key] as! [String: Any]
            XCTAssertEqual(Double(row.df), NISTFixture.number(c["df"]), "\(name) \(key) df")
            lres["anova.\(key).ss"] = NISTFixture.lre(row.sumsq, NISTFixture.number(c["ss"]))
            lres["anova.\(key).ms"] = NISTFixture.lre(row.meansq, NISTFixture.number(c["ms"]))
        }
        lres["anova.f_statistic"] = NISTFixture.lre(result.model.statistic, NISTFixture.number(anova["f_statistic"]))
        return (Score(lres), lres)
    }

    static let sets = ["Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley",
                       "Wampler1", "Wampler2", "Wampler3", "Wampler4", "Wampler5"]

    func testExactFitsAreReportedAsPerfectFits() throws {
        for name in ["Wampler1", "Wampler2"] {
            let (_, lres) = try score(name)
            XCTAssertEqual(Set(lres.keys), Set((0...5).map { "coefficients.B\($0)" }), name)
        }
    }

    func testEveryCertifiedValueHasNineDigitsAndFilipSeven() throws {
        for name in Self.sets {
            let (score, _) = try score(name)
            let bar = name == "Filip" ? 7.0 : 9.0
            print(String(format: "NIST %@ min LRE %.1f (%@)", name, score.minimum, score.key))
            XCTAssertGreaterThanOrEqual(score.minimum, bar, "\(name): \(score.key)")
        }
    }
}
