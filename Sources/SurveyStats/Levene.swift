import GSL

/// Levene's test of equal variances and its Brown–Forsythe variant: the one-way ANOVA F of the
/// absolute deviations zᵢⱼ = |yᵢⱼ − cᵢ| from each group's centre cᵢ, on (k − 1, N − k) df.
/// cᵢ = mean (Levene 1960, in *Contributions to Probability and Statistics*, 278–292) or median
/// (Brown & Forsythe 1974, "Robust tests for the equality of variances", *JASA* 69:364).
///
/// Tested against R 4.2.2 `car::leveneTest(y ~ g, center = mean)` and `center = median`, car 3.1-1.
enum Levene {
    enum Center { case mean, median }

    /// `nil` when the absolute deviations have no within-group variance (every group constant
    /// around its centre) or there are no within-group df.
    static func test(_ groups: [OneWayANOVA.GroupSample], center: Center) -> AnovaResult.FTest? {
        let deviations = groups.map { group -> OneWayANOVA.GroupSample in
            let c = center == .mean ? group.mean : group.median
            // The tally of the |y − c|: values symmetric about c fall together.
            return OneWayANOVA.GroupSample(ValueTally(values: group.tally.values.map { abs($0 - c) },
                                                      counts: group.tally.counts))
        }
        return OneWayANOVA.ClassicalF(deviations).test
    }
}
