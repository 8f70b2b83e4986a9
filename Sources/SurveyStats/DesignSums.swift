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
/// Strata and PSUs are keyed by number (a factor's level code, or a numeric column's value), never
/// by text. A design without PSUs (each row its own PSU, ``rowsArePSUs``) keeps no cell per row: a
/// row's linearised value is uₖ = wₖ·g(xₖ) for a polynomial g of the statistic, so the stratum's
/// Σuₖ comes from its ``WeightedMoments`` and Σuₖuₖᵀ from the moments of its rows under the
/// weights wₖ² (``RowPSUSums``): the variance needs only per-stratum sums.
///
/// Frequency and analytic weights have no design: all rows go to one cell.
public struct DesignSums: Sendable, Equatable {
    /// A PSU within its stratum (0 for no strata; 0 for every row of a design without PSUs).
    public struct Cell: Hashable, Comparable, Sendable, Codable {
        public var stratum: Double
        public var psu: Double
        public init(stratum: Double, psu: Double) {
            self.stratum = stratum
            self.psu = psu
        }
        public static func < (a: Cell, b: Cell) -> Bool {
            (a.stratum, a.psu) < (b.stratum, b.psu)
        }
    }

    /// The sums of a stratum whose rows are its PSUs: its rows (also those with a missing value or
    /// weight 0: empty PSUs) and the moments of its complete rows under the weights w², of the
    /// variables x and, when ``keepsFourthMoments``, of their products xₐx_b (a ≤ b), from which
    /// Σw²·xₐx_bx_cx_d follow (``FourthMoments``).
    public struct RowPSUSums: Sendable, Equatable, Codable {
        public var rows: Int
        public var squared: WeightedMoments

        public init(rows: Int, squared: WeightedMoments) {
            self.rows = rows
            self.squared = squared
        }

        static func + (a: RowPSUSums, b: RowPSUSums) -> RowPSUSums {
            RowPSUSums(rows: a.rows + b.rows, squared: a.squared + b.squared)
        }
    }

    public let weightType: WeightType
    public let variableCount: Int
    /// Whether each row is its own PSU (a design without a PSU variable).
    public let rowsArePSUs: Bool
    /// Whether a design without PSUs keeps the fourth moments that a regression's variance needs.
    public let keepsFourthMoments: Bool
    public internal(set) var cells: [Cell: WeightedMoments] = [:]
    /// Per stratum, when ``rowsArePSUs``.
    public internal(set) var rowStrata: [Double: RowPSUSums] = [:]
    /// With ``keepsFourthMoments``, the origin c (one value per variable) about which the strata's
    /// ``RowPSUSums`` are taken: their moments are those of (x − c, (x − c)ₐ(x − c)_b), so that
    /// fourth-order sums of values far from 0 (a year, an income) keep their digits. Empty: c = 0.
    public internal(set) var origin: [Double] = []
    /// Population size or sampling fraction per stratum (the fpc), when given.
    public internal(set) var populationSizes: [Double: Double] = [:]
    /// The first stratum found with two population sizes (reported when estimating).
    public private(set) var inconsistentPopulationSize: DesignError?
    /// How a stratum is named in messages (e.g. its level's label); its number otherwise.
    public var stratumNames: [Double: String] = [:]

    public init(variableCount: Int, weightType: WeightType = .sampling, rowsArePSUs: Bool = false, keepsFourthMoments: Bool = false) {
        self.variableCount = variableCount
        self.weightType = weightType
        self.rowsArePSUs = rowsArePSUs && weightType == .sampling
        self.keepsFourthMoments = keepsFourthMoments
    }

    /// The variables of a row's w²-moments when ``rowsArePSUs``: x, then (with fourth moments) xₐx_b for a ≤ b.
    public var squaredVariableCount: Int {
        keepsFourthMoments ? variableCount + variableCount * (variableCount + 1) / 2 : variableCount
    }

