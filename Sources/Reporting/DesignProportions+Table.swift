import Study
import SurveyStats

extension Table {
    /// A tabulated variable's levels under the design: the weighted percentage with its standard
    /// error and confidence interval, the weighted count and, under sampling weights, the design effect.
    public static func designProportions(_ proportions: NamedDesignMeans, label: String, design: some DesignRoles) -> Table {
        let result = proportions.result
        let level = Int((result.confLevel * 100).rounded())
        let sampled = design.weightType == "sampling"
        var columns: [Column] = [
            .init("Level", key: "name", alignment: .left), .init("Weighted %", key: "percent"), .init("SE (%)", key: "std_error"),
            .init("\(level)% CI low", key: "conf_low"), .init("\(level)% CI high", key: "conf_high"), .init("Weighted count", key: "total"),
        ]
        if sampled { columns.append(.init("deff", key: "deff")) }
        let counts = design.weightType == "analytic" ? " Weighted counts with the weights rescaled to sum to n (Stata tabulate aweight)." : ""
        return Table(
            id: "weighted_frequencies_\(proportions.name)",
            title: designTitle("Weighted Frequencies of \(label)", design),
            columns: columns,
            rows: result.rows.map { row in
                [.text(row.name), .number(100 * row.mean, decimals: 1), .number(100 * row.stdError, decimals: 2),
                 .number(100 * row.confLow, decimals: 1), .number(100 * row.confHigh, decimals: 1), .number(row.total, decimals: 1)]
                    + (sampled ? [.number(row.designEffect, decimals: 2)] : [])
            },
            notes: designNotes(design, for: .means)
                + ["n = \(result.n) answers; Σw = \(APA.number(result.weightSum, decimals: 1)); df = \(APA.number(result.df, decimals: 0)).\(counts)"])
    }
}
