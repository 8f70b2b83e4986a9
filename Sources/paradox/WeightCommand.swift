import ArgumentParser
import Foundation
import Reporting
import Study
import SurveyData
import SurveyStats

/// `paradox weight FILE --targets T.yml --out WEIGHTED.csv`.
struct WeightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "weight",
        abstract: "Rake a data file's rows to population margins and write it with a weight column.",
        discussion: """
        Iterative proportional fitting (raking) of weights, starting from 1 per row, to the margins of
        the targets file (proportions, scaled to the number of rows so that the mean weight is 1, or
        population counts); with --cap, weights are trimmed to at most cap × mean weight after every
        cycle and re-raked. Stops when every margin is within --tolerance (relative) of its target;
        otherwise reports that it did not converge and exits with 2 (the file is not written).
        Writes the data (comma-separated) with the weight column appended to --out; the input is only
        read. Prints the achieved margins against the targets and the weights' distribution with
        Kish's design effect. JSON: {converged, iterations, max_relative_deviation, tolerance,
        cap_weight, capped_rows, margins: [{margin, level, rows, target, achieved}], distribution:
        {n, sum, min, q1, median, q3, max, mean, cv, kish_deff, effective_n}}.
        """)

    @OptionGroup var data: DataFileOptions

    @Option(help: "The population margins (YAML): targets: proportions|counts, margins: {variable: {level: target}}.")
    var targets: String

    @Option(help: "Where to write the data with the weights (CSV); never the input file.")
    var out: String

    @Option(help: "Name of the appended weight column.")
    var weightColumn: String = "weight"

    @Option(help: "Largest weight, as a multiple of the mean weight (> 1); weights above it are trimmed and the rest re-raked.")
    var cap: Double?

    @Option(help: "Largest relative difference between an achieved margin and its target.")
    var tolerance: Double = 1e-10

    @Option(help: "Most raking cycles before giving up.")
    var maxIterations: Int = 1000

    func validate() throws {
        if let cap, !(cap > 1 && cap.isFinite) { throw ValidationError("--cap must be a number > 1 (a multiple of the mean weight), found \(cap)") }
        guard tolerance > 0, tolerance < 1 else { throw ValidationError("--tolerance must lie in (0, 1), found \(tolerance)") }
        guard maxIterations >= 1 else { throw ValidationError("--max-iterations must be at least 1, found \(maxIterations)") }
        guard !weightColumn.isEmpty else { throw ValidationError("--weight-column must not be empty") }
    }

    func run() throws {
        let input = URL(fileURLWithPath: data.file)
        let result = try failing {
            try FileRaking.run(input, delimiter: data.delimiter?.byte, targets: RakingTargets.load(from: URL(fileURLWithPath: targets)),
                               cap: cap, tolerance: tolerance, maxIterations: maxIterations)
        }
        let report = try render([.rakingMargins(result), .weightDistribution(result.distribution)], json: result, format: data.format)
        guard result.converged else {
            print(report, terminator: "")
            FileHandle.standardError.write(Data("paradox: error: raking did not converge after \(result.iterations) cycles (largest relative difference \(result.maxRelativeDeviation), tolerance \(tolerance)); \(out) not written (raise --max-iterations, loosen --cap, or check the margins)\n".utf8))
            throw ExitCode(2)
        }
        try failing {
            try WeightedDataFile.write(input: input, delimiter: data.delimiter?.byte, weights: result.weights, column: weightColumn, to: out)
        }
        print(report, terminator: "")
    }
}
