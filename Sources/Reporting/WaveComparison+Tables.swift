import Study

extension Table {
    /// The waves of a batch: file, respondents, and where the wave's own report is (or that it failed).
    public static func waveStatus(_ waves: [WaveStatus], id: String = "waves") -> Table {
        Table(
            id: id, title: "Waves of the Batch",
            columns: [.init("Wave", key: "wave", alignment: .left), .init("File", key: "file", alignment: .left),
                      .init("Respondents", key: "rows"), .init("Report", key: "report", alignment: .left)],
            rows: zip(waves, ReportFiles.waveFolders(waves.map(\.name))).map { wave, folder in
                [.text(wave.name), .text(wave.file), wave.rows.map(Cell.integer) ?? .empty,
                 .text(wave.error == nil ? folder + "/" : "failed (no report)")]
            })
    }

    /// n, M, SD and the t-based 95% CI of the mean per variable and wave (long format: one row per pair).
    public static func meansByWave(_ variables: [VariableComparison], id: String, title: String) -> Table {
        Table(
            id: id, title: title,
            columns: [.init("Variable", key: "name", alignment: .left), .init("Wave", key: "wave", alignment: .left),
                      .init("n", key: "n"), .init("M", key: "mean"), .init("SD", key: "sd"),
                      .init("95% CI LL", key: "conf_low"), .init("95% CI UL", key: "conf_high")],
            rows: variables.flatMap { variable in
                variable.waves.map { wave in
                    [.text(variable.name), .text(wave.wave), wave.hiddenN.map(Cell.text) ?? .integer(wave.n), .number(wave.mean, decimals: 2),
                     .number(wave.sd, decimals: 2), .number(wave.confLow, decimals: 2), .number(wave.confHigh, decimals: 2)]
                }
            },
            notes: ["SD uses n − 1. CI = M ∓ t(.975, n − 1)·SD/√n. — = undefined for these data."]
                + (variables.lazy.flatMap(\.waves).compactMap(\.hiddenN).first.map {
                    ["n \($0): too few answers to show, given without statistics to protect respondents."]
                } ?? []))
    }

    /// The test of differences between waves per variable: classical one-way ANOVA F and Welch's F
    /// across waves, with η² and ω².
    public static func waveDifferences(_ variables: [VariableComparison], id: String, title: String) -> Table {
        var notes = ["F: one-way ANOVA across waves (equal variances assumed), F(k − 1, N − k). Welch F: Welch's (1951) test without that assumption, on k − 1 and fractional df2.",
                     "η² = SS_between/SS_total; ω² = (SS_between − (k − 1)·MS_within)/(SS_total + MS_within), k waves."]
        if variables.contains(where: { ($0.betweenWaves?.omegaSquared ?? 0) < 0 }) {
            notes.append("A negative ω² (an effect smaller than chance) is shown as 0; results.json keeps the estimate.")
        }
        notes += variables.compactMap { variable in variable.betweenWavesError.map { "\(variable.name): not computed, \($0)." } }
        return Table(
            id: id, title: title,
            columns: [.init("Variable", key: "name", alignment: .left), .init("F", key: "statistic"), .init("df1", key: "df"),
                      .init("df2", key: "df_residual"), .init("p", key: "p_value"), .init("Welch F", key: "welch_statistic"),
                      .init("Welch df2", key: "welch_df_residual"), .init("Welch p", key: "welch_p_value"),
                      .init("η²", key: "eta_squared"), .init("ω²", key: "omega_squared")],
            rows: variables.map { variable in
                let test = variable.betweenWaves
                let factor = test?.anova.first, residuals = test?.anova.last
                return [.text(variable.name), .number(factor?.statistic, decimals: 2), factor.map { .integer($0.df) } ?? .empty,
                        residuals.map { .integer($0.df) } ?? .empty, .p(factor?.pValue),
                        .number(test?.welch?.statistic, decimals: 2), .number(test?.welch?.dfResidual, decimals: 2),
                        .p(test?.welch?.pValue), .number(test?.etaSquared, decimals: 2, leadingZero: false),
                        .number(test?.omegaSquared.map { max(0, $0) }, decimals: 2, leadingZero: false)]
            },
            notes: notes)
    }

    /// The change from the first to the last wave per variable: both means, their difference with
    /// its Welch 95% CI, t, df, p and Hedges' g.
    public static func waveChange(_ variables: [VariableComparison], from first: String, to last: String,
                                  id: String, title: String) -> Table {
        Table(
            id: id, title: title,
            columns: [.init("Variable", key: "name", alignment: .left), .init("M \(first)", key: "mean_first"),
                      .init("M \(last)", key: "mean_last"), .init("Change", key: "estimate"),
                      .init("95% CI LL", key: "conf_low"), .init("95% CI UL", key: "conf_high"), .init("t", key: "statistic"),
                      .init("df", key: "df"), .init("p", key: "p_value"), .init("g", key: "hedges_g")],
            rows: variables.map { variable in
                let change = variable.change
                return [.text(variable.name), .number(variable.waves.first?.mean, decimals: 2),
                        .number(variable.waves.last?.mean, decimals: 2), .number(change?.estimate, decimals: 2),
                        .number(change?.confLow, decimals: 2), .number(change?.confHigh, decimals: 2),
                        .number(change?.statistic, decimals: 2), .number(change?.df, decimals: 2), .p(change?.pValue),
                        .number(change?.hedgesG, decimals: 2)]
            },
            notes: ["Change = M(\(last)) − M(\(first)). Welch's t: SE = √(s₁²/n₁ + s₂²/n₂) on Welch–Satterthwaite df; CI = change ∓ t(.975, df)·SE.",
                    "g is Hedges' g: g = J·change/s_p, s_p = √[((n₁ − 1)s₁² + (n₂ − 1)s₂²)/(n₁ + n₂ − 2)], J = 1 − 3/(4(n₁ + n₂) − 9) (Hedges & Olkin, 1985)."])
    }
}
