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
/// All of it comes from the items' mergeable ``CoMoments`` (Cᵢⱼ = (n − 1)·Sᵢⱼ), so a wave can be
/// summarised in parts and the parts merged.
///
/// Tests: R 4.2.2 `psych::alpha(na.omit(items), check.keys = FALSE)` and `psych::alpha.ci`
/// (psych 2.2.9); the interval also against pingouin 0.7.0 `cronbach_alpha` / scipy 1.17.1 `f.isf`.
public enum Reliability {
    /// Analyses `items` (one column per item, `Double.nan` for missing, already reverse-keyed where
    /// needed; see ``reverseKeyed(_:min:max:)``), named `names`: builds their ``CoMoments`` and
    /// analyses those.
    /// - Throws: ``ReliabilityError`` for fewer than two items, columns of different lengths or a
    ///   wrong number of names, or a confidence level outside (0, 1).
    public static func cronbachAlpha(_ items: [[Double]], names: [String], confidenceLevel: Double = 0.95) throws -> ReliabilityResult {
        try validate(itemCount: items.count, names: names, confidenceLevel: confidenceLevel)
        guard Set(items.map(\.count)).count == 1 else {
            throw ReliabilityError.unequalLengths(names: names, lengths: items.map(\.count))
        }
        return try cronbachAlpha(CoMoments(columns: items), names: names, confidenceLevel: confidenceLevel)
    }

    /// Analyses the items summarised by `summary` (e.g. merged from parts of a wave), named
    /// `names`; n is `summary.count` and the excluded rows `summary.incomplete`.
    /// - Throws: ``ReliabilityError`` for fewer than two items, a wrong number of names, or a
    ///   confidence level outside (0, 1).
    public static func cronbachAlpha(_ summary: CoMoments, names: [String], confidenceLevel: Double = 0.95) throws -> ReliabilityResult {
        let k = summary.variableCount
        try validate(itemCount: k, names: names, confidenceLevel: confidenceLevel)
        let n = summary.count
        guard n >= 2 else {
            let warning = ReliabilityWarning(
                kind: .tooFewCases, item: nil,
                message: "Only \(n) respondent\(n == 1 ? "" : "s") answered every item; α needs at least 2.")
            return ReliabilityResult(
                n: n, k: k, nExcluded: summary.incomplete, alpha: nil, standardizedAlpha: nil, meanInterItemCorrelation: nil,
                confLow: nil, confHigh: nil, confLevel: confidenceLevel,
                items: names.enumerated().map { i, name in
                    .init(name: name, mean: n == 1 ? summary.means[i] : nil, sd: nil, rDrop: nil, alphaIfDeleted: nil)
                },
                warnings: [warning])
        }

        let sums = CoMomentSums(summary)
        let alpha = sums.alpha
        var warnings: [ReliabilityWarning] = []

        var correlations: [Double] = []
        for i in 0..<k { for j in (i + 1)..<k { if let r = summary.correlation(i, j) { correlations.append(r) } } }
        let rBar = correlations.count == k * (k - 1) / 2 ? correlations.reduce(0, +) / Double(correlations.count) : nil
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
            let itemVariance = summary.coMoment(i, i)
            let restVariance = sums.restTotal(without: i)
            let denominator = (itemVariance * restVariance).squareRoot()
            let rDrop = denominator > 0 ? Swift.max(-1, Swift.min(1, sums.covarianceWithRest(i) / denominator)) : nil
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
                name: names[i], mean: summary.means[i], sd: summary.covariance(i, i)?.squareRoot(),
                rDrop: rDrop, alphaIfDeleted: k >= 3 ? sums.alpha(without: i) : nil)
        }

        return ReliabilityResult(
            n: n, k: k, nExcluded: summary.incomplete, alpha: alpha, standardizedAlpha: standardized,
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

    /// The sums of the co-moment matrix C that α, r.drop and α-if-deleted need, in one O(k²) pass,
    /// so that every item's statistics follow in O(1) (not O(k²) each): the total T = ΣᵢΣⱼ Cᵢⱼ (the
    /// sum score's co-moment), the diagonal D = Σᵢ Cᵢᵢ and the row sums Rᵢ = Σⱼ Cᵢⱼ. Without item i:
    /// the rest score's co-moment is T − 2Rᵢ + Cᵢᵢ, the item's co-moment with it Rᵢ − Cᵢᵢ, and the
    /// diagonal D − Cᵢᵢ. Sums are compensated (the common factor 1/(n − 1) cancels throughout).
    struct CoMomentSums {
        let summary: CoMoments
        /// T and D with their compensations, so that T − 2Rᵢ + Cᵢᵢ and D − Cᵢᵢ are rounded once.
        let total: CompensatedSum
        let diagonal: CompensatedSum
        let rowSums: [Double]

        init(_ summary: CoMoments) {
            let k = summary.variableCount
            self.summary = summary
            var total = CompensatedSum(), diagonal = CompensatedSum()
            rowSums = (0..<k).map { i in
                var row = CompensatedSum()
                for j in 0..<k { row.add(summary.coMoment(i, j)) }
                total.add(row.value)
                diagonal.add(summary.coMoment(i, i))
                return row.value
            }
            self.total = total
            self.diagonal = diagonal
        }

        /// α = k/(k − 1)·(1 − D/T); `nil` when the sum score has zero variance.
        var alpha: Double? { Self.alpha(items: summary.variableCount, diagonal: diagonal.value, total: total.value) }

        /// α of the other k − 1 items; `nil` when their sum has zero variance.
        func alpha(without i: Int) -> Double? {
            var rest = diagonal
            rest.add(-summary.coMoment(i, i))
            return Self.alpha(items: summary.variableCount - 1, diagonal: rest.value, total: restTotal(without: i))
        }

        /// The co-moment of the sum of the items other than i: T − 2Rᵢ + Cᵢᵢ.
        func restTotal(without i: Int) -> Double {
            var rest = total
            rest.add(-2 * rowSums[i])
            rest.add(summary.coMoment(i, i))
            return rest.value
        }

        /// Item i's co-moment with the sum of the others: Rᵢ − Cᵢᵢ.
        func covarianceWithRest(_ i: Int) -> Double { rowSums[i] - summary.coMoment(i, i) }

        private static func alpha(items k: Int, diagonal: Double, total: Double) -> Double? {
            guard total > 0 else { return nil }
            return Double(k) / Double(k - 1) * (1 - diagonal / total)
        }
    }
}
