/// The mergeable summary of a weighted sample under a stratified cluster design: per stratum h and
/// PSU i the ``WeightedMoments`` of the rows (Σw, Σw², weighted means and co-moments of p
/// variables), and per stratum its population size (fpc).
///
/// Every design-based estimate of Lumley (2010, *Complex Surveys*, §2.2 and appendix C) is a
/// function of these cells: a ratio-type statistic's linearised PSU totals are
/// z_hi = W_hi·(x̄_hi − x̄)/W (for the mean; the totals of w·x and w suffice, as
/// Σ_{k∈hi} wₖ(xₖ − x̄) = T_x,hi − x̄·T_w,hi), a regression's are its PSU score totals, and all are formed
/// after the merge. Summaries of disjoint sets of rows merge with `+`, cell by cell, so shards give
/// the one-pass estimates (to rounding). A PSU whose rows are all missing or of weight 0 is kept
/// (with no rows) and still counts among its stratum's PSUs, as R `survey` does for a subset
/// (domain) of a design.
///
/// Frequency and analytic weights have no design: all rows go to one cell.
public struct DesignSums: Sendable, Equatable {
    /// A PSU within its stratum ("" when the design has no strata).
    public struct Cell: Hashable, Comparable, Sendable {
        public var stratum: String
        public var psu: String
        public init(stratum: String, psu: String) {
            self.stratum = stratum
            self.psu = psu
        }
        public static func < (a: Cell, b: Cell) -> Bool {
            (a.stratum, a.psu) < (b.stratum, b.psu)
        }
    }

    public let weightType: WeightType
    public let variableCount: Int
    public private(set) var cells: [Cell: WeightedMoments] = [:]
    /// Population size or sampling fraction per stratum (the fpc), when given.
    public private(set) var populationSizes: [String: Double] = [:]
    /// The first stratum found with two population sizes (reported when estimating).
    public private(set) var inconsistentPopulationSize: DesignError?

    public init(variableCount: Int, weightType: WeightType = .sampling) {
        self.variableCount = variableCount
        self.weightType = weightType
    }

    /// Adds one row: `values` (one per variable; a NaN anywhere leaves the row out but keeps its
    /// PSU), its `weight`, and for sampling weights its stratum, PSU (each row its own PSU when the
    /// design has none: pass a row identifier unique across shards) and population size.
    /// - Throws: ``DesignError/invalidWeight(value:weightType:)``,
    ///   ``DesignError/inconsistentPopulationSize(stratum:first:second:)``,
    ///   ``DesignError/designWithoutSamplingWeights(_:)``.
    public mutating func add(_ values: [Double], weight: Double, stratum: String = "", psu: String = "",
                             populationSize: Double? = nil) throws {
        guard weight.isFinite, weight >= 0, weightType != .frequency || weight.rounded() == weight else {
            throw DesignError.invalidWeight(value: weight, weightType: weightType)
        }
        if weightType != .sampling, !stratum.isEmpty || !psu.isEmpty || populationSize != nil {
            throw DesignError.designWithoutSamplingWeights(weightType)
        }
        if let populationSize {
            if let known = populationSizes[stratum], known != populationSize {
                throw DesignError.inconsistentPopulationSize(stratum: stratum, first: known, second: populationSize)
            }
            populationSizes[stratum] = populationSize
        }
        let cell = Cell(stratum: stratum, psu: psu)
        var moments = cells[cell] ?? WeightedMoments(variableCount: variableCount)
        if !values.contains(where: \.isNaN) { moments.add(values, weight: weight) }
        cells[cell] = moments
    }

    /// The summary of both parts' rows (rows of one PSU may lie in both).
    public static func + (a: DesignSums, b: DesignSums) -> DesignSums {
        var merged = a
        if a.weightType != b.weightType || a.variableCount != b.variableCount {
            merged.inconsistentPopulationSize = merged.inconsistentPopulationSize ?? .mismatchedSummaries
            return merged
        }
        for (cell, moments) in b.cells {
            merged.cells[cell] = merged.cells[cell].map { $0 + moments } ?? moments
        }
        for (stratum, size) in b.populationSizes {
            if let known = merged.populationSizes[stratum], known != size {
                merged.inconsistentPopulationSize = merged.inconsistentPopulationSize
                    ?? .inconsistentPopulationSize(stratum: stratum, first: known, second: size)
            }
            merged.populationSizes[stratum] = merged.populationSizes[stratum] ?? size
        }
        merged.inconsistentPopulationSize = merged.inconsistentPopulationSize ?? b.inconsistentPopulationSize
        return merged
    }

    /// The cells in a fixed order (stratum, then PSU), so that every estimate adds in one order
    /// however the summary was built.
    public var sortedCells: [(cell: Cell, moments: WeightedMoments)] {
        cells.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The moments of all rows, merged in the fixed cell order.
    public var pooled: WeightedMoments {
        sortedCells.reduce(WeightedMoments(variableCount: variableCount)) { $0 + $1.moments }
    }

    /// The design degrees of freedom: PSUs with a row minus strata with a row (R `degf` of the
    /// subset design); for frequency weights Σw − 1, for analytic weights n − 1.
    public var degreesOfFreedom: Double {
        let all = pooled
        switch weightType {
        case .frequency: return all.weightSum - 1
        case .analytic: return Double(all.count - 1)
        case .sampling:
            let sampled = cells.filter { $0.value.count > 0 }
            return Double(sampled.count - Set(sampled.keys.map(\.stratum)).count)
        }
    }
}
