import SurveyStats

extension Table {
    /// The model's fit in one row: n, χ², df, p, CFI, TLI, RMSEA with its 90% CI, SRMR; the notes say
    /// how the model was estimated and identified, and any improper estimate.
    /// - Parameter name: the study file's name of the analysis (tables `cfa_NAME_fit`), `nil` for `paradox cfa` (`cfa_fit`).
    public static func factorAnalysisFit(_ result: ConfirmatoryFactorAnalysisResult, name: String? = nil) -> Table {
        func bounded(_ value: Double?) -> Cell { .number(value, decimals: 3, leadingZero: false) }
        let fit = result.fit
        let identification = result.identification == .marker
            ? "each factor's first loading fixed to 1 (marker)" : "factor variances fixed to 1"
        var notes = [
            "Maximum likelihood on \(result.n) complete cases (\(result.excludedCases) with a missing item excluded listwise); \(identification); χ² = n·F_ML (lavaan's default).",
            "ML treats the items as continuous and normal; for 5-point items the χ² test is approximate (no Satorra–Bentler correction is computed).",
        ]
        if fit == nil { notes.append("The model is just identified (df = 0): it reproduces the covariances exactly and its fit cannot be tested.") }
        notes += result.warnings.map { "Warning: \($0.message)" }
        return Table(
            id: factorAnalysisID(name, "fit"),
            title: "Fit of the Confirmatory Factor Analysis" + (name.map { " (\($0))" } ?? ""),
            columns: [
                .init("n", key: "n"), .init("χ²", key: "statistic"), .init("df", key: "df"), .init("p", key: "p_value"),
                .init("CFI", key: "cfi"), .init("TLI", key: "tli"), .init("RMSEA", key: "rmsea"),
                .init("90% CI low", key: "rmsea_conf_low"), .init("90% CI high", key: "rmsea_conf_high"), .init("SRMR", key: "srmr"),
            ],
            rows: [[.integer(result.n), .number(fit?.statistic, decimals: 2), fit.map { .integer($0.df) } ?? .empty, .p(fit?.pValue),
                    bounded(fit?.cfi), .number(fit?.tli, decimals: 3), bounded(fit?.rmsea), bounded(fit?.rmseaConfLow),
                    bounded(fit?.rmseaConfHigh), bounded(fit?.srmr)]],
            notes: notes)
    }

    /// Every parameter: loadings (factor =~ item), residual variances, factor variances and
    /// covariances, with SE, z, p and the completely standardized value with its SE.
    public static func factorAnalysisParameters(_ result: ConfirmatoryFactorAnalysisResult, name: String? = nil) -> Table {
        Table(
            id: factorAnalysisID(name, "parameters"),
            title: "Parameter Estimates of the Confirmatory Factor Analysis" + (name.map { " (\($0))" } ?? ""),
            columns: [
                .init("Parameter", key: "term", alignment: .left), .init("Estimate", key: "estimate"), .init("SE", key: "std_error"),
                .init("z", key: "statistic"), .init("p", key: "p_value"),
                .init("Standardized", key: "std_all"), .init("SE (standardized)", key: "std_all_std_error"),
            ],
            rows: result.parameters.map { p in
                [.text("\(p.lhs) \(p.op) \(p.rhs)"), .number(p.estimate, decimals: 3), .number(p.stdError, decimals: 3),
                 .number(p.statistic, decimals: 2), .p(p.pValue), .number(p.stdAll, decimals: 3), .number(p.stdAllStdError, decimals: 3)]
            },
            notes: ["=~ a loading, ~~ a variance or covariance; fixed parameters have no SE. Standardized: loadings and factor covariances as in lavaan's std.all (factor correlations), residual variances as proportions of the item's variance. 95% Wald intervals are in the JSON output."])
    }

    private static func factorAnalysisID(_ name: String?, _ table: String) -> String {
        name.map { "cfa_\($0)_\(table)" } ?? "cfa_\(table)"
    }
}
