import XCTest
import SurveyStats
@testable import Reporting

/// The regression table as a reader sees it, from a fit whose numbers R gives: `lm(y ~ x + g)` on
/// y = 1 3 2 5 4 6 5 8, x = 1…8, g = a b a b a b a b (R 4.2.2, car 3.1-1: `summary`, `confint`,
/// `hccm(fit, type = "hc3")`; β = B·sd(column)/sd(y)). B = 0.00, 0.75, 1.75; SE HC3 = 0.360, 0.0735,
/// 0.303; p HC3 = 1, .000155, .00219; β = .816, .415; R² = .986, F(2, 5) = 175.
final class RegressionTableTests: XCTestCase {
    let model = LinearModel(
        responseName: "y", response: [1, 3, 2, 5, 4, 6, 5, 8],
        terms: [.numeric(name: "x", values: [1, 2, 3, 4, 5, 6, 7, 8]),
                .categorical(name: "g", codes: [0, 1, 0, 1, 0, 1, 0, 1], levels: ["a", "b"])],
        hc3: true)

    func testHC3IsThePrimaryInferenceAndTheReferenceCategoryIsNamed() throws {
        let table = Table.regression(try Regression.fit(model), id: "regression_m", title: "y on x and g")
        XCTAssertEqual(table.columns.map(\.header),
                       ["Predictor", "B", "SE B (HC3)", "β", "t", "p", "95% CI LL", "95% CI UL", "SE OLS", "p OLS"])
        XCTAssertEqual(table.rows.map { $0.map(APA.display) }, [
            ["(Intercept)", "0.00", "0.36", "—", "0.00", "1.000", "−0.93", "0.93", "0.25", "1.000"],
            ["x", "0.75", "0.07", ".82", "10.21", "< .001", "0.56", "0.94", "0.05", "< .001"],
            ["g[b]", "1.75", "0.30", ".42", "5.78", ".002", "0.97", "2.53", "0.23", "< .001"],
        ])
        XCTAssertEqual(table.notes, [
            "N = 8. R² = .99, adjusted R² = .98, F(2, 5) = 175.00, p < .001.",
            "Reference categories (a dummy term[level] compares its level with them): g = a.",
            "SE, t, p and the 95% CI are heteroscedasticity-consistent (HC3; MacKinnon & White, 1985), as requested; SE OLS and p OLS assume equal error variances. R² and F are those of the OLS fit.",
        ])
    }

    func testOrdinaryLeastSquaresWithoutHC3() throws {
        var ols = model
        ols.hc3 = false
        let table = Table.regression(try Regression.fit(ols), id: "regression_m")
        XCTAssertEqual(table.columns.map(\.header), ["Predictor", "B", "SE B", "β", "t", "p", "95% CI LL", "95% CI UL"])
        // R: SE 0.255, 0.05, 0.229; t 15, 7.64; p 2.38e-5, 6.12e-4; CI [0.62, 0.88], [1.16, 2.34].
        XCTAssertEqual(table.rows[1].map(APA.display), ["x", "0.75", "0.05", ".82", "15.00", "< .001", "0.62", "0.88"])
        XCTAssertEqual(table.rows[2].map(APA.display), ["g[b]", "1.75", "0.23", ".42", "7.64", "< .001", "1.16", "2.34"])
        XCTAssertEqual(table.title, "Regression of y")
    }
}
