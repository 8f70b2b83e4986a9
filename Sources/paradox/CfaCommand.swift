import ArgumentParser
import Foundation
import Reporting
import Study
import SurveyData
import SurveyStats

/// `paradox cfa FILE --codebook C.yml [--scales a,b] [--identification marker]`.
struct CfaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cfa",
        abstract: "Confirmatory factor analysis of the codebook's scales, without a study file.",
        discussion: """
        Fits the chosen scales (default: all of the codebook's) as correlated factors, each item loading
        on its scale's factor, by maximum likelihood on the rows complete on every item (missing codes
        applied, reverse-keyed items reversed), as lavaan's cfa(). Loadings unstandardized and
        standardized with SEs, residual variances, factor correlations; χ²(df) and p, CFI, TLI, RMSEA
        with its 90% CI, SRMR; warnings for Heywood cases and factor correlations beyond ±1.
        JSON: {n, n_excluded, identification, parameters: [{lhs, op, rhs, estimate, std_error,
        statistic, p_value, conf_low, conf_high, std_all, std_all_std_error}], fit: {statistic, df,
        p_value, baseline_statistic, baseline_df, cfi, tli, rmsea, rmsea_conf_low, rmsea_conf_high,
        conf_level, srmr} | null, warnings}.
        """)

    @OptionGroup var data: DataFileOptions

    @Option(help: "The codebook (YAML) whose scales are the factors.")
    var codebook: String

    @Option(help: "Comma-separated scales to fit (default: every scale of the codebook).", transform: commaList)
    var scales: [String] = []

    @Option(help: "How the factors are scaled: fixed_variance (variances 1, as lavaan's std.lv = TRUE) or marker (first loading 1).")
    var identification: ConfirmatoryFactorAnalysis.Identification = .fixedVariance

    func run() throws {
        try failing {
            let url = URL(fileURLWithPath: codebook)
            let result = try FileFactorAnalysis.run(URL(fileURLWithPath: data.file), codebook: Codebook.load(from: url), codebookName: codebook,
                                                    delimiter: data.delimiter?.byte, scales: scales.isEmpty ? nil : scales,
                                                    identification: identification)
            print(try render([.factorAnalysisFit(result), .factorAnalysisParameters(result)], json: result, format: data.format), terminator: "")
        }
    }
}

extension ConfirmatoryFactorAnalysis.Identification: ExpressibleByArgument {}
