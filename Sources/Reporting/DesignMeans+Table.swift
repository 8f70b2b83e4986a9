import Study
import SurveyStats

extension Table {
    /// Per variable: n, the unweighted mean, the weighted mean with its standard error and
    /// confidence interval under the design, the design effect and Kish's effective n.
    public static func designMeans(_ means: [DesignMeansResult], design: some DesignRoles, unweighted: [DescriptivesResult]) -> Table {
        let unweightedMean = Dictionary(unweighted.map { ($0.name, $0.mean) }, uniquingKeysWith: { first, _ in first })
        let level = means.first.map { Int(($0.confLevel * 100).rounded()) } ?? 95
        return Table(
            id: "weighted_means",
            title: "Weighted Means Under the Sampling Design",
            columns: [
                .init("Variable", key: "name", alignment: .left), .init("n", key: "n"), .init("M (unweighted)", key: "unweighted_mean"),
                .init("M (weighted)", key: "mean"), .init("SE", key: "std_error"), .init("\(level)% CI low", key: "conf_low"),
                .init("\(level)% CI high", key: "conf_high"), .init("df", key: "df"), .init("deff", key: "deff"),
                .init("Effective n", key: "effective_n"),
            ],
            rows: means.compactMap { result in
                guard let row = result.rows.first else { return nil }
                return [.text(row.name), .integer(result.n), .number(unweightedMean[row.name] ?? nil, decimals: 2),
                        .number(row.mean, decimals: 2), .number(row.stdError, decimals: 3), .number(row.confLow, decimals: 2),
                        .number(row.confHigh, decimals: 2), .number(result.df, decimals: 0), .number(row.designEffect, decimals: 2),
                        .number(result.effectiveN, decimals: 1)]
            },
            notes: designNotes(design) + [
                (design.weightType == "sampling" ? "deff against simple random sampling without replacement of the same n (R svymean(deff = TRUE)). " : "")
                    + (design.weightType == "frequency" ? "Effective n: Σw, the rows as repeated. " : "Effective n: Kish's (Σw)²/Σw². ")
                    + "Each variable over its rows with a value (a domain of the design).",
            ])
    }
}
