import Foundation
import XCTest
@testable import SurveyStats
import TestSupport

/// Expected values: R 4.2.2 Patched (2022-11-10 r83330), psych 2.2.9, on the complete cases of
/// q1..q5 in `Fixtures/descriptives/likert.csv` with q3 reverse-keyed as 6 − q3:
/// `psych::alpha(na.omit(items), check.keys = FALSE)` ($total raw_alpha, std.alpha; $item.stats
/// r.drop, mean, sd; $alpha.drop raw_alpha) and
/// `psych::alpha.ci(raw_alpha, n.obs = 53, n.var = 5, p.val = .05)` (Feldt); printed with
/// `sprintf("%.17g")` by `Fixtures/descriptives/expected.R` (`expected_R.txt`). The interval agrees
/// with pingouin 0.7.0 `cronbach_alpha` (0.498, 0.789 at its 3 decimals) and with its formula in
/// scipy 1.17.1 `f.isf` to 4e-16 (`expected.py`, `expected_py.txt`).
final class ReliabilityTests: XCTestCase {
    let names = ["q1", "q2", "q3", "q4", "q5"]

    func keyedItems(reverseQ3: Bool) -> [[Double]] {
        names.map { name in
            let column = LikertFixture.column(name)
            return name == "q3" && reverseQ3 ? try! Reliability.reverseKeyed(column, item: name, min: 1, max: 5) : column
        }
    }

    func testMatchesPsychAlphaOnCompleteCases() throws {
        let r = try Reliability.cronbachAlpha(keyedItems(reverseQ3: true), names: names)
        XCTAssertEqual(r.n, 53)
        XCTAssertEqual(r.k, 5)
        XCTAssertEqual(r.excludedCases, 7)
        assertRelative(r.alpha, 0.66508806912595542)
        assertRelative(r.standardizedAlpha, 0.6486397158514372)
        assertRelative(r.confLow, 0.49782802661246062)
        assertRelative(r.confHigh, 0.788976412931639)
        XCTAssertEqual(r.confLevel, 0.95)
        // r.drop, alpha_if_deleted, mean, sd
        let expected: [[Double]] = [
            [0.45566911546242356, 0.5954999154119438, 2.9622641509433962, 1.1760799317246746],
            [0.24730365731773019, 0.67932890155112369, 3.0377358490566038, 0.93976805957933851],
            [0.50408277500333643, 0.57162546300284245, 2.9056603773584904, 1.1479773339928769],
            [0.60885756215015641, 0.50813458119486099, 2.7924528301886791, 1.2913691387592909],
            [0.27956720221259329, 0.66786206896551725, 3.0754716981132075, 0.93744859559119675],
        ]
        for (item, e) in zip(r.items, expected) {
            assertRelative(item.rDrop, e[0], 1e-10, item.name)
            assertRelative(item.alphaIfDeleted, e[1], 1e-10, item.name)
            assertRelative(item.mean, e[2], 1e-10, item.name)
            assertRelative(item.sd, e[3], 1e-10, item.name)
        }
        XCTAssertEqual(r.items.map(\.name), names)
        XCTAssertEqual(r.warnings, [])
    }

    func testItemNotReverseKeyedIsFlagged() throws {
        // psych::alpha(na.omit(items_not_reversed), check.keys = FALSE): "Some items ( q3 ) were
        // negatively correlated with the total scale and probably should be reversed."
        let r = try Reliability.cronbachAlpha(keyedItems(reverseQ3: false), names: names)
        assertRelative(r.alpha, 0.049454297407912629)
        assertRelative(r.standardizedAlpha, 0.063029938504878119)
        let rDrop = [0.30958867463565254, 0.1999315382788811, -0.50408277500333654, 0.23551259943436439, 0.12357934448337632]
        for (item, e) in zip(r.items, rDrop) { assertRelative(item.rDrop, e, 1e-10, item.name) }
        XCTAssertEqual(r.warnings.map(\.kind), [.negativeItemRest])
        XCTAssertEqual(r.warnings.first?.item, "q3")
        XCTAssertEqual(r.warnings.first?.description,
                       "q3 correlates negatively with the sum of the other items; it is probably not reverse-keyed.")
    }

    func testJSONKeysAndDegenerateInput() throws {
        let r = try Reliability.cronbachAlpha(keyedItems(reverseQ3: true), names: names)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(r)) as! [String: Any]
        for key in ["n", "k", "alpha", "std_alpha", "conf_low", "conf_high", "items", "warnings"] {
            XCTAssertNotNil(object[key], key)
        }
        let item = (object["items"] as! [[String: Any]])[0]
        XCTAssertEqual(Set(item.keys), ["name", "r_drop", "alpha_if_deleted", "mean", "sd"])

        XCTAssertThrowsError(try Reliability.cronbachAlpha([[1, 2]], names: ["a"])) {
            XCTAssertEqual($0 as? ReliabilityError, .tooFewItems(1))
        }
        XCTAssertThrowsError(try Reliability.cronbachAlpha([[1, 2], [1]], names: ["a", "b"]))
        XCTAssertThrowsError(try Reliability.cronbachAlpha([[1, 2], [2, 1]], names: ["a", "b"], confidenceLevel: 95)) {
            XCTAssertEqual($0 as? ReliabilityError, .confidenceLevel(95))
        }
        let few = try Reliability.cronbachAlpha([[1, .nan, 3], [2, 2, .nan]], names: ["a", "b"])
        XCTAssertEqual(few.n, 1)
        XCTAssertNil(few.alpha)
        XCTAssertEqual(few.warnings.map(\.kind), [.tooFewCases])
        let constant = try Reliability.cronbachAlpha([[1, 2, 3, 4], [3, 3, 3, 3], [2, 1, 4, 4]], names: ["a", "b", "c"])
        XCTAssertNil(constant.standardizedAlpha)
        XCTAssertNil(constant.items[1].rDrop)
        XCTAssertEqual(constant.warnings.map(\.kind), [.constantItem])
        XCTAssertEqual(try Reliability.reverseKeyed([1, .nan, 5], item: "q", min: 1, max: 5).map { $0.isNaN ? -1 : $0 }, [5, -1, 1])
        XCTAssertThrowsError(try Reliability.reverseKeyed([1, 7, 5], item: "q", min: 1, max: 5)) {
            XCTAssertEqual($0 as? ReliabilityError, .outsideScale(item: "q", value: 7, min: 1, max: 5))
        }
        for (min, max) in [(Double.nan, 5.0), (1, .infinity), (5, 1)] {
            XCTAssertThrowsError(try Reliability.reverseKeyed([3], item: "q", min: min, max: max)) {
                guard case .invalidScale? = $0 as? ReliabilityError else { return XCTFail("\($0)") }
            }
        }
    }
}
