import ComputeSupport
import GSL

extension OneWayANOVA {
    /// The summary of one level, computed from the tally of its distinct values only (never the
    /// cases): n, the mean and Σ(y − ȳ)² by the corrected two-pass algorithm over the distinct
    /// values (Chan, Golub & LeVeque 1983, "Algorithms for computing the sample variance",
    /// *Am. Stat.* 37:242) and the median from the counts.
    ///
    /// Pass 1: S = Σcⱼyⱼ, each product split exactly into its rounded value and error by fused
    /// multiply–add and both added to a compensated (Neumaier) sum, so S is as accurate as summing
    /// every case; m = S/n. Pass 2: ȳ = m + Σcⱼ(yⱼ − m)/n (the mean deviation corrects m's rounding).
    /// Pass 3: Σcⱼ(yⱼ − ȳ)², compensated. This keeps the NIST StRD ANOVA digits (`NISTAnovaTests`).
    struct GroupSample {
        let tally: ValueTally
        let mean: Double
        let sumOfSquares: Double

        init(_ tally: ValueTally) {
            self.tally = tally
            let n = Double(tally.count)
            guard n > 0 else { mean = 0; sumOfSquares = 0; return }
            func weightedSum(_ term: (Double) -> Double) -> Double {
                var sum = CompensatedSum()
                for (value, count) in zip(tally.values, tally.counts) {
                    let x = term(value), c = Double(count)
                    let product = x * c
                    sum.add(product)
                    sum.add((-product).addingProduct(x, c))   // x·c − product, exact by FMA
                }
                return sum.value
            }
            var m = weightedSum { $0 } / n
            let shift = m
            m += weightedSum { $0 - shift } / n
            let centre = m
            mean = m
            sumOfSquares = weightedSum { ($0 - centre) * ($0 - centre) }
        }

        var n: Int { tally.count }
        /// Sample variance (n − 1); `nil` when n < 2.
        var variance: Double? { n >= 2 ? sumOfSquares / Double(n - 1) : nil }
        var median: Double { tally.median ?? 0 }
    }

    /// The classical one-way F on groups: SS between Σnᵢ(ȳᵢ − ȳ)², SS within Σᵢ Σⱼ(yᵢⱼ − ȳᵢ)².
    struct ClassicalF {
        let ssBetween: Double
        let ssWithin: Double
        let dfBetween: Int
        let dfWithin: Int

        init(_ groups: [GroupSample]) {
            let total = groups.reduce(0) { $0 + $1.n }
            var weighted = CompensatedSum()
            for g in groups { weighted.add(Double(g.n) * g.mean) }
            let grand = weighted.value / Double(total)
            var between = CompensatedSum(), within = CompensatedSum()
            for g in groups {
                let d = g.mean - grand
                between.add(Double(g.n) * d * d)
                within.add(g.sumOfSquares)
            }
            ssBetween = between.value
            ssWithin = within.value
            dfBetween = groups.count - 1
            dfWithin = total - groups.count
        }

        var msBetween: Double { ssBetween / Double(dfBetween) }
        var msWithin: Double { ssWithin / Double(dfWithin) }

        /// F and p; `nil` when MS within is 0 or there are no within df.
        var test: AnovaResult.FTest? {
            guard dfWithin > 0, dfBetween > 0, ssWithin > 0 else { return nil }
            let f = msBetween / msWithin
            return AnovaResult.FTest(statistic: f, df: Double(dfBetween), dfResidual: Double(dfWithin),
                                     pValue: FisherF.upperTail(f, df1: Double(dfBetween), df2: Double(dfWithin)))
        }
    }
}
