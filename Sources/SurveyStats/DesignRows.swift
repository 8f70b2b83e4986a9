/// A block of rows as its design sees them: each row's weight and cell (its PSU within its stratum,
/// its stratum when each row is its own PSU, one cell for frequency and analytic weights), the
/// cells in order of first appearance, and each stratum's population size (fpc). Made once per
/// block and read by every ``DesignSums`` of the block's variables
/// (``DesignSums/init(_:columns:keepsFourthMoments:)``).
public struct DesignRows: Sendable {
    public let weightType: WeightType
    /// Whether each row is its own PSU (sampling weights without a PSU variable).
    public let rowsArePSUs: Bool
    public let count: Int
    /// Per row its weight; `nil`: every weight is 1. The caller has checked them (finite, ≥ 0,
    /// whole numbers for frequency weights).
    let weights: [Double]?
    let cells: [DesignSums.Cell]
    /// Per row, the index of its cell in `cells`.
    let cellOfRow: [Int32]
    /// Per cell, its rows.
    let rowsPerCell: [Int]
    /// Per row (1, w, w², w⁴), or 0 for a weight of 0: what a row adds to its group's count and weight sums.
    let weightPowers: [SIMD4<Double>]
    let populationSizes: [Double: Double]

    /// - Parameters:
    ///   - weights: per row (`nil`: all 1), already checked.
    ///   - strata, psus: per row its stratum and PSU, coded (a stratum or PSU is its value: a
    ///     factor's level code or a number); `psus` is ignored when `rowsArePSUs`.
    ///   - populationSizes: per row its stratum's population size or sampling fraction.
    /// - Throws: ``DesignError/designWithoutSamplingWeights(_:)`` for strata, PSUs or fpc without
    ///   sampling weights, ``DesignError/missingDesignValue(row:)`` for a row without a stratum or
    ///   PSU, ``DesignError/inconsistentPopulationSize(stratum:first:second:)``.
    public init(count: Int, weightType: WeightType, rowsArePSUs: Bool, weights: [Double]?, strata: RowTally.CodedColumn?,
                psus: RowTally.CodedColumn?, populationSizes sizes: [Double]?) throws(DesignError) {
        if weightType != .sampling, strata != nil || psus != nil || sizes != nil { throw .designWithoutSamplingWeights(weightType) }
        self.weightType = weightType
        self.rowsArePSUs = rowsArePSUs && weightType == .sampling
        self.count = count
        self.weights = weights
        let psus = self.rowsArePSUs ? nil : psus
        let psuValueCount = max(1, psus?.values.count ?? 1)
        // A cell's number is its stratum's code × the PSU codes + its PSU's code; cells are found
        // in a table by that number when it is small, in a dictionary otherwise.
        let numbers = (strata?.values.count ?? 1).multipliedReportingOverflow(by: psuValueCount)
        let direct = !numbers.overflow && numbers.partialValue <= 1 << 20
        var table = [Int32](repeating: -1, count: direct ? numbers.partialValue : 0)
        var found: [Int: Int32] = [:]
        var cells: [DesignSums.Cell] = []
        var cellOfRow = [Int32](repeating: 0, count: count)
        var rowsPerCell: [Int] = []
        for row in 0..<count {
            let stratumCode = strata.map { Int($0.codes[row]) } ?? 0, psuCode = psus.map { Int($0.codes[row]) } ?? 0
            guard stratumCode >= 0, psuCode >= 0 else { throw .missingDesignValue(row: row) }
            let number = stratumCode * psuValueCount + psuCode
            var index = direct ? table[number] : found[number] ?? -1
            if index < 0 {
                index = Int32(cells.count)
                cells.append(DesignSums.Cell(stratum: strata.map { $0.values[stratumCode] } ?? 0, psu: psus.map { $0.values[psuCode] } ?? 0))
                rowsPerCell.append(0)
                if direct { table[number] = index } else { found[number] = index }
            }
            cellOfRow[row] = index
            rowsPerCell[Int(index)] += 1
        }
        self.cells = cells
        self.cellOfRow = cellOfRow
        self.rowsPerCell = rowsPerCell
        var populationSizes: [Double: Double] = [:]
        if let sizes {
            for row in 0..<count {
                let stratum = cells[Int(cellOfRow[row])].stratum
                if let known = populationSizes[stratum], known != sizes[row] {
                    throw .inconsistentPopulationSize(stratum: DesignSums(variableCount: 0).name(of: stratum), first: known, second: sizes[row])
                }
                populationSizes[stratum] = sizes[row]
            }
        }
        self.populationSizes = populationSizes
        weightPowers = (0..<count).map { row in
            let w = weights?[row] ?? 1, w2 = w * w
            return w > 0 ? SIMD4(1, w, w2, w2 * w2) : .zero
        }
    }

    /// The same rows and weights in one cell, without strata, PSUs or fpc: for the estimates that
    /// need only the pooled weighted moments (``DesignCorrelation``), at the cost of one cell.
    public var pooled: DesignRows {
        DesignRows(weightType: weightType, weights: weights, weightPowers: weightPowers, count: count)
    }

    private init(weightType: WeightType, weights: [Double]?, weightPowers: [SIMD4<Double>], count: Int) {
        self.weightType = weightType
        rowsArePSUs = false
        self.count = count
        self.weights = weights
        self.weightPowers = weightPowers
        cells = count > 0 ? [DesignSums.Cell(stratum: 0, psu: 0)] : []
        cellOfRow = [Int32](repeating: 0, count: count)
        rowsPerCell = count > 0 ? [count] : []
        populationSizes = [:]
    }

}
