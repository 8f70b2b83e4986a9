import GSL

/// One-way analysis of variance of a numeric variable across the levels of a factor, with the
/// group table, effect sizes, tests of equal variances, robust tests of equal means, the
/// Kruskal–Wallis test and two post-hoc procedures.
///
/// With k non-empty groups of nᵢ cases, N = Σnᵢ, group means ȳᵢ and grand mean ȳ:
/// SS_between = Σ nᵢ(ȳᵢ − ȳ)² on k − 1 df, SS_within = Σᵢ Σⱼ (yᵢⱼ − ȳᵢ)² on N − k df,
/// F = MS_between/MS_within with p = P(F(k − 1, N − k) > F) (Maxwell & Delaney 2004, *Designing
/// Experiments and Analyzing Data*, ch. 3); η² = SS_between/SS_total; ω² = (SS_between −
/// (k − 1)MS_within)/(SS_total + MS_within) (Hays 1963). Each group mean is a compensated sum
/// corrected by its mean deviation and each SS a second pass, so that the NIST StRD ANOVA sets keep
/// ≥ 9 digits (`NISTAnovaTests`). Tests of equal variances: ``Levene``; Welch's F and Brown–Forsythe
/// F*: ``WelchANOVA``, ``BrownForsytheMeans``; ``KruskalWallisTest``; post hoc: ``TukeyHSD``,
/// ``GamesHowell``.
///
/// Tested against NIST StRD and R 4.2.2 (`aov`, `oneway.test`, `car::leveneTest`, `kruskal.test`,
/// `TukeyHSD`), statsmodels 0.15.0 `anova_oneway(use_var="bf")` and pingouin 0.7.0
/// `pairwise_gameshowell` (`OneWayANOVATests`).
public enum OneWayANOVA {
    /// Runs the analysis on cases: validates them, tallies each level's values and calls
    /// ``run(tallies:levels:factor:excludedWithoutLevel:confidenceLevel:postHoc:)``.
    /// - Parameters:
    ///   - values: the dependent variable, `Double.nan` = missing.
    ///   - groups: 0-based level index per case, `-1` = missing.
    ///   - levels: level names in codebook order (the group table keeps this order).
    ///   - factor: the factor's name, the `term` of the first ANOVA row.
    ///   - confidenceLevel: for the group means and the post-hoc intervals.
    ///   - postHoc: compute Tukey–Kramer and Games–Howell (a studentized-range quantile per
    ///     comparison set or df and a tail per pair, about a millisecond each); `false` leaves both
    ///     arrays empty.
    ///   - offset: `values` are deviations from it (values that share leading digits, read exactly
    ///     as SurveyData's `CenteredDecimals`); added back to the group means and their intervals,
    ///     while every other statistic is invariant to it.
    /// - Throws: ``OneWayANOVAError``.
    public static func run(values: [Double], groups: [Int], levels: [String], factor: String = "Group",
                           confidenceLevel: Double = 0.95, postHoc: Bool = true, offset: Double = 0) throws -> AnovaResult {
        guard values.count == groups.count else {
            throw OneWayANOVAError.lengthMismatch(values: values.count, groups: groups.count)
        }
        var buckets = [[Double]](repeating: [], count: levels.count)
        var withoutLevel = 0
        for i in values.indices {
            let code = groups[i]
            guard code == -1 || (0..<levels.count).contains(code) else {
                throw OneWayANOVAError.invalidLevelCode(case: i, code: code, levelCount: levels.count)
            }
            if values[i].isInfinite { throw OneWayANOVAError.nonFiniteValue(case: i) }
            if code == -1 { withoutLevel += 1 } else { buckets[code].append(values[i]) }
        }
        return try run(tallies: buckets.map { ValueTally($0) }, levels: levels, factor: factor,
                       excludedWithoutLevel: withoutLevel, confidenceLevel: confidenceLevel, postHoc: postHoc, offset: offset)
    }

