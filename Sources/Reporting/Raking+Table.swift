import SurveyStats

extension Table {
    /// Per margin level: target, achieved weighted count, their relative difference, unweighted rows.
    public static func rakingMargins(_ result: RakingResult) -> Table {
        Table(
            id: "raking_margins",
            title: "Raked Margins: Achieved Against Target",
            columns: [
                .init("Margin", key: "margin", alignment: .left), .init("Level", key: "level", alignment: .left),
                .init("Rows", key: "rows"), .init("Target", key: "target"), .init("Achieved", key: "achieved"),
                .init("Relative difference", key: "relative_difference"),
            ],
            rows: result.margins.map { level in
                [.text(level.margin), .text(level.level), .integer(level.rows), .number(level.target, decimals: 3),
                 .number(level.achieved, decimals: 3),
                 .number(level.target > 0 ? (level.achieved - level.target) / level.target : nil, decimals: 3)]
            },
            notes: [
                result.converged
                    ? "Converged after \(result.iterations) cycles of iterative proportional fitting: every margin within \(result.tolerance) of its target (largest relative difference \(result.maxRelativeDeviation))."
                    : "NOT CONVERGED after \(result.iterations) cycles: the largest relative difference from a target is \(result.maxRelativeDeviation), above the tolerance \(result.tolerance).",
            ] + (result.capWeight.map { ["Weights trimmed to at most \($0) (the cap times the mean weight) and re-raked; \(result.cappedRows) rows at the cap."] } ?? []))
    }

    /// The distribution of the raked weights and Kish's design effect of unequal weighting.
    public static func weightDistribution(_ distribution: WeightDistribution) -> Table {
        let d = distribution
        return Table(
            id: "weight_distribution",
            title: "Distribution of the Weights",
            columns: [
                .init("n", key: "n"), .init("Sum", key: "sum"), .init("Min", key: "min"), .init("Q1", key: "q1"),
                .init("Median", key: "median"), .init("Q3", key: "q3"), .init("Max", key: "max"), .init("Mean", key: "mean"),
                .init("CV", key: "cv"), .init("Kish deff", key: "kish_deff"), .init("Effective n", key: "effective_n"),
            ],
            rows: [[.integer(d.n), .number(d.sum, decimals: 2), .number(d.min, decimals: 3), .number(d.lowerQuartile, decimals: 3),
                    .number(d.median, decimals: 3), .number(d.upperQuartile, decimals: 3), .number(d.max, decimals: 3),
                    .number(d.mean, decimals: 3), .number(d.coefficientOfVariation, decimals: 3),
                    .number(d.kishDesignEffect, decimals: 3), .number(d.effectiveN, decimals: 1)]],
            notes: ["Quartiles as R's quantile (type 7). CV = standard deviation (divisor n) / mean; Kish's design effect of unequal weighting 1 + CV² = n·Σw²/(Σw)²; effective n = n / (1 + CV²)."])
    }
}
