import GSL

/// Cronbach's α for a set of k items, with what a reliability table reports.
///
/// Missing data: listwise deletion, as SPSS RELIABILITY does: only respondents who answered every
/// item enter (`psych::alpha` defaults to pairwise covariances instead; its values equal these on
/// complete data). On the n complete cases, with Sᵢⱼ the item covariances and σ²ₓ = ΣᵢΣⱼ Sᵢⱼ the
/// variance of the sum score (Cronbach 1951, *Psychometrika* 16:297):
///
///     α       = k/(k − 1) · (1 − Σᵢ Sᵢᵢ / σ²ₓ)
///     α_std   = k·r̄ / (1 + (k − 1)·r̄)            r̄ = mean of the k(k − 1)/2 inter-item correlations
///     CI      = [1 − (1 − α)·F(1 − γ/2; n − 1, (n − 1)(k − 1)),  1 − (1 − α)·F(γ/2; n − 1, (n − 1)(k − 1))]
///
/// with F(p; d₁, d₂) the F quantile and γ = 1 − confidence level (Feldt 1965, *Psychometrika* 30:357;
/// Feldt, Woodruff & Salih 1987, *Applied Psychological Measurement* 11:93), the form of pingouin's
/// `cronbach_alpha` and `psych::alpha.ci`, with n the complete cases (pingouin 0.7.0 takes n before
/// its listwise deletion, so its interval differs when rows are dropped). Per item: r.drop, the
/// Pearson correlation of the item with the sum of the other items, and α of the other k − 1 items
/// (`alpha.drop` in psych). An item with a negative r.drop gets a ``ReliabilityWarning`` (probably not reverse-keyed).
/// All of it comes from ``ItemTotalSums``: built from the items' mergeable ``CoMoments``
/// (Cᵢⱼ = (n − 1)·Sᵢⱼ), so a wave can be summarised in parts and the parts merged, or from the
/// item columns in O(n·k) without the k × k matrix.
///
/// Tests: R 4.2.2 `psych::alpha(na.omit(items), check.keys = FALSE)` and `psych::alpha.ci`
/// (psych 2.2.9); the interval also against pingouin 0.7.0 `cronbach_alpha` / scipy 1.17.1 `f.isf`.
public enum Reliability {
    /// Analyses `items` (one column per item, `Double.nan` for missing, already reverse-keyed where
    /// needed; see ``reverseKeyed(_:min:max:)``), named `names`, in O(n·k) time: the k × k
    /// co-moment matrix is never formed (``ItemTotalSums/init(columns:)``), so a questionnaire of
    /// thousands of items takes time in proportion to its cells.
    /// - Throws: ``ReliabilityError`` for fewer than two items, columns of different lengths or a
    ///   wrong number of names, or a confidence level outside (0, 1).
    public static func cronbachAlpha(_ items: [[Double]], names: [String], confidenceLevel: Double = 0.95) throws -> ReliabilityResult {
        try validate(itemCount: items.count, names: names, confidenceLevel: confidenceLevel)
        guard Set(items.map(\.count)).count == 1 else {
            throw ReliabilityError.unequalLengths(names: names, lengths: items.map(\.count))
        }
        return try analyse(ItemTotalSums(columns: items), names: names, confidenceLevel: confidenceLevel)
    }

    /// Analyses the items summarised by `summary` (e.g. merged from parts of a wave), named
    /// `names`; n is `summary.count` and the excluded rows `summary.incomplete`.
    /// - Throws: ``ReliabilityError`` for fewer than two items, a wrong number of names, or a
    ///   confidence level outside (0, 1).
    public static func cronbachAlpha(_ summary: CoMoments, names: [String], confidenceLevel: Double = 0.95) throws -> ReliabilityResult {
        try validate(itemCount: summary.variableCount, names: names, confidenceLevel: confidenceLevel)
        return try analyse(ItemTotalSums(summary), names: names, confidenceLevel: confidenceLevel)
    }

