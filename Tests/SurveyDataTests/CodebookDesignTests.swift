import XCTest
@testable import SurveyData

/// The codebook's `design:`: parsed into a ``SurveyDesign``, every mistake at its line and column.
final class CodebookDesignTests: XCTestCase {
    static let variables = """
    variables:
      - {name: q1, type: likert, scale: [1, 5]}
      - {name: w, type: numeric}
      - {name: stratum, type: categorical, levels: [a, b]}
      - {name: cluster, type: numeric}
      - {name: N_h, type: numeric}

    """

    func codebook(_ design: String) throws -> Codebook {
        try Codebook(yaml: YAMLValue(text: Self.variables + design, file: "cb.yml"))
    }

    func error(_ design: String) -> String? {
        do { _ = try codebook(design) } catch let error as ConfigFileError { return error.description } catch { XCTFail("\(error)") }
        return nil
    }

    func testParsesAFullDesign() throws {
        let book = try codebook("design: {weights: w, weight_type: sampling, strata: stratum, psu: cluster, fpc: N_h}\n")
        let design = try XCTUnwrap(book.design)
        XCTAssertEqual(design.weights, "w")
        XCTAssertEqual(design.weightType, .sampling)
        XCTAssertEqual(design.strata, "stratum")
        XCTAssertEqual(design.psu, "cluster")
        XCTAssertEqual(design.fpc, "N_h")
        XCTAssertEqual(design.location?.line, 7)
        XCTAssertNil(try codebook("").design)
        XCTAssertEqual(try codebook("design: {weights: w, weight_type: analytic}\n").design?.weightType, .analytic)
        XCTAssertEqual(try codebook("design: {strata: stratum}\n").design?.weightType, .sampling)
    }

    func testMistakesAreLocated() {
        XCTAssertEqual(error("design: {weights: w}\n"),
                       "cb.yml:7:9: design: weights without weight_type (expected weight_type: sampling, frequency or analytic; the three give different variances)")
        XCTAssertEqual(error("design: {weights: w, weight_type: probability}\n"),
                       "cb.yml:7:35: design.weight_type: unknown weight type 'probability' (expected sampling, frequency or analytic)")
        XCTAssertEqual(error("design: {weights: wt, weight_type: sampling}\n"),
                       "cb.yml:7:19: design.weights: 'wt' is not a variable of the codebook (expected the weights variable)")
        XCTAssertEqual(error("design: {weights: q1, weight_type: sampling}\n"),
                       "cb.yml:7:19: design.weights: 'q1' is not a numeric variable (expected one for the weights)")
        XCTAssertEqual(error("design: {weights: w, weight_type: frequency, strata: stratum}\n"),
                       "cb.yml:7:54: design.strata: strata needs sampling weights (expected weight_type: sampling; frequency weights have no design)")
        XCTAssertEqual(error("design: {strata: cluster, psu: cluster}\n"),
                       "cb.yml:7:32: design.psu: 'cluster' is already the design's strata (expected a different variable for each role)")
        XCTAssertEqual(error("design:\n  weight_type: sampling\n"),
                       "cb.yml:8:16: design.weight_type: weight_type without weights (expected weights: the weight variable)")
        XCTAssertEqual(error("design: {psu: cluster, fpc: stratum}\n"),
                       "cb.yml:7:29: design.fpc: 'stratum' is not a numeric variable (expected one for the fpc)")
        XCTAssertEqual(error("weight: w\ndesign: {weights: w, weight_type: frequency}\n"),
                       "cb.yml:8:9: design: give either weight: (a frequency weight) or design:, not both (weight: w is design: {weights: w, weight_type: frequency})")
        XCTAssertEqual(error("design: {}\n"),
                       "cb.yml:7:9: design: an empty design (expected at least one of weights, strata, psu, fpc)")
        XCTAssertEqual(error("design: {weight: w}\n")?.hasPrefix("cb.yml:7:10: design.weight: unknown key 'weight'"), true)
    }
}
