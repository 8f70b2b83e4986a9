import SurveyStats

/// Compares waves variable by variable from their tallies (``WaveTallies``): mean, SD and n by
/// wave with t-based 95% CIs (``SampleSummary``), the classical one-way ANOVA and Welch's F across
/// waves with η² and ω² (``OneWayANOVA``), and the change from the first to the last wave with its
/// Welch CI and Hedges' g (``MeanDifference``).
///
/// Tested against R 4.2.2 `aov`, `oneway.test(var.equal = FALSE)` and `t.test(var.equal = FALSE)` on
/// the fixture waves `Tests/Fixtures/waves` (`WaveComparisonTests`).
public enum WaveComparison {
    /// The comparison of every variable of the first wave's tallies, in that order.
    public static func compare(_ waves: [WaveTallies], confidenceLevel: Double = 0.95) -> [VariableComparison] {
        guard let first = waves.first else { return [] }
        return first.variables.map { variable in
            let tallies = waves.map { wave in wave.variables.first { $0.name == variable.name }?.tally ?? ValueTally() }
            let summaries = tallies.map { SampleSummary($0.moments) }
            var comparison = VariableComparison(
                name: variable.name, label: variable.label, isScale: variable.isScale,
                waves: zip(waves, zip(tallies, summaries)).map { wave, pair in
                    let interval = pair.1.confidenceInterval(level: confidenceLevel)
                    return .init(wave: wave.wave, n: pair.1.n, missing: pair.0.missing, mean: pair.1.mean, sd: pair.1.sd,
                                 stdError: pair.1.standardError, confLow: interval?.lowerBound, confHigh: interval?.upperBound)
                })
            guard waves.count >= 2 else { return comparison }
            do {
                let anova = try betweenWaves(tallies, waves: waves.map(\.wave), confidenceLevel: confidenceLevel)
                comparison.betweenWaves = .init(anova: anova.anova, welch: anova.welch,
                                                etaSquared: anova.etaSquared, omegaSquared: anova.omegaSquared)
            } catch {
                comparison.betweenWavesError = "\(error)"
            }
            comparison.change = MeanDifference.welch(from: summaries[0], to: summaries[summaries.count - 1],
                                                     confidenceLevel: confidenceLevel)
            return comparison
        }
    }

    /// The one call of the ANOVA in a comparison: the waves are the levels, each given by its tally,
    /// so that no wave's values are ever expanded.
    static func betweenWaves(_ tallies: [ValueTally], waves: [String], confidenceLevel: Double) throws -> AnovaResult {
        try OneWayANOVA.run(tallies: tallies, levels: waves, factor: "Wave", confidenceLevel: confidenceLevel, postHoc: false)
    }
}