    /// The result from the items' sums (validated by the caller).
    private static func analyse(_ sums: ItemTotalSums, names: [String], confidenceLevel: Double) throws -> ReliabilityResult {
        let k = sums.itemCount, n = sums.count
        guard n >= 2 else {
            let warning = ReliabilityWarning(
                kind: .tooFewCases, item: nil,
                message: "Only \(n) respondent\(n == 1 ? "" : "s") answered every item; α needs at least 2.")
            return ReliabilityResult(
                n: n, k: k, excludedCases: sums.excluded, alpha: nil, standardizedAlpha: nil, meanInterItemCorrelation: nil,
                confLow: nil, confHigh: nil, confLevel: confidenceLevel,
                items: names.enumerated().map { i, name in
                    .init(name: name, mean: n == 1 ? sums.means[i] : nil, sd: nil, rDrop: nil, alphaIfDeleted: nil)
                },
                warnings: [warning])
        }

        let alpha = sums.alpha
        var warnings: [ReliabilityWarning] = []
        let rBar = sums.meanCorrelation
        let standardized = rBar.flatMap { r in
            let denominator = 1 + Double(k - 1) * r
            return denominator != 0 ? Double(k) * r / denominator : nil
        }

        var confLow: Double?, confHigh: Double?
        if let alpha {
            let df1 = Double(n - 1), df2 = Double(n - 1) * Double(k - 1)   // in doubles: n comes from a summary file and may be huge
            let gamma = 1 - confidenceLevel
            confLow = 1 - (1 - alpha) * FisherF.quantile(1 - gamma / 2, df1: df1, df2: df2)
            confHigh = 1 - (1 - alpha) * FisherF.quantile(gamma / 2, df1: df1, df2: df2)
        }

        let itemResults = (0..<k).map { i -> ReliabilityResult.Item in
            let itemVariance = sums.itemCoMoments[i]
            let restVariance = sums.restTotal(without: i)
            let denominator = (itemVariance * restVariance).squareRoot()
            let rDrop = denominator > 0 ? Swift.max(-1, Swift.min(1, sums.coMomentWithRest(i) / denominator)) : nil
            if itemVariance == 0 {
                warnings.append(ReliabilityWarning(
                    kind: .constantItem, item: names[i],
                    message: "\(names[i]) has the same answer in all \(n) complete cases; its correlations are undefined."))
            } else if let rDrop, rDrop < 0 {
                warnings.append(ReliabilityWarning(
                    kind: .negativeItemRest, item: names[i],
                    message: "\(names[i]) correlates negatively with the sum of the other items; it is probably not reverse-keyed."))
            }
            return ReliabilityResult.Item(
                name: names[i], mean: sums.means[i], sd: sums.variance(i)?.squareRoot(),
                rDrop: rDrop, alphaIfDeleted: k >= 3 ? sums.alpha(without: i) : nil)
        }

        return ReliabilityResult(
            n: n, k: k, excludedCases: sums.excluded, alpha: alpha, standardizedAlpha: standardized,
            meanInterItemCorrelation: rBar, confLow: confLow, confHigh: confHigh, confLevel: confidenceLevel,
            items: itemResults, warnings: warnings)
    }

    /// A reverse-keyed item scored in the direction of the scale: x′ = min + max − x (NaN stays NaN).
    /// - Throws: ``ReliabilityError/outsideScale(item:value:min:max:)`` for a value outside
    ///   [min, max] (its reversed score would be no scale point), or bounds that are not finite with
    ///   min < max.
    public static func reverseKeyed(_ values: [Double], item: String, min: Double, max: Double) throws -> [Double] {
        guard min.isFinite, max.isFinite, min < max else { throw ReliabilityError.invalidScale(min: min, max: max) }
        if let stray = values.first(where: { $0 < min || $0 > max }) {
            throw ReliabilityError.outsideScale(item: item, value: stray, min: min, max: max)
        }
        return values.map { min + max - $0 }
    }

    /// Throws the ``ReliabilityError`` of an analysis that cannot be made whatever the data.
    private static func validate(itemCount k: Int, names: [String], confidenceLevel: Double) throws {
        guard k >= 2 else { throw ReliabilityError.tooFewItems(k) }
        guard names.count == k else { throw ReliabilityError.nameCount(names: names.count, items: k) }
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw ReliabilityError.confidenceLevel(confidenceLevel) }
    }
}
