import Foundation
import XCTest

/// `paradox run` of a design-based regression on a predictor near 1e6 (xbig = 1e6 + x1, spread
/// about 1) under strata with each row its own PSU (`wide.study.yml`), against R 4.2.2, survey 4.1.1
/// `svyglm` with the predictor centred exactly and mapped back (`design_weights.R`, lines `reg wide`;
/// R's own fit on the raw predictor, `reg wide direct`, is itself off by about 2e-10).
final class DesignWideRangeCLITests: DesignCLITestCase {
    let file = "design_weights_R.txt"

    func testPredictorNearAMillionUnderRowsAsPSUsMatchesR() throws {
        let results = try designResults(try runStudy("wide.study.yml"))
        let row = try XCTUnwrap((results["means"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]]).first
        let mean = try expected("mean wide xbig", in: file)
        try check(try XCTUnwrap(row), "mean", mean[0], 1e-12, "mean of xbig")
        try check(try XCTUnwrap(row), "std_error", mean[1], 1e-10, "mean of xbig")
        let fit = try fitted(results, "regressions", "y_wide")
        XCTAssertEqual(fit["df_residual"] as? Double, try expected("reg wide df", in: file)[0])
        let terms = try XCTUnwrap(fit["terms"] as? [[String: Any]])
        XCTAssertEqual(terms.map { $0["term"] as? String }, ["(Intercept)", "xbig", "x2"])
        for term in terms {
            let name = try XCTUnwrap(term["term"] as? String)
            let e = try expected("reg wide \(name)", in: file)
            for (key, index, tolerance) in [("estimate", 0, 1e-11), ("std_error", 1, 1e-10), ("statistic", 2, 1e-10),
                                            ("p_value", 3, 1e-9), ("conf_low", 4, 1e-10), ("conf_high", 5, 1e-10)] {
                try check(term, key, e[index], tolerance, "wide \(name)")
            }
        }
    }
}
