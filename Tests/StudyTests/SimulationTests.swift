import Foundation
import XCTest
import Simulation
import Study
import SurveyData
import SurveyStats

/// The bundled synthetic wave: determinism, agreement with its codebook, and the published figures
/// (R1–R7 of `study-brief.md`) recomputed from the committed file with SurveyData and SurveyStats.
final class SimulationTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let waveURL = root.appendingPathComponent("Data/wave1.csv")
    static let codebookURL = root.appendingPathComponent("Codebooks/privacy-paradox.codebook.yml")

    func loadWave() throws -> (Dataset, Codebook) {
        let codebook = try Codebook.load(from: Self.codebookURL)
        return (try Dataset.load(contentsOf: Self.waveURL, codebook: codebook), codebook)
    }

    func scores(_ name: String, _ dataset: Dataset, _ codebook: Codebook) throws -> [Double] {
        try dataset.scores(of: XCTUnwrap(codebook.scales.first { $0.name == name }))
    }

    func testSplitMix64MatchesTheReferenceStream() {
        // First outputs for seed 1234567, from a Python transcription of Vigna's splitmix64.c.
        var generator = SplitMix64(seed: 1_234_567)
        XCTAssertEqual((0..<3).map { _ in generator.next() },
                       [6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423])
    }

    func testSameSeedGivesTheSameBytes() throws {
        let first = try SyntheticWave.generate(respondents: 60, seed: 7, calibrateTo: nil)
        XCTAssertEqual(first, try SyntheticWave.generate(respondents: 60, seed: 7, calibrateTo: nil))
        XCTAssertNotEqual(first, try SyntheticWave.generate(respondents: 60, seed: 8, calibrateTo: nil))
        XCTAssertTrue(first.hasPrefix(PrivacyParadoxInstrument.columnNames.joined(separator: ",") + "\n"))
        XCTAssertFalse(first.contains("\r"))
    }

    func testCommittedWaveEqualsAFreshGeneration() throws {
        let committed = try String(contentsOf: Self.waveURL, encoding: .utf8)
        let fresh = try SyntheticWave.generate(respondents: 200, seed: SyntheticWave.defaultSeed, calibrateTo: .soni)
        XCTAssertEqual(committed, fresh, "Data/wave1.csv is stale: run `swift run paradox simulate`")
    }

    func testTooFewRespondentsIsATypedError() {
        XCTAssertThrowsError(try SyntheticWave.generate(respondents: 3, seed: 1, calibrateTo: nil)) { error in
            XCTAssertEqual(error as? SimulationError, .tooFewRespondents(3, minimum: SyntheticWave.minimumRespondents))
        }
    }

    /// Issue 16: Int.max respondents overflowed in `LatentTraitModel.quotaCells`; 10¹¹ tried to allocate 320 GB.
    func testTooManyRespondentsIsATypedError() {
        for respondents in [Int.max, 100_000_000_000, SyntheticWave.maximumRespondents + 1] {
            XCTAssertThrowsError(try SyntheticWave.generate(respondents: respondents, seed: 1, calibrateTo: nil)) { error in
                XCTAssertEqual(error as? SimulationError, .tooManyRespondents(respondents, maximum: SyntheticWave.maximumRespondents))
            }
        }
    }

    func testCodebookAgreesWithTheGenerator() throws {
        let codebook = try Codebook.load(from: Self.codebookURL)
        XCTAssertEqual(codebook.variables.map(\.name), PrivacyParadoxInstrument.columnNames)
        XCTAssertEqual(codebook.idVariable?.name, PrivacyParadoxInstrument.idColumn)
        for question in PrivacyParadoxInstrument.demographics + [PrivacyParadoxInstrument.breach] {
            guard case .categorical(let levels, _)? = codebook.variable(named: question.name)?.kind else {
                return XCTFail("\(question.name) is not categorical")
            }
            XCTAssertEqual(levels.map(\.value), question.levels, question.name)
        }
        for construct in PrivacyParadoxInstrument.constructs {
            let scale = try XCTUnwrap(codebook.scales.first { $0.name == construct.scale })
            XCTAssertEqual(scale.items, construct.items)
            XCTAssertEqual(scale.minimumItems, construct.minimumItems)
            XCTAssertEqual(scale.scoring, .mean)
            for item in construct.items {
                let likert = try XCTUnwrap(codebook.variable(named: item)?.likertScale)
                XCTAssertEqual(likert.range, PrivacyParadoxInstrument.likertRange)
                XCTAssertEqual(likert.reversed, construct.reversedItems.contains(item), item)
            }
        }
        XCTAssertTrue(codebook.scales.first { $0.name == "transparency" }!.label.contains("opacity"))
    }

    func testWaveLoadsWithRealisticMissingnessAndReliabilities() throws {
        let (dataset, codebook) = try loadWave()
        XCTAssertEqual(dataset.rowCount, 200)
        XCTAssertTrue(dataset.warnings.isEmpty, "\(dataset.warnings)")
        let missing = dataset.columns.map(\.missing)
        XCTAssertGreaterThan(missing.map(\.blank).reduce(0, +), 0)
        XCTAssertGreaterThan(missing.flatMap(\.userMissing).filter { $0.code.value == 98 }.map(\.count).reduce(0, +), 0)
        XCTAssertGreaterThan(missing.flatMap(\.userMissing).filter { $0.code.value == 99 }.map(\.count).reduce(0, +), 0)
        for scale in codebook.scales {
            let scores = try dataset.scores(of: scale)
            XCTAssertFalse(scores.contains { $0.isNaN }, "every respondent has a \(scale.name) score")
            let alpha = try XCTUnwrap(Reliability.cronbachAlpha(dataset.keyedItemValues(scale.items), names: scale.items).alpha)
            XCTAssertTrue((0.70...0.90).contains(alpha), "\(scale.name): α = \(alpha)")
        }
        let comfort = Descriptives.describe(try dataset.numericValues("COMF"), name: "COMF")
        XCTAssertLessThan(try XCTUnwrap(comfort.median), 3, "most respondents are uncomfortable (R9)")
    }

    func testCalibrationTargetsHoldAtThePublishedPrecision() throws {
        let (dataset, codebook) = try loadWave()
        let concern = try scores("privacy_concern", dataset, codebook)
        let rounded = CalibrationTargets.rounded

        let concernMean = try XCTUnwrap(Descriptives.describe(concern, name: "privacy_concern").mean)
        XCTAssertEqual(rounded(concernMean, 1), 4.2)
        let attitudeMean = try XCTUnwrap(Descriptives.describe(try scores("attitude", dataset, codebook), name: "attitude").mean)
        XCTAssertEqual(rounded(attitudeMean, 1), 3.8)

        let regression = try Regression.fit(LinearModel(
            responseName: "privacy_concern", response: concern,
            terms: [.numeric(name: "transparency", values: try scores("transparency", dataset, codebook)),
                    .numeric(name: "intrusiveness", values: try scores("intrusiveness", dataset, codebook))]))
        let transparency = try XCTUnwrap(regression.coefficients.first { $0.term == "transparency" })
        let intrusiveness = try XCTUnwrap(regression.coefficients.first { $0.term == "intrusiveness" })
        XCTAssertEqual(rounded(try XCTUnwrap(transparency.stdEstimate), 2), 0.45)
        XCTAssertLessThan(try XCTUnwrap(transparency.pValue), 0.01)
        XCTAssertEqual(rounded(try XCTUnwrap(intrusiveness.stdEstimate), 2), 0.35)
        XCTAssertLessThan(try XCTUnwrap(intrusiveness.pValue), 0.05)

        guard case .categorical(let ages)? = dataset.column(named: "age_group")?.values else { return XCTFail("age_group") }
        let anova = try OneWayANOVA.run(values: concern, groups: ages.intCodes, levels: ages.levels.map(\.value), factor: "age_group")
        XCTAssertEqual(anova.nobs, 200)
        XCTAssertEqual(anova.anova[0].df, 3)
        XCTAssertEqual(anova.anova[1].df, 196)
        XCTAssertEqual(rounded(try XCTUnwrap(anova.anova[0].statistic), 2), 4.67)
        XCTAssertLessThan(try XCTUnwrap(anova.anova[0].pValue), 0.01)
        let means = anova.groups.compactMap(\.mean)
        XCTAssertEqual(means.count, 4)
        XCTAssertTrue(zip(means, means.dropFirst()).allSatisfy { $0 > $1 }, "concern falls with age: \(means)")

        // The search's own evaluation agrees with the pipeline's.
        let figures = try CalibrationFigures(SyntheticWave.responses(calibrateTo: .soni))
        XCTAssertTrue(CalibrationTargets.soni.areMet(by: figures))
        XCTAssertEqual(figures.ageF, try XCTUnwrap(anova.anova[0].statistic), accuracy: 1e-9)
        XCTAssertEqual(figures.transparencyBeta, try XCTUnwrap(transparency.stdEstimate), accuracy: 1e-12)
    }
}
