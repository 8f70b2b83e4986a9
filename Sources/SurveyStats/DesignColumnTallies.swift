/// A block's variables tallied one by one under its design, for their weighted means and their
/// values' weighted proportions: each variable's sums per cell and value, as
/// ``DesignSums/init(_:columns:keepsFourthMoments:)`` gives them for the variable alone, with the
/// variables of few values counted in pairs, one pass over the rows for two (``DesignGroupTally``).
public struct DesignColumnTallies {
    private let columns: [RowTally.CodedColumn]
    private let tallies: [DesignGroupTally]

    public init(_ rows: DesignRows, _ columns: [RowTally.CodedColumn]) {
        self.columns = columns
        // Counted together: variables of few values whose slots over all cells stay few (a design of
        // many PSUs tallies each variable alone, its groups found in a dictionary).
        let few = columns.indices.filter { index in
            let values = columns[index].values.count
            return values <= DesignGroupTally.maximumGroupsPerCell && rows.cells.count * (values + 1) <= DesignGroupTally.maximumSingleColumnSlots
        }
        var tallies = [DesignGroupTally?](repeating: nil, count: columns.count)
        for (index, tally) in zip(few, DesignGroupTally.singleColumns(rows, few.map { .values(columns[$0]) })) { tallies[index] = tally }
        for index in columns.indices where tallies[index] == nil {
            tallies[index] = DesignGroupTally(rows, columns: [.values(columns[index])], keepsFourthMoments: false)
        }
        self.tallies = tallies.compactMap { $0 }
    }

    /// The sums of variable `index`: its weighted mean.
    public func value(_ index: Int) -> DesignSums {
        DesignSums(tallies[index], columns: [.values(columns[index])])
    }

    /// The sums of variable `index`'s values' indicators: each value's weighted proportion.
    public func indicators(_ index: Int) -> DesignSums {
        let indicators = DesignColumn.indicators(codes: columns[index].codes, levelCount: columns[index].values.count, reference: nil)
        guard tallies[index].ungrouped.isEmpty else { return DesignSums(tallies[index].rows, columns: [indicators], keepsFourthMoments: false) }
        return DesignSums(tallies[index], columns: [indicators])
    }
}
