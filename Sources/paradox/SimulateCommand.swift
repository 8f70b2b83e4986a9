import ArgumentParser
import Foundation
import Reporting
import Simulation
import Study

/// `paradox simulate`: regenerates the bundled synthetic survey wave.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate the SYNTHETIC survey wave calibrated to the published figures of Soni's study.",
        discussion: """
        Draws respondents from a latent-trait model with a seeded generator and, unless --no-calibrate
        is given, adjusts single answers by a seeded hill-climb until the wave reproduces the published
        means, standardized coefficients and ANOVA F at the paper's precision. The same seed gives the
        same file byte for byte. The file is written to a temporary file and renamed into place.
        """)

    @Option(help: "Number of respondents.")
    var respondents: Int = SyntheticWave.defaultRespondents

    @Option(help: "Seed of the pseudo-random generator.")
    var seed: UInt64 = SyntheticWave.defaultSeed

    @Flag(help: "Write the plain model draw, without calibrating it to the published figures.")
    var noCalibrate = false

    @Option(help: "The CSV file to write.")
    var out: String = "Data/wave1.csv"

    func validate() throws {
        guard respondents >= SyntheticWave.minimumRespondents else {
            throw ValidationError("--respondents must be at least \(SyntheticWave.minimumRespondents).")
        }
        guard respondents <= SyntheticWave.maximumRespondents else {
            throw ValidationError("--respondents must be at most \(SyntheticWave.maximumRespondents) (the wave is drawn in memory).")
        }
    }

    func run() throws {
        try failing {
            let wave = try SyntheticWave.responses(respondents: respondents, seed: seed,
                                                   calibrateTo: noCalibrate ? nil : .soni)
            try AtomicFile.write(wave.csv, to: out)
            print("Wrote \(respondents) synthetic respondents to \(out) (seed \(seed)\(noCalibrate ? ", uncalibrated" : ", calibrated")).")
            let f = try CalibrationFigures(wave)
            print(String(format: "M privacy concern %.3f, M attitude %.3f; β transparency %.4f (p = %.2g), β intrusiveness %.4f (p = %.2g); F(%d, %d) = %.4f (p = %.4f)",
                         f.privacyConcernMean, f.attitudeMean, f.transparencyBeta, f.transparencyP, f.intrusivenessBeta,
                         f.intrusivenessP, f.ageDF, f.ageDFResidual, f.ageF, f.ageP))
            print("Mean privacy concern by age group, youngest first: " + f.concernByAge.map { String(format: "%.3f", $0) }.joined(separator: ", "))
        }
    }
}
