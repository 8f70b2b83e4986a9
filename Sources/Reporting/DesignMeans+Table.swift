import Study
import SurveyStats

extension Table {
    /// Per variable: n, the unweighted mean, the weighted mean with its standard error and
    /// confidence interval under the design, the design effect and Kish's effective n.
    public static func designMeans(_ weighted: DesignDescription, unweighted: [DescriptivesResult]) -> Table {
        let unweightedMean = Dictionary(unweighted.map { ($0.name, $0.mean) }, uniquingKeysWith: { first, _ in first })
        let level = weighted.means.first.map { Int(($0.confLevel * 100).rounded()) } ?? 95
        var design: [String] = []
        if let weights = weighted.weights { design.append("\(weighted.weightType) weights \(weights)") } else { design.append("equal weights") }
        if let strata = weighted.strata { design.append("strata \(strata)") }
        if let psu = weighted.psu { design.append("PSUs \(psu)") } else if weighted.weightType == "sampling" { design.append("each row its own PSU") }
        if let fpc = weighted.fpc { design.append("population sizes \(fpc)") }
        let method: String
        switch weighted.weightType {
        case "frequency": method = "Frequency weights: SE as if each row were repeated w times (df = Σw − 1)."
        case "analytic": method = "Analytic weights (rescaled to sum to n): SE² = Σw(x − x̄)²/(Σw·(n − 1)), df = n − 1."
        default: method = "Design-based SE by Taylor linearisation (with-replacement PSUs\(weighted.fpc == nil ? "" : ", finite population correction")), t on the design df (PSUs − strata), as R survey::svymean; deff against simple random sampling without replacement of the same n."
        }
        return Table(
            id: "weighted_means",
            title: "Weighted Means Under the Sampling Design",
            columns: [
                .init("Variable", key: "name", alignment: .left), .init("n", key: "n"), .init("M (unweighted)", key: "unweighted_mean"),
                .init("M (weighted)", key: "mean"), .init("SE", key: "std_error"), .init("\(level)% CI low", key: "conf_low"),
                .init("\(level)% CI high", key: "conf_high"), .init("df", key: "df"), .init("deff", key: "deff"),
                .init("Effective n", key: "effective_n"),
            ],
            rows: weighted.means.compactMap { result in
                guard let row = result.rows.first else { return nil }
                return [.text(row.name), .integer(result.n), .number(unweightedMean[row.name] ?? nil, decimals: 2),
                        .number(row.mean, decimals: 2), .number(row.stdError, decimals: 3), .number(row.confLow, decimals: 2),
                        .number(row.confHigh, decimals: 2), .number(result.df, decimals: 0), .number(row.designEffect, decimals: 2),
                        .number(result.effectiveN, decimals: 1)]
            },
            notes: ["Design: \(design.joined(separator: ", ")).", method,
                    "Effective n: Kish's (Σw)²/Σw². Each variable over its rows with a value (a domain of the design)."])
    }
}
