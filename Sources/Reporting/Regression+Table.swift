import SurveyStats

extension Table {
    /// APA regression table: per block (when there are several) and term B, SE B, β, t, p and the
    /// 95% CI of B; the notes give n, R², adjusted R², F(df1, df2) and p of the final model, and
    /// R², ΔR², ΔF and p of each block. With HC3 requested, SE, t, p and the CI are the HC3 ones
    /// (MacKinnon & White 1985) and the OLS SE and p follow for comparison. No statistic is computed here.
    public static func regression(_ result: RegressionResult, id: String, title: String? = nil) -> Table {
        func f(_ v: Double?, _ d: Int = 2) -> String { APA.number(v, decimals: d) }
        func bounded(_ v: Double?) -> String { APA.number(v, decimals: 2, leadingZero: false) }
        let robust = result.coefficients.first?.stdErrorHC3 != nil
        let rows: [[Cell]] = result.coefficients.map { c in
            let inference: [Cell] = robust
                ? [.number(c.stdErrorHC3, decimals: 2), .number(c.stdEstimate, decimals: 2, leadingZero: false), .number(c.statisticHC3, decimals: 2),
                   .p(c.pValueHC3), .number(c.confLowHC3, decimals: 2), .number(c.confHighHC3, decimals: 2),
                   .number(c.stdError, decimals: 2), .p(c.pValue)]
                : [.number(c.stdError, decimals: 2), .number(c.stdEstimate, decimals: 2, leadingZero: false), .number(c.statistic, decimals: 2),
                   .p(c.pValue), .number(c.confLow, decimals: 2), .number(c.confHigh, decimals: 2)]
            return [.text(c.term), .number(c.estimate, decimals: 2)] + inference
        }
        let m = result.model
        let excluded = result.excludedCases > 0 ? " (\(result.excludedCases) excluded listwise)" : ""
        var notes = [
            "N = \(m.nobs)\(excluded). R² = \(bounded(m.rSquared)), adjusted R² = \(bounded(m.adjRSquared)), "
                + "F(\(m.df), \(m.dfResidual)) = \(f(m.statistic)), p \(pText(m.pValue)).",
        ]
        if result.blocks.count > 1 {
            notes += result.blocks.map { b in
                "Block \(b.block) (\(b.terms.joined(separator: ", "))): R² = \(bounded(b.rSquared)), "
                    + "ΔR² = \(bounded(b.deltaRSquared)), ΔF(\(b.df), \(b.dfResidual)) = \(f(b.statistic)), p \(pText(b.pValue))."
            }
        }
        if !result.referenceLevels.isEmpty {
            notes.append("Reference categories (a dummy term[level] compares its level with them): "
                + result.referenceLevels.map { "\($0.term) = \($0.level)" }.joined(separator: "; ") + ".")
        }
        if robust {
            notes.append("SE, t, p and the 95% CI are heteroscedasticity-consistent (HC3; MacKinnon & White, 1985), as requested; SE OLS and p OLS assume equal error variances. R² and F are those of the OLS fit.")
        }
        var columns: [Column] = [.init("Predictor", key: "term", alignment: .left), .init("B", key: "estimate")]
        columns += robust
            ? [.init("SE B (HC3)", key: "std_error_hc3"), .init("β", key: "std_estimate"), .init("t", key: "statistic_hc3"),
               .init("p", key: "p_value_hc3"), .init("95% CI LL", key: "conf_low_hc3"), .init("95% CI UL", key: "conf_high_hc3"),
               .init("SE OLS", key: "std_error"), .init("p OLS", key: "p_value")]
            : [.init("SE B", key: "std_error"), .init("β", key: "std_estimate"), .init("t", key: "statistic"),
               .init("p", key: "p_value"), .init("95% CI LL", key: "conf_low"), .init("95% CI UL", key: "conf_high")]
        return Table(id: id, title: title ?? "Regression of \(result.response)", columns: columns, rows: rows, notes: notes)
    }

    /// "= .023" or "< .001" for a note.
    static func pText(_ p: Double?) -> String {
        let text = APA.p(p)
        return text.hasPrefix("<") ? text : "= " + text
    }
}
