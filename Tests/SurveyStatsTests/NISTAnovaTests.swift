import Foundation
import SurveyData
import XCTest
import SurveyStats

/// All eleven NIST StRD one-way ANOVA sets: between/within SS and MS, F, R² and residual SD,
/// scored by LRE (see ``NISTFixture``). The bar: ≥ 9 correct digits everywhere. The responses are
/// read with ``CenteredDecimals`` (exact decimal digits minus a common integer offset), which the
/// statistics are invariant to; SmLs07–09 carry 13 constant leading digits that no binary double
/// can hold together with their deviations. `Dataset.infer` reads such columns the same way, and
/// `NISTCLITests` checks the same figures through `paradox anova` as users run it.
final class NISTAnovaTests: XCTestCase {
    static let sets = ["SiRstv", "SmLs01", "SmLs02", "SmLs03", "SmLs04", "SmLs05", "SmLs06",
                       "SmLs07", "SmLs08", "SmLs09", "AtmWtAg"]

    func testEveryCertifiedValueHasNineDigits() throws {
        for name in Self.sets {
            let (_, rows) = try NISTFixture.table("anova", name)
            let y = try CenteredDecimals(rows.map { $0[1] }).deviations
            let labels = rows.map { String($0[0]) }
            let levels = Array(Set(labels)).sorted { Int($0)! < Int($1)! }
            let codes = labels.map { levels.firstIndex(of: $0)! }
            let result = try OneWayANOVA.run(values: y, groups: codes, levels: levels, factor: "Treatment",
                                             postHoc: false)

            let certified = try NISTFixture.certified("anova", name)
            var lres: [String: Double] = [:]
            for (row, key) in zip(result.anova, ["between", "within"]) {
                let c = certified[key] as! [String: Any]
                XCTAssertEqual(Double(row.df), NISTFixture.number(c["df"]), "\(name) \(key) df")
                lres["\(key).ss"] = NISTFixture.lre(row.sumsq, NISTFixture.number(c["ss"]))
                lres["\(key).ms"] = NISTFixture.lre(row.meansq, NISTFixture.number(c["ms"]))
            }
            lres["f_statistic"] = NISTFixture.lre(result.anova[0].statistic, NISTFixture.number(certified["f_statistic"]))
            lres["r_squared"] = NISTFixture.lre(result.etaSquared, NISTFixture.number(certified["r_squared"]))
            lres["residual_sd"] = NISTFixture.lre(result.anova[1].meansq.map { $0.squareRoot() },
                                                  NISTFixture.number(certified["residual_sd"]))
            let worst = lres.min { $0.value < $1.value }!
            print(String(format: "NIST %@ min LRE %.1f (%@)", name, worst.value, worst.key))
            XCTAssertGreaterThanOrEqual(worst.value, 9, "\(name): \(worst.key)")
        }
    }
}
