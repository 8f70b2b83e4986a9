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
    ///
    /// When each row is its own PSU, Σ_i (u_i − ū)(u_i − ū)ᵀ = Σ_i u_iu_iᵀ − n_h·ūūᵀ, with Σ_i u_i =
    /// `influence` of the stratum's moments and Σ_i u_iu_iᵀ = `squaredInfluence` of its w²-moments
    /// (``RowPSUSums``), d × d row-major.
    /// - Returns: V, d × d, row-major.
    /// - Throws: ``DesignError/lonelyPSU(stratum:)`` (as `options(survey.lonely.psu = "fail")`),
    ///   ``DesignError/invalidPopulationSize(stratum:value:sampledPSUs:)``, or a conflict found while
    ///   building or merging.
    func linearisedVariance(dimension d: Int, influence: (WeightedMoments) -> [Double],
                            squaredInfluence: (WeightedMoments) -> [Double]) throws -> [Double] {
        if let problem = inconsistentPopulationSize { throw problem }
        var variance = [Double](repeating: 0, count: d * d)
        func addStratum(_ stratum: Double, psuCount n: Int, products: (_ mean: [Double]) -> [Double], totals: [Double]) throws {
            let sampledShare = try finiteCorrection(stratum: stratum, sampledPSUs: n)
            if sampledShare < 1e-7 { return }
            guard n > 1 else { throw DesignError.lonelyPSU(stratum: name(of: stratum)) }
            let mean = totals.map { $0 / Double(n) }
            let centred = products(mean)
            let scale = sampledShare * Double(n) / Double(n - 1)
            for a in 0..<d {
                for b in a..<d {
                    variance[a * d + b] += scale * centred[a * d + b]
                    variance[b * d + a] = variance[a * d + b]
                }
            }
        }
        if rowsArePSUs {
            for (stratum, sums) in rowStrata.sorted(by: { $0.key < $1.key }) {
                let total = cells[Cell(stratum: stratum, psu: 0)].map(influence) ?? [Double](repeating: 0, count: d)
                let n = sums.rows
                try addStratum(stratum, psuCount: n, products: { mean in
                    let raw = sums.squared.count > 0 ? squaredInfluence(sums.squared) : [Double](repeating: 0, count: d * d)
                    return (0..<(d * d)).map { raw[$0] - Double(n) * mean[$0 / d] * mean[$0 % d] }
                }, totals: total)
            }
            return variance
        }
        let strata = Dictionary(grouping: sortedCells, by: \.cell.stratum).sorted { $0.key < $1.key }
        for (stratum, members) in strata {
            let totals = members.map { influence($0.moments) }
            var sum = [CompensatedSum](repeating: CompensatedSum(), count: d)
            for u in totals { for a in 0..<d { sum[a].add(u[a]) } }
            try addStratum(stratum, psuCount: members.count, products: { mean in
                var products = [CompensatedSum](repeating: CompensatedSum(), count: d * d)
                for u in totals {
                    for a in 0..<d {
                        for b in a..<d { products[a * d + b].add((u[a] - mean[a]) * (u[b] - mean[b])) }
                    }
                }
                return products.map(\.value)
            }, totals: sum.map(\.value))
        }
        return variance
    }

    /// 1 − f_h for a stratum of `sampledPSUs` PSUs.
    private func finiteCorrection(stratum: Double, sampledPSUs n: Int) throws -> Double {
        guard let size = populationSizes[stratum] else { return 1 }
        guard size > 0, size.isFinite, size <= 1 || size >= Double(n) else {
            throw DesignError.invalidPopulationSize(stratum: name(of: stratum), value: size, sampledPSUs: n)
        }
        return size <= 1 ? 1 - size : (size - Double(n)) / size
    }
}