    /// Runs the analysis on one ``ValueTally`` per level — the exact, mergeable summary, so the
    /// tallies of the parts of a wave merged with `+` give the same result as its cases. Every
    /// statistic comes from the tallies: means and SS by the corrected two-pass sums over the
    /// distinct values, medians and Kruskal–Wallis midranks from the counts.
    /// - Parameters:
    ///   - tallies: the values of each level, in the order of `levels`; a tally's `missing` cases
    ///     (level known, value missing) count as excluded.
    ///   - levels: level names in codebook order (the group table keeps this order).
    ///   - factor: the factor's name, the `term` of the first ANOVA row.
    ///   - excludedWithoutLevel: cases whose level is missing, added to `excludedCases`.
    ///   - confidenceLevel: for the group means and the post-hoc intervals.
    ///   - postHoc: compute Tukey–Kramer and Games–Howell; `false` leaves both arrays empty.
    ///   - offset: the tallied values are deviations from it; added back to the group means and
    ///     their intervals (see ``run(values:groups:levels:factor:confidenceLevel:postHoc:offset:)``).
    /// - Throws: ``OneWayANOVAError``.
    public static func run(tallies: [ValueTally], levels: [String], factor: String = "Group",
                           excludedWithoutLevel: Int = 0, confidenceLevel: Double = 0.95,
                           postHoc: Bool = true, offset: Double = 0) throws -> AnovaResult {
        precondition(excludedWithoutLevel >= 0, "excludedWithoutLevel cannot be negative")
        guard tallies.count == levels.count else {
            throw OneWayANOVAError.tallyCountMismatch(tallies: tallies.count, levels: levels.count)
        }
        for (level, tally) in zip(levels, tallies) {
            if let value = tally.values.first(where: { $0.isInfinite }) {
                throw OneWayANOVAError.nonFiniteTalliedValue(level: level, value: value)
            }
        }
        let excluded = excludedWithoutLevel + tallies.reduce(0) { $0 + $1.missing }
        let samples = tallies.map(GroupSample.init)
        let used = levels.indices.filter { samples[$0].n > 0 }
        guard used.count >= 2 else { throw OneWayANOVAError.fewerThanTwoGroups(nonEmpty: used.map { levels[$0] }) }
        let groupsUsed = used.map { samples[$0] }
        let names = used.map { levels[$0] }
        let distinctValues = Set(groupsUsed.lazy.flatMap(\.tally.values))
        if distinctValues.count == 1, let value = distinctValues.first { throw OneWayANOVAError.constantResponse(value: value) }
        let classical = ClassicalF(groupsUsed)
        let n = groupsUsed.reduce(0) { $0 + $1.n }
        guard classical.dfWithin > 0 else {
            throw OneWayANOVAError.noWithinGroupDegreesOfFreedom(n: n, groups: used.count)
        }
        guard let f = classical.test else { throw OneWayANOVAError.zeroWithinGroupVariance }

        let ssTotal = classical.ssBetween + classical.ssWithin
        let msWithin = classical.msWithin
        let anova = [
            AnovaTableRow(term: factor, df: classical.dfBetween, sumsq: classical.ssBetween,
                          meansq: classical.msBetween, statistic: f.statistic, pValue: f.pValue),
            AnovaTableRow(term: "Residuals", df: classical.dfWithin, sumsq: classical.ssWithin,
                          meansq: msWithin, statistic: nil, pValue: nil),
        ]
        let table = zip(levels, samples).map { level, sample in
            groupRow(level: level, sample: sample, confidenceLevel: confidenceLevel, offset: offset)
        }
        return AnovaResult(
            factor: factor, nobs: n, excludedCases: excluded, anova: anova, groups: table,
            etaSquared: classical.ssBetween / ssTotal,
            omegaSquared: (classical.ssBetween - Double(classical.dfBetween) * msWithin) / (ssTotal + msWithin),
            levene: Levene.test(groupsUsed, center: .mean),
            brownForsythe: Levene.test(groupsUsed, center: .median),
            welch: WelchANOVA.test(groupsUsed),
            brownForsytheMeans: BrownForsytheMeans.test(groupsUsed),
            kruskalWallis: KruskalWallisTest.test(groupsUsed),
            tukey: !postHoc ? [] : TukeyHSD.compare(groupsUsed, names: names, meanSquareWithin: msWithin,
                                    dfWithin: Double(classical.dfWithin), confidenceLevel: confidenceLevel),
            gamesHowell: !postHoc ? [] : GamesHowell.compare(groupsUsed, names: names, confidenceLevel: confidenceLevel))
    }

    /// n, mean, SD, SE = SD/√n and mean ∓ t(1 − α/2, n − 1)·SE of one level (``SampleSummary``), the
    /// sample's values being deviations from `offset`.
    static func groupRow(level: String, sample: GroupSample, confidenceLevel: Double, offset: Double = 0) -> AnovaResult.Group {
        let summary = SampleSummary(n: sample.n, mean: sample.n > 0 ? offset + sample.mean : nil, sd: sample.variance?.squareRoot())
        let interval = summary.confidenceInterval(level: confidenceLevel)
        return AnovaResult.Group(level: level, n: summary.n, mean: summary.mean, sd: summary.sd, stdError: summary.standardError,
                                 confLow: interval?.lowerBound, confHigh: interval?.upperBound)
    }
}
