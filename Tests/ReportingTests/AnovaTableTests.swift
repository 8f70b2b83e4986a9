import XCTest
import SurveyStats
@testable import Reporting

/// The ANOVA tables as a reader sees them. y = 1 3 2 5 4 6 5 8 by g = a b a b a b a b: R 4.2.2
/// `summary(aov(y ~ g))` gives SS 12.5 and 23, F(1, 6) = 3.261, p = .121; η² = 12.5/35.5 = .352,
/// ω² = (12.5 − 3.833)/(35.5 + 3.833) = .220.
final class AnovaTableTests: XCTestCase {
    func testAnovaTableAndItsEffectSizes() throws {
        let result = try OneWayANOVA.run(values: [1, 3, 2, 5, 4, 6, 5, 8], groups: [0, 1, 0, 1, 0, 1, 0, 1], levels: ["a", "b"], factor: "g")
        let table = Table.anova(result, id: "anova_y_g", title: "y by g")
        XCTAssertEqual(table.rows.map { $0.map(APA.display) }, [
            ["g", "12.50", "1", "12.50", "3.26", ".121", ".35"],
            ["Residuals", "23.00", "6", "3.83", "", "", ""],
        ])
        XCTAssertEqual(table.notes, ["N = 8. ω² = .22."])
    }

    /// A negative ω² (equal group means) is reported as 0, with the estimate in the note.
    func testNegativeOmegaSquaredIsReportedAsZero() throws {
        let result = try OneWayANOVA.run(values: [1, 2, 3, 1, 2, 3], groups: [0, 0, 0, 1, 1, 1], levels: ["a", "b"], factor: "g")
        XCTAssertLessThan(try XCTUnwrap(result.omegaSquared), 0)
        XCTAssertEqual(Table.anova(result, id: "a").notes, ["N = 6. ω² = 0 (the estimate, −.20, is negative and is reported as 0)."])
    }

    /// Post hoc tables name the outcome and factor; the variance tests are both Levene's, named by centre.
    func testTitlesAndTestNames() throws {
        let result = try OneWayANOVA.run(values: [1, 3, 2, 5, 4, 6, 5, 8, 9, 7], groups: [0, 1, 0, 1, 0, 1, 0, 1, 2, 2],
                                         levels: ["a", "b", "c"], factor: "g")
        let tables = Table.anovaTables(result, id: "anova_y_g", title: "y by g")
        XCTAssertEqual(tables.map(\.title), [
            "Group Statistics: y by g", "One-Way ANOVA: y by g",
            "Tests of Equal Variances and Robust Tests of Equal Means: y by g",
            "Tukey–Kramer HSD Pairwise Comparisons: y by g", "Games–Howell Pairwise Comparisons: y by g",
        ])
        XCTAssertEqual(tables[2].rows.map { APA.display($0[0]) },
                       ["Levene (mean-centred)", "Levene (median-centred)", "Welch F", "Brown–Forsythe F*", "Kruskal–Wallis H"])
    }
}
