import ArgumentParser
import Foundation
import Reporting
import Simulation
import Study
import SurveyData

/// `paradox simulate`: regenerates the bundled synthetic survey wave, or (`--like`) writes a
/// synthetic wave like a real one.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate a SYNTHETIC survey wave: the bundled one calibrated to Soni's study, or one like a real wave (--like).",
        discussion: """
        Without --like: draws respondents from a latent-trait model with a seeded generator and, unless
        --no-calibrate is given, adjusts single answers by a seeded hill-climb until the wave reproduces
        the published means, standardized coefficients and ANOVA F at the paper's precision.

        With --like WAVE --codebook C.yml: a Gaussian copula of the wave's columns (pairwise polychoric
        correlations; empirical shares of every answer category and missing code, matched by rank) gives
        --rows synthetic rows (default: as many as WAVE has). The ID column gets fresh IDs SYN…; pii,
        free-text and date columns are left blank. Beside the wave it writes the codebook marked
        `synthetic:` (--codebook-out, default OUT's name with .codebook.yml), so that a study run on it
        says SYNTHETIC in its report.

        The same seed gives the same files byte for byte. Files are written to a temporary file and
        renamed into place.
        """)

    @Option(help: "A real wave (CSV) to imitate; needs --codebook.")
    var like: String?

    @Option(help: "The codebook of the --like wave.")
    var codebook: String?

    @Option(help: "With --like: number of synthetic rows (default: the wave's row count).")
    var rows: Int?

    @Option(help: "With --like: where to write the codebook marked synthetic (default: OUT with .codebook.yml).")
    var codebookOut: String?

    @Option(help: "Without --like: number of respondents (default \(SyntheticWave.defaultRespondents)).")
    var respondents: Int?

    @Option(help: "Seed of the pseudo-random generator.")
    var seed: UInt64 = SyntheticWave.defaultSeed

    @Flag(help: "Without --like: write the plain model draw, without calibrating it to the published figures.")
    var noCalibrate = false

    @Option(help: "The CSV file to write (required with --like; default Data/wave1.csv without).")
    var out: String?

    func validate() throws {
        if like != nil {
            guard codebook != nil else { throw ValidationError("--like needs --codebook (the codebook of the wave).") }
            guard out != nil else { throw ValidationError("--like needs --out (the synthetic wave's file).") }
            guard respondents == nil, !noCalibrate else { throw ValidationError("--respondents and --no-calibrate are for the bundled wave; with --like use --rows.") }
            if let rows {
                guard rows >= 1 else { throw ValidationError("--rows must be at least 1.") }
                guard rows <= SyntheticLikeWave.maximumRows else {
                    throw ValidationError("--rows must be at most \(SyntheticLikeWave.maximumRows) (the wave is drawn in memory).")
                }
            }
            return
        }
        guard codebook == nil, rows == nil, codebookOut == nil else { throw ValidationError("--codebook, --rows and --codebook-out go with --like WAVE.") }
        let respondents = respondents ?? SyntheticWave.defaultRespondents
        guard respondents >= SyntheticWave.minimumRespondents else {
            throw ValidationError("--respondents must be at least \(SyntheticWave.minimumRespondents).")
        }
        guard respondents <= SyntheticWave.maximumRespondents else {
            throw ValidationError("--respondents must be at most \(SyntheticWave.maximumRespondents) (the wave is drawn in memory).")
        }
    }

    func run() throws {
        try failing {
            if let like, let codebook, let out { try simulate(like: like, codebook: codebook, out: out) } else { try regenerateBundledWave() }
        }
    }

    private func regenerateBundledWave() throws {
        let respondents = respondents ?? SyntheticWave.defaultRespondents, out = out ?? "Data/wave1.csv"
        let wave = try SyntheticWave.responses(respondents: respondents, seed: seed, calibrateTo: noCalibrate ? nil : .soni)
        try AtomicFile.write(wave.csv, to: out)
        print("Wrote \(respondents) synthetic respondents to \(out) (seed \(seed)\(noCalibrate ? ", uncalibrated" : ", calibrated")).")
        let f = try CalibrationFigures(wave)
        print(String(format: "M privacy concern %.3f, M attitude %.3f; β transparency %.4f (p = %.2g), β intrusiveness %.4f (p = %.2g); F(%d, %d) = %.4f (p = %.4f)",
                     f.privacyConcernMean, f.attitudeMean, f.transparencyBeta, f.transparencyP, f.intrusivenessBeta,
                     f.intrusivenessP, f.ageDF, f.ageDFResidual, f.ageF, f.ageP))
        print("Mean privacy concern by age group, youngest first: " + f.concernByAge.map { String(format: "%.3f", $0) }.joined(separator: ", "))
    }

    private func simulate(like: String, codebook codebookPath: String, out: String) throws {
        let codebookOut = codebookOut ?? Self.codebookPath(besides: out)
        let inputs = [like, codebookPath].map(Self.resolved)
        for output in [out, codebookOut] where inputs.contains(Self.resolved(output)) { throw SimulationError.outputIsInput(output) }
        guard Self.resolved(out) != Self.resolved(codebookOut) else { throw ValidationError("--out and --codebook-out must differ.") }

        let realCodebook = try Codebook.load(from: URL(fileURLWithPath: codebookPath))
        let codebookText = String(decoding: FileManager.default.contents(atPath: codebookPath) ?? Data(), as: UTF8.self)
        let wave = try Dataset.load(contentsOf: URL(fileURLWithPath: like), codebook: realCodebook)
        wave.warnings.forEach(printWarning)
        let synthetic = try SyntheticLikeWave(like: wave, codebook: realCodebook, rows: rows ?? wave.rowCount, seed: seed)
        let statement = "generated by `paradox simulate --like \(URL(fileURLWithPath: like).lastPathComponent) --seed \(seed) --rows \(synthetic.rowCount)` "
            + "(a Gaussian copula of the real wave's columns); it reproduces distributions and correlations, not respondents."
        let markedCodebook = try SyntheticCodebook.marked(codebookText, file: codebookPath, statement: statement)
        try AtomicFile.write([(out, Data(synthetic.csv.utf8)), (codebookOut, Data(markedCodebook.utf8))])

        print("Wrote \(synthetic.rowCount) SYNTHETIC rows like \(like) to \(out) (seed \(seed)): \(synthetic.copulaColumnCount) columns "
              + "drawn from a Gaussian copula of their polychoric correlations and empirical shares.")
        if synthetic.shrinkage > 0 {
            print(String(format: "The pairwise correlations were not positive definite; they were shrunk toward the identity by λ = %.2f.", synthetic.shrinkage))
        }
        for omission in synthetic.omissions { print("Not reproduced: \(omission.column) (\(omission.reason)).") }
        print("Codebook marked synthetic: \(codebookOut) (a study run on it says SYNTHETIC in its report).")
    }

    /// `wave.csv` → `wave.codebook.yml`, in the same folder.
    static func codebookPath(besides out: String) -> String {
        let url = URL(fileURLWithPath: out)
        let stem = url.pathExtension.isEmpty ? url.lastPathComponent : url.deletingPathExtension().lastPathComponent
        let folder = (out as NSString).deletingLastPathComponent
        return folder.isEmpty ? stem + ".codebook.yml" : (folder as NSString).appendingPathComponent(stem + ".codebook.yml")
    }

    /// The path with symbolic links and `..` resolved, to compare outputs with inputs.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
