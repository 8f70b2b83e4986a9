import ComputeSupport

/// Raking (iterative proportional fitting) of weights to population margins (Deming & Stephan
/// 1940, "On a least squares adjustment of a sampled frequency table when the expected marginal
/// totals are known", *Ann. Math. Stat.* 11:427; Lumley 2010, *Complex Surveys*, §7.4).
///
/// One cycle multiplies, margin after margin, every weight of level l by T_l / Σ_{k∈l} wₖ, so that
/// the margin just visited is met exactly. With a cap c, every weight is then trimmed to at most
/// c·T/n (T the common total of the targets, so T/n the mean weight, fixed by the margins) and the
/// next cycle re-rakes. Cycles repeat until, after a whole cycle and its trimming, every margin is
/// within `tolerance` relative to its target (max |achieved − target|/target), or `maxIterations`
/// cycles have run: then the result says it did not converge.
///
/// R's `survey::rake` stops when the weights change by less than `epsilon`·Σw between cycles
/// (default epsilon 1, i.e. early); the same weights to 1e-10 with
/// `control = list(epsilon = 1e-12, maxit = 1000)` (`Tests/SurveyStatsTests/Fixtures/raking`).
public enum Raking {
    /// - Parameters:
    ///   - margins: the margins, each with one level per row (all of one length n ≥ 1).
    ///   - baseWeights: the weights to start from (≥ 0), or `nil` for 1 each.
    ///   - cap: the largest weight as a multiple of the mean weight (> 1), or `nil`.
    /// - Throws: ``RakingError``.
    public static func rake(_ margins: [RakingMargin], baseWeights: [Double]? = nil, cap: Double? = nil,
                            tolerance: Double = 1e-10, maxIterations: Int = 1000) throws -> RakingResult {
        let n = margins.first?.rowLevels.count ?? 0
        guard n > 0, margins.allSatisfy({ $0.rowLevels.count == n }) else {
            throw RakingError.invalidBaseWeights("expected at least one row and one margin")
        }
        var weights = baseWeights ?? [Double](repeating: 1, count: n)
        guard weights.count == n, weights.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw RakingError.invalidBaseWeights("expected one finite base weight ≥ 0 per row")
        }
        for margin in margins {
            let sums = levelSums(margin, weights)
            let rows = levelRows(margin)
            for (l, level) in margin.levels.enumerated() {
                if margin.targets[l] > 0, !(sums[l] > 0) { throw RakingError.emptyCell(margin: margin.name, level: level, target: margin.targets[l]) }
                if margin.targets[l] == 0, rows[l] > 0 { throw RakingError.zeroTarget(margin: margin.name, level: level, rows: rows[l]) }
            }
        }
        var grandTotal = CompensatedSum()
        for target in margins[0].targets { grandTotal.add(target) }
        let capWeight = cap.map { $0 * grandTotal.value / Double(n) }

        var iterations = 0
        var deviation = Double.infinity
        while iterations < maxIterations {
            iterations += 1
            for margin in margins {
                let sums = levelSums(margin, weights)
                let factors = zip(margin.targets, sums).map { $1 > 0 ? $0 / $1 : 0 }
                for k in 0..<n { weights[k] *= factors[margin.rowLevels[k]] }
            }
            if let capWeight {
                for k in 0..<n where weights[k] > capWeight { weights[k] = capWeight }
            }
            deviation = maxDeviation(margins, weights)
            if deviation <= tolerance { break }
        }
        let achieved = margins.flatMap { margin in
            let sums = levelSums(margin, weights)
            let rows = levelRows(margin)
            return margin.levels.indices.map {
                RakingResult.MarginLevel(margin: margin.name, level: margin.levels[$0], target: margin.targets[$0],
                                         achieved: sums[$0], rows: rows[$0])
            }
        }
        return RakingResult(weights: weights, converged: deviation <= tolerance, iterations: iterations,
                            maxRelativeDeviation: deviation, tolerance: tolerance, capWeight: capWeight,
                            cappedRows: capWeight.map { c in weights.filter { $0 >= c }.count } ?? 0,
                            margins: achieved, distribution: WeightDistribution(weights))
    }

    /// Σw per level of `margin`, by compensated sums.
    private static func levelSums(_ margin: RakingMargin, _ weights: [Double]) -> [Double] {
        var sums = [CompensatedSum](repeating: CompensatedSum(), count: margin.levels.count)
        for (k, level) in margin.rowLevels.enumerated() { sums[level].add(weights[k]) }
        return sums.map(\.value)
    }

    private static func levelRows(_ margin: RakingMargin) -> [Int] {
        var rows = [Int](repeating: 0, count: margin.levels.count)
        for level in margin.rowLevels { rows[level] += 1 }
        return rows
    }

    /// max |achieved − target|/target over the levels with a positive target.
    private static func maxDeviation(_ margins: [RakingMargin], _ weights: [Double]) -> Double {
        var deviation = 0.0
        for margin in margins {
            for (target, achieved) in zip(margin.targets, levelSums(margin, weights)) where target > 0 {
                deviation = Swift.max(deviation, abs(achieved - target) / target)
            }
        }
        return deviation
    }
}
