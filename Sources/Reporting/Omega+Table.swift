import Study
import SurveyStats

extension Table {
    /// One row per scale: k, n, McDonald's ω (model-implied and observed total variance), the 95% Wald
    /// interval of the model-implied ω, and the
    /// fit of its one-factor CFA: χ², df, p, CFI, TLI, RMSEA with its 90% CI, SRMR. A just-identified
    /// scale (3 items, df = 0) has no fit ("—"); a scale the model cannot fit says why in a note.
    public static func omegaSummary(_ scales: [NamedOmega]) -> Table {
        func bounded(_ value: Double?) -> Cell { .number(value, decimals: 2, leadingZero: false) }
        func fit<T>(_ result: OmegaResult?, _ value: (OmegaResult.Fit) -> T) -> T? { result?.fit.map(value) }
        var notes = [
            "McDonald's ω total from a one-factor CFA fitted by maximum likelihood (factor variance 1; χ² = n·F_ML, lavaan's default): ω = (Σλ)² / ((Σλ)² + Σψ), with the model-implied total variance; ω (observed) divides by the observed variance of the sum score.",
            "95% CI of ω (model-implied): Wald, with the delta-method standard error from the ML expected information (as lavaan's for a defined parameter).",
            "Listwise-complete cases, reverse-keyed items reversed. ML treats the 5-point items as continuous. Scales of 3 items are just identified (df = 0): ω without fit indices.",
        ]
        for scale in scales {
            if let problem = scale.problem { notes.append("\(scale.scale): no ω (\(problem)).") }
            notes += scale.result?.warnings.filter { $0.kind != .justIdentified }.map { "Warning (\(scale.scale)): \($0.message)" } ?? []
        }
        return Table(
            id: "omega",
            title: "McDonald's ω and One-Factor CFA of the Scales",
            columns: [
                .init("Scale", key: "scale", alignment: .left), .init("k", key: "k"), .init("n", key: "n"),
                .init("ω", key: "omega"), .init("ω 95% CI low", key: "conf_low"), .init("ω 95% CI high", key: "conf_high"),
                .init("ω (observed)", key: "omega_observed"),
                .init("χ²", key: "statistic"), .init("df", key: "df"), .init("p", key: "p_value"),
                .init("CFI", key: "cfi"), .init("TLI", key: "tli"), .init("RMSEA", key: "rmsea"),
                .init("90% CI low", key: "rmsea_conf_low"), .init("90% CI high", key: "rmsea_conf_high"),
                .init("SRMR", key: "srmr"),
            ],
            rows: scales.map { scale in
                let result = scale.result
                return [.text(scale.scale), result.map { .integer($0.k) } ?? .empty, result.map { .integer($0.n) } ?? .empty,
                        bounded(result?.omega), bounded(result?.confLow), bounded(result?.confHigh), bounded(result?.omegaObserved),
                        .number(fit(result, \.statistic), decimals: 2), result.map { .integer($0.k * ($0.k + 1) / 2 - 2 * $0.k) } ?? .empty,
                        .p(fit(result, \.pValue)), bounded(fit(result, \.cfi)), .number(fit(result, \.tli), decimals: 2),
                        bounded(fit(result, \.rmsea)), bounded(fit(result, \.rmseaConfLow)), bounded(fit(result, \.rmseaConfHigh)),
                        bounded(fit(result, \.srmr))]
            },
            notes: notes)
    }

    /// The one-factor model of one scale: per item the loading λ, the standardized loading, the
    /// residual variance ψ and its standardized value.
    public static func oneFactorLoadings(_ result: OmegaResult, scale: String) -> Table {
        Table(
            id: "omega_\(scale)",
            title: "One-Factor Model of the \(scale) Scale",
            columns: [
                .init("Item", key: "name", alignment: .left), .init("λ", key: "loading"),
                .init("Standardized λ", key: "std_loading"), .init("ψ", key: "residual_variance"),
                .init("Standardized ψ", key: "std_residual_variance"),
            ],
            rows: result.items.map { item in
                [.text(item.name), .number(item.loading, decimals: 2), .number(item.stdLoading, decimals: 2, leadingZero: false),
                 .number(item.residualVariance, decimals: 2), .number(item.stdResidualVariance, decimals: 2, leadingZero: false)]
            },
            notes: ["n = \(result.n), k = \(result.k); maximum likelihood, factor variance fixed to 1. ω = \(APA.number(result.omega, decimals: 2, leadingZero: false))."])
    }
}
