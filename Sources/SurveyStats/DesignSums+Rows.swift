extension DesignSums {
    /// The sums of a block's rows of `columns` (their variables in order: a factor's indicators,
    /// a variable's values) under the block's design: the same sums as adding each row with
    /// ``add(_:weight:stratum:psu:populationSize:)``, equal to rounding, from one pass
    /// that sums rows by group (``DesignGroupTally``) and then merges each cell's groups in the
    /// order of their codes (in two passes over them). A row
    /// with a missing code is left out but keeps its PSU.
    public init(_ rows: DesignRows, columns: [DesignColumn], keepsFourthMoments: Bool) {
        self.init(rows, columns: columns, keepsFourthMoments: keepsFourthMoments, maximumGroupsPerCell: DesignGroupTally.maximumGroupsPerCell)
    }

    /// The same with at most `maximumGroupsPerCell` combinations of grouped codes per cell.
    init(_ rows: DesignRows, columns: [DesignColumn], keepsFourthMoments: Bool, maximumGroupsPerCell: Int) {
        self.init(DesignGroupTally(rows, columns: columns, keepsFourthMoments: keepsFourthMoments, maximumGroupsPerCell: maximumGroupsPerCell),
                  columns: columns)
    }

    /// The sums from a tally of `columns`, or of columns with the same codes grouped alike.
    init(_ tally: DesignGroupTally, columns: [DesignColumn]) {
        let rows = tally.rows
        let numericIndices = tally.numericIndices(of: columns)
        let m = numericIndices.count
        self.init(variableCount: m, weightType: rows.weightType, rowsArePSUs: rows.rowsArePSUs,
                  keepsFourthMoments: tally.keepsFourthMoments)
        populationSizes = rows.populationSizes
        origin = tally.keepsFourthMoments ? tally.origin : []
        let dimension = squaredVariableCount
        // The groups' means are merged about the tally's origin (any shift gives the same moments).
        let shift = tally.origin.count == m ? tally.origin : [Double](repeating: 0, count: m)
        var entries: [DesignGroupTally.FourthMomentEntry] = []
        for (cellIndex, groups) in tally.groupsByCell.enumerated() {
            let cell = rows.cells[cellIndex]
            var squared = WeightedMoments(variableCount: dimension)
            var fourthSums = [Double](repeating: 0, count: tally.keepsFourthMoments ? dimension : 0)
            var fourthProducts = [Double](repeating: 0, count: tally.keepsFourthMoments ? dimension * dimension : 0)
            var squaredCount = 0, squaredWeightSum = 0.0, fourthPowerWeightSum = 0.0
            let constants = tally.constants(groups, of: columns)
            let moments = Self.merged(tally, groups, constants: constants, numericIndices: numericIndices, shift: shift, squared: false)
            if tally.keepsSquaredMoments {
                squared = Self.merged(tally, groups, constants: constants, numericIndices: numericIndices, shift: shift, squared: true)
            }
            if tally.keepsFourthMoments {
                for (position, group) in groups.enumerated() {
                    tally.addFourthMoments(group, numericIndices: numericIndices, constants: constants[(position * m)..<(position * m + m)],
                                           entries: &entries, sums: &fourthSums, products: &fourthProducts)
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

    /// The moments of a cell's groups merged in two passes over them: with z_g a group's means (its
    /// constants, its row of `constants`, and its numeric variables' means) less `shift`, W_g its
    /// weight sum and C_g its numeric variables' co-moments (under w, or under w² when `squared`):
    /// W = ΣW_g, x̄ = shift + ΣW_g·z_g/W and C = Σ(C_g + W_g(z_g − z̄)(z_g − z̄)ᵀ) (the pairwise
    /// update's total, without a merge per group).
    private static func merged(_ tally: DesignGroupTally, _ groups: [Int], constants: [Double], numericIndices: [Int?],
                               shift: [Double], squared: Bool) -> WeightedMoments {
        let m = numericIndices.count
        var z = [Double](repeating: 0, count: m)
        var count = 0, weightSum = 0.0, squaredWeightSum = 0.0
        var totals = [Double](repeating: 0, count: m)
        for (position, group) in groups.enumerated() {
            let weight = tally.weightSum(group, squared: squared)
            count += tally.positive(group)
            weightSum += weight
            squaredWeightSum += squared ? tally.fourthPowerWeightSum(group) : tally.squaredWeightSum(group)
            tally.writeMeans(group, constants: constants[(position * m)..<(position * m + m)], numericIndices: numericIndices,
                             shift: shift, squared: squared, into: &z)
            for i in 0..<m { totals[i] += weight * z[i] }
        }
        guard weightSum > 0 else { return WeightedMoments(variableCount: m) }
        let shiftedMeans = totals.map { $0 / weightSum }
        var coMoments = [Double](repeating: 0, count: m * m)
        for (position, group) in groups.enumerated() {
            let weight = tally.weightSum(group, squared: squared)
            tally.writeMeans(group, constants: constants[(position * m)..<(position * m + m)], numericIndices: numericIndices,
                             shift: shift, squared: squared, into: &z)
            for i in 0..<m { z[i] -= shiftedMeans[i] }
            coMoments.withUnsafeMutableBufferPointer { coMoments in
                for i in 0..<m {
                    let deltaI = weight * z[i]
                    for j in i..<m { coMoments[i * m + j] += deltaI * z[j] }
                }
            }
            tally.addCoMoments(group, numericIndices: numericIndices, squared: squared, to: &coMoments)
        }
        for i in 0..<m { for j in 0..<i { coMoments[i * m + j] = coMoments[j * m + i] } }
        return WeightedMoments(count: count, weightSum: weightSum, squaredWeightSum: squaredWeightSum,
                               means: zip(shift, shiftedMeans).map { $0 + $1 }, coMoments: coMoments)
    }
}
