import XCTest
@testable import Thematic

/// Learned coding against scikit-learn 1.9.1: `Fixtures/learned/make_learned_fixture.py`, whose
/// output is `Fixtures/learned/reference.txt`.
final class LearnedCodingTests: XCTestCase {
    private func fixture() throws -> (result: CodingResult, gold: HumanCoding) {
        let result = try ThematicAnalysis.run(transcripts: [FixtureFiles.url("learned/answers.csv")],
                                              codebook: FixtureFiles.url("learned/themes.yml"))
        return (result, try HumanCoding.read(contentsOf: FixtureFiles.url("learned/gold.csv"), codebook: result.codebook))
    }

    func testCrossValidatedCodingMatchesScikitLearn() throws {
        let (result, gold) = try fixture()
        let evaluation = try LearnedCodingEvaluation.crossValidate(result, gold: gold)
        XCTAssertEqual(evaluation.folds, 5)
        XCTAssertEqual(evaluation.learned.segments, 60)
        let expected: [(ConfusionCounts, precision: Double, recall: Double, kappa: Double)] = [
            (ConfusionCounts(both: 36, firstOnly: 11, secondOnly: 3, neither: 10), 0.7659574468085106, 0.9230769230769231, 0.43775100401606426),
            (ConfusionCounts(both: 38, firstOnly: 12, secondOnly: 5, neither: 5), 0.76, 0.8837209302325582, 0.203125),
        ]
        for (theme, reference) in zip(evaluation.learned.themes, expected) {
            XCTAssertEqual(theme.confusion, reference.0, theme.themeID)
            XCTAssertEqual(try XCTUnwrap(theme.confusion.precision), reference.precision, accuracy: 1e-12)
            XCTAssertEqual(try XCTUnwrap(theme.confusion.recall), reference.recall, accuracy: 1e-12)
            XCTAssertEqual(try XCTUnwrap(theme.kappa), reference.kappa, accuracy: 1e-12)
        }
        XCTAssertEqual(evaluation.dictionary, try result.agreement(with: gold))
    }

    func testModelTrainedOnEverySegmentGivesScikitLearnsProbabilities() throws {
        let (result, gold) = try fixture()
        let model = LearnedCodingModel.train(result, gold: gold)
        let expected = [
            "price": [0.9942411703138195, 0.6212447622219526, 0.9461480405211344, 0.9903404676328585, 0.7565019158807408],
            "service": [0.1661252329927983, 0.9198660341137841, 0.9993914269006174, 0.7487192650890949, 0.9164207780594935],
        ]
        for (index, coded) in result.segments.prefix(5).enumerated() {
            let probabilities = model.probabilities(text: coded.segment.text, dictionaryThemes: Set(result.aggregatedThemes(of: coded)))
            XCTAssertEqual(probabilities.map(\.themeID), ["price", "service"])
            for (themeID, probability) in probabilities {
                XCTAssertEqual(probability, try XCTUnwrap(expected[themeID])[index], accuracy: 1e-12, "\(coded.segment.id) \(themeID)")
            }
        }
    }

    func testSavedModelReadsBackToTheSameModel() throws {
        let (result, gold) = try fixture()
        let model = LearnedCodingModel.train(result, gold: gold)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-model-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(model.yaml(codebook: result.codebook).utf8).write(to: file)
        XCTAssertEqual(try LearnedCodingModel.load(contentsOf: file, codebook: result.codebook), model)
    }

    func testBadModelFilesAreErrorsWithTheirLine() throws {
        let codebook = try fixture().result.codebook
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-model-\(UUID().uuidString).yml")
        defer { try? FileManager.default.removeItem(at: file) }
        func error(_ yaml: String) throws -> String {
            try Data(yaml.utf8).write(to: file)
            do { _ = try LearnedCodingModel.load(contentsOf: file, codebook: codebook); return "no error" } catch {
                return String(describing: error).replacingOccurrences(of: file.path, with: "model.yml")
            }
        }
        let header = "model: multinomial naive Bayes\nvocabulary: [\"cost\"]\nthemes:\n"
        XCTAssertEqual(try error("themes: []\n"), "model.yml:1: expected a learned coding model (model: multinomial naive Bayes)")
        XCTAssertEqual(try error(header + "  - id: prices\n    bias: 0\n    weights: {}\n"),
                       "model.yml:4: theme 'prices' is not in \(codebook.source); a model applies only with the codebook it was trained with")
        XCTAssertEqual(try error(header + "  - id: price\n    bias: 0\n    weights:\n      cost: high\n      \"@dictionary\": 1\n"),
                       "model.yml:7: expected a finite number as the weight of 'cost'")
        XCTAssertEqual(try error(header + "  - id: price\n    bias: 0\n    weights:\n      cost: 1\n"),
                       "model.yml:4: expected a weight for every vocabulary word and @dictionary in theme 'price'")
        XCTAssertEqual(try error(header + "  - id: price\n    bias: 0\n    weights:\n      costs: 1\n"),
                       "model.yml:7: expected a word of the vocabulary or @dictionary as a weight of theme 'price'")
    }

    func testTooFewSegmentsForTheFoldsIsAnError() throws {
        let (result, _) = try fixture()
        let gold = HumanCoding(segmentIDs: ["R01", "R02"], themes: ["R01": ["price"], "R02": []], source: "gold.csv")
        XCTAssertThrowsError(try LearnedCodingEvaluation.crossValidate(result, gold: gold)) { error in
            XCTAssertEqual(error as? LearnedCodingError, .tooFewSegments(file: "gold.csv", segments: 2, folds: 5))
        }
    }
}
