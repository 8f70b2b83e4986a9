import Study
import SurveyStats

extension Table {
    /// APA ANOVA table: SS, df, MS, F, p and η² for the factor and the residuals; ω² in the note.
    public static func anova(_ result: AnovaResult, id: String, title: String? = nil) -> Table {
        let rows: [[Cell]] = result.anova.enumerated().map { index, row in
            [.text(row.term), .number(row.sumsq, decimals: 2), .integer(row.df), .number(row.meansq, decimals: 2),
             index == 0 ? .number(row.statistic, decimals: 2) : .empty, index == 0 ? .p(row.pValue) : .empty,
             index == 0 ? .number(result.etaSquared, decimals: 2, leadingZero: false) : .empty]
        }
        return Table(
            id: id, title: title ?? "One-Way ANOVA by \(result.factor)",
            columns: [.init("Source", key: "term", alignment: .left), .init("SS", key: "sumsq"), .init("df", key: "df"),
                      .init("MS", key: "meansq"), .init("F", key: "statistic"), .init("p", key: "p_value"),
                      .init("η²", key: "eta_squared")],
            rows: rows,
            notes: ["N = \(result.nobs). " + omegaSquaredNote(result.omegaSquared)])
    }

    /// ω² as APA reports it: a negative estimate (an effect smaller than chance) as 0, saying so;
    /// results.json keeps the raw value.
    static func omegaSquaredNote(_ omegaSquared: Double?) -> String {
        guard let omegaSquared, omegaSquared < 0 else { return "ω² = \(APA.number(omegaSquared, decimals: 2, leadingZero: false))." }
        return "ω² = 0 (the estimate, \(APA.number(omegaSquared, decimals: 2, leadingZero: false)), is negative and is reported as 0)."
    }

    /// Group table: n, M, SD, SE and the 95% CI of the mean per level, in codebook order. A group
    /// `suppressed` hides shows its mark for n and no SE or CI (with the SD they give n away); a
    /// small one shows no statistics at all.
    public static func anovaGroups(_ result: AnovaResult, id: String, title: String? = nil, suppressed: SuppressedCells? = nil) -> Table {
        Table(
            id: id, title: title ?? "Descriptive Statistics by \(result.factor)",
            columns: [.init(result.factor, key: "level", alignment: .left), .init("n", key: "n"), .init("M", key: "mean"),
                      .init("SD", key: "sd"), .init("SE", key: "std_error"), .init("95% CI LL", key: "conf_low"),
                      .init("95% CI UL", key: "conf_high")],
            rows: result.groups.enumerated().map { index, g in
                guard let mark = suppressed?.mark(index) else {
                    return [.text(g.level), .integer(g.n), .number(g.mean, decimals: 2), .number(g.sd, decimals: 2),
                            .number(g.stdError, decimals: 2), .number(g.confLow, decimals: 2), .number(g.confHigh, decimals: 2)]
                }
                let small = suppressed?.small.contains(index) == true
                return [.text(g.level), .text(mark), .number(small ? nil : g.mean, decimals: 2), .number(small ? nil : g.sd, decimals: 2),
                        .number(nil, decimals: 2), .number(nil, decimals: 2), .number(nil, decimals: 2)]
            },
            notes: suppressed.map { [$0.note + " Pairwise comparisons with these groups are left out."] } ?? [])
    }

    /// Assumption and robust tests: Levene centred on means and on medians, Welch, Brown–Forsythe
    /// F*, Kruskal–Wallis.
    public static func anovaAssumptions(_ result: AnovaResult, id: String, title: String? = nil) -> Table {
        func row(_ name: String, _ test: AnovaResult.FTest?, fractional: Bool) -> [Cell] {
            [.text(name), .number(test?.statistic, decimals: 2), .number(test?.df, decimals: 0),
             .number(test?.dfResidual, decimals: fractional ? 2 : 0), .p(test?.pValue)]
        }
        let kw = result.kruskalWallis
        return Table(
            id: id, title: title ?? "Tests of Assumptions and Robust Tests by \(result.factor)",
            columns: [.init("Test", key: "test", alignment: .left), .init("Statistic", key: "statistic"),
                      .init("df1", key: "df"), .init("df2", key: "df_residual"), .init("p", key: "p_value")],
            rows: [
                row("Levene (mean-centred)", result.levene, fractional: false),
                row("Levene (median-centred)", result.brownForsythe, fractional: false),
                row("Welch F", result.welch, fractional: true),
                row("Brown–Forsythe F*", result.brownForsytheMeans, fractional: true),
                [.text("Kruskal–Wallis H"), .number(kw?.statistic, decimals: 2), kw.map { .integer($0.df) } ?? .empty,
                 .empty, .p(kw?.pValue)],
            ],
            notes: ["Levene's test of equal variances centred on the group means (Levene, 1960) and on the group medians (Brown & Forsythe, 1974; SPSS: \"Based on Median\"); Welch F and Brown–Forsythe F* test equal means without assuming equal variances (Brown & Forsythe, 1974). Kruskal–Wallis H is corrected for ties and referred to χ²(df1)."])
    }

    /// Post-hoc table (Tukey–Kramer or Games–Howell) of the ANOVA `title` names (outcome by
    /// factor): difference M₂ − M₁, SE, q, p, 95% CI (and df).
    public static func postHoc(_ rows: [AnovaResult.PairwiseComparison], method: String, id: String, title: String) -> Table {
        let withDF = rows.contains { $0.df != nil }
        var columns: [Column] = [
            .init("Group 1", key: "group1", alignment: .left), .init("Group 2", key: "group2", alignment: .left),
            .init("M₂ − M₁", key: "estimate"), .init("SE", key: "std_error"), .init("q", key: "statistic"),
        ]
        if withDF { columns.append(.init("df", key: "df")) }
        columns += [.init("p", key: "p_value"), .init("95% CI LL", key: "conf_low"), .init("95% CI UL", key: "conf_high")]
        return Table(
            id: id, title: "\(method) Pairwise Comparisons: \(title)", columns: columns,
            rows: rows.map { r in
                var cells: [Cell] = [.text(r.group1), .text(r.group2), .number(r.estimate, decimals: 2),
                                     .number(r.stdError, decimals: 2), .number(r.statistic, decimals: 2)]
                if withDF { cells.append(.number(r.df, decimals: 2)) }
                return cells + [.p(r.pValue), .number(r.confLow, decimals: 2), .number(r.confHigh, decimals: 2)]
            },
            notes: ["p and CI from the studentized range distribution; q = |M₂ − M₁|/(SE/√2)."])
    }
}
