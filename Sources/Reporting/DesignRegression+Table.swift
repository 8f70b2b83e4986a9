import Study
import SurveyStats

extension Table {
    /// A weighted least-squares fit under the design: per term B, its design-based SE, t, p and
    /// confidence interval on the residual df; the note gives n, Σw and the Wald F that all slopes
    /// are 0 (for a one-way comparison, that the group means are equal: R svyglm + regTermTest),
    /// which without a sampling design is the ordinary F of R `summary(lm)`.
    public static func designRegression(_ fit: NamedDesignRegression, id: String, design: some DesignRoles) -> Table {
        let result = fit.result
        let level = Int((result.confLevel * 100).rounded())
        // Without a sampling design the Wald F on σ̂²A⁻¹ is the ordinary F test of the slopes.
        let (test, reference) = design.weightType == "sampling" ? ("Wald F", "R regTermTest") : ("F", "R summary(lm)")
        return Table(
            id: id, title: designTitle(fit.title, design),
            columns: [
                .init("Predictor", key: "term", alignment: .left), .init("B", key: "estimate"), .init("SE B", key: "std_error"),
                .init("t", key: "statistic"), .init("p", key: "p_value"),
                .init("\(level)% CI LL", key: "conf_low"), .init("\(level)% CI UL", key: "conf_high"),
            ],
            rows: result.terms.map { term in
                [.text(term.term), .number(term.estimate, decimals: 2), .number(term.stdError, decimals: 2), .number(term.statistic, decimals: 2),
                 .p(term.pValue), .number(term.confLow, decimals: 2), .number(term.confHigh, decimals: 2)]
            },
            notes: designNotes(design, for: .regression) + [
                "n = \(result.nobs), Σw = \(APA.number(result.weightSum, decimals: 1)). \(test)(\(result.df), \(APA.number(result.dfResidual, decimals: 0))) = \(APA.number(result.statistic, decimals: 2)), p \(pText(result.pValue)) (all slopes 0; \(reference)).",
            ])
    }
}
