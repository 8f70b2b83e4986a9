import GSL

/// Weighted means and totals, with standard errors by weight type:
///
/// - sampling weights, design-based (Lumley 2010, *Complex Surveys*, §2.2, §2.3; R `svymean`,
///   `svytotal`): x̄ = Σwx/Σw with linearised PSU totals z_hi = W_hi(x̄_hi − x̄)/W and the total
///   Σwx with z_hi = W_hi·x̄_hi, each through ``DesignSums/linearisedVariance(dimension:influence:squaredInfluence:)``
///   (with-replacement PSUs, fpc). Design effect against simple random sampling of the same n
///   (R `deff = TRUE`): V / (s²_w/n·(W − n)/W) with s²_w = n/(n − 1)·Σw(x − x̄)²/W (R `svyvar`), and
///   with replacement V / (s²_w/n);
/// - frequency weights (rows replicated): SE² = Σw(x − x̄)² / (W(W − 1)), df = W − 1;
/// - analytic weights (rescaled to sum to n): SE² = Σw(x − x̄)² / (W(n − 1)), df = n − 1 (Stata
///   `mean [aweight]`, R `summary(lm(x ~ 1, weights = w))`), and the total n·x̄ (a level's weighted
///   count as Stata's `tabulate [aweight]` shows it).
///
/// Kish's effective n = (Σw)²/Σw² and design effect 1 + CV² (Kish 1965, *Survey Sampling*, §11.7)
/// under sampling weights. Under the other types the effective n is the n of the SEs and df above,
/// with design effect 1: frequency weights make the rows stand for Σw rows of weight 1 (Σw, SPSS
/// WEIGHT BY's N); analytic weights are precisions, not selection probabilities, so unequal weights
/// lose nothing and the n is the rows' (Stata `mean [aweight]` reports n and no effective n).
/// Intervals: x̄ ± t(df)·SE, df the design df (R `confint(svymean(...), df = degf(design))`).
///
/// Tested against R 4.2.2, survey 4.1.1 (`Fixtures/design/design.R`).
public enum DesignMeans {
    /// The estimates of each of `sums`' variables, named by `names`.
    /// - Throws: ``DesignError``.
    public static func estimate(_ sums: DesignSums, names: [String], confidenceLevel: Double = 0.95) throws -> DesignMeansResult {
        precondition(names.count == sums.variableCount, "one name per variable")
        let all = sums.pooled
        let n = all.count
        guard n >= 2, all.weightSum > 0 else { throw DesignError.tooFewObservations(n: n, parameters: 1) }
        let p = sums.variableCount
        let w = all.weightSum
        let df = sums.degreesOfFreedom
        let tQuantile = StudentT.quantile(1 - (1 - confidenceLevel) / 2, df: df)
        var meanVariance = [Double](repeating: 0, count: p)
        var totalVariance: [Double]?
        switch sums.weightType {
        case .sampling:
            // Rows as PSUs: Σw²(x − x̄)(x − x̄)ᵀ/W² and Σw²xxᵀ from the w²-moments (S, μ, C), whose
            // means are about the origin c when the sums keep fourth moments.
            let origin = sums.origin.isEmpty ? [Double](repeating: 0, count: p) : Array(sums.origin.prefix(p))
            let v = try sums.linearisedVariance(dimension: p, influence: { cell in
                (0..<p).map { cell.weightSum * (cell.means[$0] - all.means[$0]) / w }
            }, squaredInfluence: { squared in
                (0..<(p * p)).map { ab in
                    let (a, b) = (ab / p, ab % p)
                    return (squared.coMoment(a, b) + squared.weightSum * (squared.means[a] + (origin[a] - all.means[a])) * (squared.means[b] + (origin[b] - all.means[b]))) / (w * w)
                }
            })
            meanVariance = (0..<p).map { v[$0 * p + $0] }
            let t = try sums.linearisedVariance(dimension: p, influence: { cell in (0..<p).map { cell.weightSum * cell.means[$0] } },
                                                squaredInfluence: { squared in
                (0..<(p * p)).map { ab in
                    let (a, b) = (ab / p, ab % p)
                    return squared.coMoment(a, b) + squared.weightSum * (squared.means[a] + origin[a]) * (squared.means[b] + origin[b])
                }
            })
            totalVariance = (0..<p).map { t[$0 * p + $0] }
        case .frequency:
            meanVariance = (0..<p).map { all.coMoment($0, $0) / (w * (w - 1)) }
        case .analytic:
            meanVariance = (0..<p).map { all.coMoment($0, $0) / (w * Double(n - 1)) }
        }
        let count = Double(n)
        let rows = (0..<p).map { j -> DesignMeansResult.Row in
            let se = meanVariance[j].squareRoot()
            let srsVariance = count / (count - 1) * all.coMoment(j, j) / w / count
            // A constant (a level nobody or everybody chose) has no design effect: 0/0 (R: NaN).
            let hasDesignEffect = sums.weightType == .sampling && srsVariance > 0
            return DesignMeansResult.Row(
                name: names[j], mean: all.means[j], stdError: se,
                confLow: all.means[j] - tQuantile * se, confHigh: all.means[j] + tQuantile * se,
                total: (sums.weightType == .analytic ? count : w) * all.means[j], totalStdError: totalVariance.map { $0[j].squareRoot() },
                designEffect: hasDesignEffect && w > count ? meanVariance[j] / (srsVariance * (w - count) / w) : nil,
                designEffectWithReplacement: hasDesignEffect ? meanVariance[j] / srsVariance : nil)
        }
        let effectiveN: Double
        switch sums.weightType {
        case .sampling: effectiveN = w * w / all.squaredWeightSum
        case .frequency: effectiveN = w
        case .analytic: effectiveN = count
        }
        return DesignMeansResult(weightType: sums.weightType, n: n, weightSum: w, effectiveN: effectiveN,
                                 kishDesignEffect: sums.weightType == .sampling ? count / effectiveN : 1, df: df, confLevel: confidenceLevel, rows: rows)
    }
}
