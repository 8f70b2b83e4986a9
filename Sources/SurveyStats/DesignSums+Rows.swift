extension DesignSums {
    /// The sums of a block's rows of `columns` (their variables in order: a factor's indicators,
    /// a variable's values) under the block's design: the same sums as adding each row with
    /// ``add(_:weight:stratum:psu:populationSize:keepingSquares:)``, equal to rounding, from one pass
    /// that sums rows by group (``DesignGroupTally``) and then merges each cell's groups in the
    /// order of their codes. A row with a missing code is left out but keeps its PSU.
    public init(_ rows: DesignRows, columns: [DesignColumn], keepsFourthMoments: Bool) {
        self.init(rows, columns: columns, keepsFourthMoments: keepsFourthMoments, maximumGroupsPerCell: DesignGroupTally.maximumGroupsPerCell)
    }

    /// The same with at most `maximumGroupsPerCell` combinations of grouped codes per cell.
    init(_ rows: DesignRows, columns: [DesignColumn], keepsFourthMoments: Bool, maximumGroupsPerCell: Int) {
        self.init(DesignGroupTally(rows, columns: columns, keepsFourthMoments: keepsFourthMoments, maximumGroupsPerCell: maximumGroupsPerCell),
                  columns: columns)
    }

    /// The sums of one variable (its weighted mean) and of its values' indicators (each value's
    /// weighted proportion), from one tally of its values when they are few.
    public static func valueAndIndicators(_ rows: DesignRows, _ column: RowTally.CodedColumn) -> (value: DesignSums, indicators: DesignSums) {
        let value = DesignColumn.values(column), indicators = DesignColumn.indicators(codes: column.codes, levelCount: column.values.count, reference: nil)
        let tally = DesignGroupTally(rows, columns: [value], keepsFourthMoments: false)
        guard tally.ungrouped.isEmpty else { return (DesignSums(tally, columns: [value]), DesignSums(rows, columns: [indicators], keepsFourthMoments: false)) }
        return (DesignSums(tally, columns: [value]), DesignSums(tally, columns: [indicators]))
    }

    /// The sums from a tally of `columns`, or of columns with the same codes grouped alike.
    private init(_ tally: DesignGroupTally, columns: [DesignColumn]) {
        let rows = tally.rows
        let numericIndices = tally.numericIndices(of: columns)
        let m = numericIndices.count
        self.init(variableCount: m, weightType: rows.weightType, rowsArePSUs: rows.rowsArePSUs,
                  keepsFourthMoments: tally.keepsFourthMoments)
        populationSizes = rows.populationSizes
        origin = tally.keepsFourthMoments ? tally.origin : []
        let dimension = squaredVariableCount
        for (cellIndex, groups) in tally.groupsByCell.enumerated() {
            let cell = rows.cells[cellIndex]
            var moments = WeightedMoments(variableCount: m)
            var squared = WeightedMoments(variableCount: dimension)
            var fourthSums = [Double](repeating: 0, count: tally.keepsFourthMoments ? dimension : 0)
            var fourthProducts = [Double](repeating: 0, count: tally.keepsFourthMoments ? dimension * dimension : 0)
            var squaredCount = 0, squaredWeightSum = 0.0, fourthPowerWeightSum = 0.0
            for group in groups {
                let constants = tally.constants(group, of: columns)
                moments.add(tally.moments(group, numericIndices: numericIndices, constants: constants, squared: false))
                if tally.keepsSquaredMoments {
                    squared.add(tally.moments(group, numericIndices: numericIndices, constants: constants, squared: true))
                } else if tally.keepsFourthMoments {
                    tally.addFourthMoments(group, numericIndices: numericIndices, constants: constants, sums: &fourthSums, products: &fourthProducts)
                    squaredCount += tally.positive(group)
                    squaredWeightSum += tally.squaredWeightSum(group)
                    fourthPowerWeightSum += tally.fourthPowerWeightSum(group)
                }
            }
            cells[cell] = moments
            guard rowsArePSUs else { continue }
            if tally.keepsFourthMoments {
                squared = WeightedMoments(count: squaredCount, weightSum: squaredWeightSum, squaredWeightSum: fourthPowerWeightSum,
                                          sums: fourthSums, products: fourthProducts)
            }
            rowStrata[cell.stratum] = RowPSUSums(rows: rows.rowsPerCell[cellIndex], squared: squared)
        }
    }
}
