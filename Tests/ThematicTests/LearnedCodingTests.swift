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
            (ConfusionCounts(both: 32, firstOnly: 11, secondOnly: 7, neither: 10), 0.7441860465116279, 0.8205128205128205, 0.31034482758620696),
            (ConfusionCounts(both: 34, firstOnly: 12, secondOnly: 9, neither: 5), 0.7391304347826086, 0.7906976744186046, 0.08959537572254339),
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
            "price": [0.9291090468305072, 0.7220848908369812, 0.8561777196464009, 0.9730386173546061, 0.7664051832771371],
            "service": [0.14202692438281322, 0.7453745554139182, 0.9973235433730305, 0.8406889674044444, 0.8483081572882025],
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
