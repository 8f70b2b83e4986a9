import GSL

extension OneWayANOVA {
    /// The values of one level and their summaries: mean (compensated sum corrected by the mean
    /// deviation), Σ(y − ȳ)² by a second pass, and the median.
    struct GroupSample {
        let values: [Double]
        let mean: Double
        let sumOfSquares: Double

        init(_ values: [Double]) {
            self.values = values
            guard !values.isEmpty else { mean = 0; sumOfSquares = 0; return }
            let n = Double(values.count)
            var sum = CompensatedSum()
            for v in values { sum.add(v) }
            var m = sum.value / n
            var deviation = CompensatedSum()
            for v in values { deviation.add(v - m) }
            m += deviation.value / n
            var squares = CompensatedSum()
            for v in values { let d = v - m; squares.add(d * d) }
            mean = m
            sumOfSquares = squares.value
        }

        var n: Int { values.count }
        /// Sample variance (n − 1); `nil` when n < 2.
        var variance: Double? { n >= 2 ? sumOfSquares / Double(n - 1) : nil }

        var median: Double {
            let sorted = values.sorted()
            let mid = sorted.count / 2
            return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
        }
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
