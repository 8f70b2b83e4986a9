import Study
import SurveyStats

extension Table {
    /// Per variable: n, the unweighted mean, the weighted mean with its standard error and
    /// confidence interval, and what the weight type gives beside them: under sampling weights the
    /// design effect and Kish's effective n; under frequency weights the effective n Σw (the rows as
    /// repeated); under analytic weights neither (the SEs use n, as Stata's `[aweight]`).
    public static func designMeans(_ means: [DesignMeansResult], design: some DesignRoles, unweighted: [DescriptivesResult]) -> Table {
        let unweightedMean = Dictionary(unweighted.map { ($0.name, $0.mean) }, uniquingKeysWith: { first, _ in first })
        let level = means.first.map { Int(($0.confLevel * 100).rounded()) } ?? 95
        let sampled = design.weightType == "sampling"
        let showsEffectiveN = design.weightType != "analytic"
        var columns: [Column] = [
            .init("Variable", key: "name", alignment: .left), .init("n", key: "n"), .init("M (unweighted)", key: "unweighted_mean"),
            .init("M (weighted)", key: "mean"), .init("SE", key: "std_error"), .init("\(level)% CI low", key: "conf_low"),
            .init("\(level)% CI high", key: "conf_high"), .init("df", key: "df"),
        ]
        if sampled { columns.append(.init("deff", key: "deff")) }
        if showsEffectiveN { columns.append(.init("Effective n", key: "effective_n")) }
        let sizeNote: String
        switch design.weightType {
        case "frequency": sizeNote = "Effective n: Σw, the rows as repeated; no design effect without a sampling design. "
        case "analytic": sizeNote = "n: the rows, on which the SEs and df rest (Stata's Number of obs); no effective n or design effect, since analytic weights are precisions, not sampling weights. "
        default: sizeNote = "deff against simple random sampling without replacement of the same n (R svymean(deff = TRUE)). Effective n: Kish's (Σw)²/Σw². "
        }
        return Table(
            id: "weighted_means",
            title: designTitle("Weighted Means", sampled: "Weighted Means Under the Sampling Design", design),
            columns: columns,
            rows: means.compactMap { result in
                guard let row = result.rows.first else { return nil }
                var cells: [Cell] = [
                    .text(row.name), .integer(result.n), .number(unweightedMean[row.name] ?? nil, decimals: 2),
                    .number(row.mean, decimals: 2), .number(row.stdError, decimals: 3), .number(row.confLow, decimals: 2),
                    .number(row.confHigh, decimals: 2), .number(result.df, decimals: 0),
                ]
                if sampled { cells.append(.number(row.designEffect, decimals: 2)) }
                if showsEffectiveN { cells.append(.number(result.effectiveN, decimals: 1)) }
                return cells
            },
            notes: designNotes(design, for: .means) + [sizeNote + "Each variable over its rows with a value\(sampled ? " (a domain of the design)" : "")."])
    }
}
