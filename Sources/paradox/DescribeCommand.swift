import ArgumentParser
import Foundation
import Privacy
import Reporting
import Study
import SurveyData
import SurveyStats

/// `paradox describe FILE [--columns A,B]`: descriptives of numeric columns, frequencies of the others.
struct Describe: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Descriptive statistics of a data file, without a study file.",
        discussion: """
        A column whose non-blank cells are all numbers is described (n, missing, M, SD, median, range,
        skewness and kurtosis with standard errors, SPSS type 2); any other column gets a frequency
        table. JSON: {"variables": [{name, n, missing, mean, sd, median, min, max, skewness, kurtosis,
        se_skewness, se_kurtosis}], "frequencies": [...], "warnings": [...]}. With a codebook that has a design:, also
        the weighted means with design-based SEs and CIs beside the unweighted ones; JSON "weighted":
        {weight_type, weights, strata, psu, fpc, means: [{weight_type, n, weight_sum, effective_n, kish_deff,
        df, conf_level, rows: [{name, mean, std_error, conf_low, conf_high, total, total_std_error, deff,
        deff_replacement}]}]}. Counts are shown as they are
        (the command is for looking at one's own data); --min-cell N gates the output as a study run does, for
        output that is to be shared: counts from 1 to N − 1 hidden ("< N", "[c]"), columns holding personal data
        (or named by it) left out, warnings redacted.
        """)

    @OptionGroup var data: DataFileOptions

    @Option(help: "Comma-separated columns to describe (default: all).", transform: commaList)
    var columns: [String]?

    @Option(help: "A codebook (YAML) for the file: its types, labels, missing codes and scales (default: types inferred from the data).")
    var codebook: String?

    @Option(help: "Hide frequency counts from 1 to N − 1 (and the cells that would give them away) as a study run does.")
    var minCell: Int?

    func validate() throws {
        if let minCell { try checkMinCell(minCell) }
    }

    func run() throws {
        try failing {
            let file = URL(fileURLWithPath: data.file)
            let output = try codebook.map {
                try FileDescription.describe(file, codebook: Codebook.load(from: URL(fileURLWithPath: $0)), delimiter: data.delimiter?.byte,
                                             columns: columns)
            } ?? FileDescription.describe(file, delimiter: data.delimiter?.byte, columns: columns)
            let gated = minCell.map { GatedFileDescription(output, minCell: $0, file: file, delimiter: data.delimiter?.byte) }
            let shown = gated?.description ?? output
            shown.warnings.forEach(printWarning)
            var tables: [Table] = shown.variables.isEmpty ? [] : [.descriptives(shown.variables)]
            if let weighted = shown.weighted { tables.append(.designMeans(weighted.means, design: weighted, unweighted: shown.variables)) }
            tables += shown.frequencies.map { .frequencies($0, suppressed: gated?.suppressed[$0.name]) }
            if let gated { return print(try render(tables, json: gated, format: data.format), terminator: "") }
            print(try render(tables, json: output, format: data.format), terminator: "")
        }
    }
}

/// `--min-cell` of a one-off command: the range a study file's `min_cell` takes.
func checkMinCell(_ minCell: Int) throws {
    guard (1...PrivacyPlan.maximumMinCell).contains(minCell) else {
        throw ValidationError("--min-cell must be a whole number from 1 to \(PrivacyPlan.maximumMinCell).")
    }
}

/// The tables of a one-off command in the chosen format (JSON prints `json` instead).
func render<T: Encodable>(_ tables: [Table], json: T, format: OutputFormat) throws -> String {
    switch format {
    case .json: return try JSONOutput.encode(json)
    case .text: return tables.map(TextRenderer.render).joined(separator: "\n")
    case .markdown: return tables.map { MarkdownRenderer.render($0) }.joined(separator: "\n")
    case .csv: return tables.map(CSVRenderer.render).joined(separator: "\n")
    }
}