    /// Adds one row: `values` (one per variable; a NaN anywhere leaves the row out but keeps its
    /// PSU), its `weight`, and for sampling weights its stratum, PSU (ignored when each row is its
    /// own PSU) and population size.
    /// - Throws: ``DesignError/invalidWeight(value:weightType:)``,
    ///   ``DesignError/inconsistentPopulationSize(stratum:first:second:)``,
    ///   ``DesignError/designWithoutSamplingWeights(_:)``.
    public mutating func add(_ values: [Double], weight: Double, stratum: Double = 0, psu: Double = 0,
                             populationSize: Double? = nil) throws {
        guard weight.isFinite, weight >= 0, weightType != .frequency || weight.rounded() == weight else {
            throw DesignError.invalidWeight(value: weight, weightType: weightType)
        }
        if weightType != .sampling, stratum != 0 || psu != 0 || populationSize != nil {
            throw DesignError.designWithoutSamplingWeights(weightType)
        }
        if let populationSize { try setPopulationSize(populationSize, stratum: stratum) }
        let cell = Cell(stratum: stratum, psu: rowsArePSUs ? 0 : psu)
        let complete = !values.contains(where: \.isNaN)
        if complete { cells[cell, default: WeightedMoments(variableCount: variableCount)].add(values, weight: weight) }
        else if cells[cell] == nil { cells[cell] = WeightedMoments(variableCount: variableCount) }
        guard rowsArePSUs else { return }
        var sums = rowStrata[stratum] ?? RowPSUSums(rows: 0, squared: WeightedMoments(variableCount: squaredVariableCount))
        sums.rows += 1
        if complete {
            if keepsFourthMoments {
                var extended = values
                extended.reserveCapacity(squaredVariableCount)
                for a in values.indices { for b in a..<values.count { extended.append(values[a] * values[b]) } }
                sums.squared.add(extended, weight: weight * weight)
            } else {
                sums.squared.add(values, weight: weight * weight)
            }
        }
        rowStrata[stratum] = sums
    }

    /// Records a stratum's population size (fpc).
    /// - Throws: ``DesignError/inconsistentPopulationSize(stratum:first:second:)``.
    public mutating func setPopulationSize(_ size: Double, stratum: Double) throws {
        if let known = populationSizes[stratum], known != size {
            throw DesignError.inconsistentPopulationSize(stratum: name(of: stratum), first: known, second: size)
        }
        populationSizes[stratum] = size
    }

    /// The summary of both parts' rows (rows of one PSU may lie in both).
    public static func + (a: DesignSums, b: DesignSums) -> DesignSums {
        var merged = a
        if a.weightType != b.weightType || a.variableCount != b.variableCount || a.rowsArePSUs != b.rowsArePSUs
            || a.keepsFourthMoments != b.keepsFourthMoments {
            merged.inconsistentPopulationSize = merged.inconsistentPopulationSize ?? .mismatchedSummaries
            return merged
        }
        for (cell, moments) in b.cells {
            merged.cells[cell] = merged.cells[cell].map { $0 + moments } ?? moments
        }
        if merged.rowStrata.isEmpty { merged.origin = b.origin }
        for (stratum, sums) in b.rowStrata {
            let moved = b.origin == merged.origin ? sums : sums.rebased(variableCount: a.variableCount, from: b.origin, to: merged.origin)
            merged.rowStrata[stratum] = merged.rowStrata[stratum].map { $0 + moved } ?? moved
        }
        for (stratum, size) in b.populationSizes {
            if let known = merged.populationSizes[stratum], known != size {
                merged.inconsistentPopulationSize = merged.inconsistentPopulationSize
                    ?? .inconsistentPopulationSize(stratum: a.name(of: stratum), first: known, second: size)
            }
            merged.populationSizes[stratum] = merged.populationSizes[stratum] ?? size
        }
        merged.inconsistentPopulationSize = merged.inconsistentPopulationSize ?? b.inconsistentPopulationSize
        merged.stratumNames.merge(b.stratumNames) { first, _ in first }
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
            if rowsArePSUs {
                let sampled = rowStrata.values.filter { $0.squared.count > 0 }
                return Double(sampled.reduce(0) { $0 + $1.squared.count } - sampled.count)
            }
            let sampled = cells.filter { $0.value.count > 0 }
            return Double(sampled.count - Set(sampled.keys.map(\.stratum)).count)
        }
    }

    /// A stratum as messages name it.
    func name(of stratum: Double) -> String {
        stratumNames[stratum] ?? (stratum.rounded() == stratum && abs(stratum) < 1e15 ? String(Int64(stratum)) : String(stratum))
    }
}
