import SurveyStats

extension Table {
    /// APA regression table: per block (when there are several) and term B, SE B, β, t, p and the
    /// 95% CI of B; the notes give n, R², adjusted R², F(df1, df2) and p of the final model, and
    /// R², ΔR², ΔF and p of each block. No statistic is computed here.
    public static func regression(_ result: RegressionResult, id: String, title: String? = nil) -> Table {
        func f(_ v: Double?, _ d: Int = 2) -> String { APA.number(v, decimals: d) }
        func bounded(_ v: Double?) -> String { APA.number(v, decimals: 2, leadingZero: false) }
        var rows: [[Cell]] = result.coefficients.map { c in
            [.text(c.term), .number(c.estimate, decimals: 2), .number(c.stdError, decimals: 2),
             .number(c.stdEstimate, decimals: 2, leadingZero: false), .number(c.statistic, decimals: 2),
             .p(c.pValue), .number(c.confLow, decimals: 2), .number(c.confHigh, decimals: 2)]
        }
        if result.coefficients.first?.stdErrorHC3 != nil {
            rows = zip(rows, result.coefficients).map { row, c in
                row + [.number(c.stdErrorHC3, decimals: 2), .p(c.pValueHC3)]
            }
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
        if result.coefficients.first?.stdErrorHC3 != nil { notes.append("SE HC3: heteroscedasticity-consistent standard errors (HC3).") }
        var columns: [Column] = [
            .init("Predictor", key: "term", alignment: .left), .init("B", key: "estimate"),
            .init("SE B", key: "std_error"), .init("β", key: "std_estimate"), .init("t", key: "statistic"),
            .init("p", key: "p_value"), .init("95% CI LL", key: "conf_low"), .init("95% CI UL", key: "conf_high"),
        ]
        if result.coefficients.first?.stdErrorHC3 != nil {
            columns += [.init("SE HC3", key: "std_error_hc3"), .init("p HC3", key: "p_value_hc3")]
        }
        return Table(id: id, title: title ?? "Regression of \(result.response)", columns: columns, rows: rows, notes: notes)
    }

    /// "= .023" or "< .001" for a note.
    static func pText(_ p: Double?) -> String {
        let text = APA.p(p)
        return text.hasPrefix("<") ? text : "= " + text
    }
}
