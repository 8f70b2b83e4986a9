import ComputeSupport

extension DesignSums {
    /// The with-replacement Taylor-linearisation variance of a statistic whose linearised PSU
    /// totals (influence totals) are `influence(moments)`, a vector of d values per PSU
    /// (Lumley 2010, *Complex Surveys*, appendix C.1; R `survey:::onestrat`):
    ///
    /// V = Σ_h (1 − f_h)·n_h/(n_h − 1)·Σ_i (u_hi − ū_h)(u_hi − ū_h)ᵀ,
    ///
    /// n_h the stratum's PSUs (empty ones included), 1 − f_h = (N_h − n_h)/N_h for a population size
    /// N_h > 1, 1 − f_h for a sampling fraction f_h ≤ 1, and 1 without fpc. A stratum whose
    /// 1 − f_h < 10⁻⁷ (a census) adds nothing, as in R.
    /// - Returns: V, d × d, row-major.
    /// - Throws: ``DesignError/lonelyPSU(stratum:)`` (as `options(survey.lonely.psu = "fail")`),
    ///   ``DesignError/invalidPopulationSize(stratum:value:sampledPSUs:)``, or a conflict found while
    ///   building or merging.
    func linearisedVariance(dimension d: Int, influence: (WeightedMoments) -> [Double]) throws -> [Double] {
        if let problem = inconsistentPopulationSize { throw problem }
        var variance = [Double](repeating: 0, count: d * d)
        let strata = Dictionary(grouping: sortedCells, by: \.cell.stratum).sorted { $0.key < $1.key }
        for (stratum, members) in strata {
            let n = members.count
            let sampledShare = try finiteCorrection(stratum: stratum, sampledPSUs: n)
            if sampledShare < 1e-7 { continue }
            guard n > 1 else { throw DesignError.lonelyPSU(stratum: stratum) }
            let totals = members.map { influence($0.moments) }
            var centre = [CompensatedSum](repeating: CompensatedSum(), count: d)
            for u in totals { for a in 0..<d { centre[a].add(u[a]) } }
            let mean = centre.map { $0.value / Double(n) }
            let scale = sampledShare * Double(n) / Double(n - 1)
            var products = [CompensatedSum](repeating: CompensatedSum(), count: d * d)
            for u in totals {
                for a in 0..<d {
                    for b in a..<d { products[a * d + b].add((u[a] - mean[a]) * (u[b] - mean[b])) }
                }
            }
            for a in 0..<d {
                for b in a..<d {
                    variance[a * d + b] += scale * products[a * d + b].value
                    variance[b * d + a] = variance[a * d + b]
                }
            }
        }
        return variance
    }

    /// 1 − f_h for a stratum of `sampledPSUs` PSUs.
    private func finiteCorrection(stratum: String, sampledPSUs n: Int) throws -> Double {
        guard let size = populationSizes[stratum] else { return 1 }
        guard size > 0, size.isFinite, size <= 1 || size >= Double(n) else {
            throw DesignError.invalidPopulationSize(stratum: stratum, value: size, sampledPSUs: n)
        }
        return size <= 1 ? 1 - size : (size - Double(n)) / size
    }
}
