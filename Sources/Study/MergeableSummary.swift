import SurveyStats

/// A summary of some rows of a wave that adds up with the summary of other rows of the same wave
/// under the same plan, exactly (counts and tallies) or to rounding (co-moments, by the pairwise
/// update of Chan, Golub & LeVeque 1979). Nothing in a summary depends on the order or the cut of
/// the rows, so a wave summarised block by block, or part by part on other machines, gives the
/// summary of the whole wave.
public protocol MergeableSummary: Sendable, Equatable, Codable {
    /// Adds the rows summarised in `other`.
    /// - Throws: ``WaveSummaryError/mismatch(_:)`` when `other` is not of the same variables (other
    ///   names, items, columns or levels): a summary made with another codebook or plan.
    mutating func add(_ other: Self) throws
}

extension MergeableSummary {
    /// Whether `other` is a summary of this type equal to this one.
    func isEqual(to other: any MergeableSummary) -> Bool { self == other as? Self }

    /// The summary of the rows of both (``add(_:)``).
    func adding(_ other: Self) throws -> Self {
        var sum = self
        try sum.add(other)
        return sum
    }
}

/// Throws ``WaveSummaryError/mismatch(_:)`` unless `found == expected`.
func requireSameShape(_ found: Int, _ expected: Int, _ what: String) throws {
    guard found == expected else { throw WaveSummaryError.mismatch("\(what): \(found) vs. \(expected)") }
}

extension ValueTally: MergeableSummary {
    public mutating func add(_ other: ValueTally) { merge(other) }
}

extension CoMoments: MergeableSummary {
    public mutating func add(_ other: CoMoments) throws {
        try requireSameShape(other.variableCount, variableCount, "variables")
        merge(other)
    }
}

extension PairwiseCoMoments: MergeableSummary {
    public mutating func add(_ other: PairwiseCoMoments) throws {
        try requireSameShape(other.variableCount, variableCount, "variables")
        merge(other)
    }
}

extension PairwiseContingency: MergeableSummary {
    public mutating func add(_ other: PairwiseContingency) throws {
        guard other.levels == levels else { throw WaveSummaryError.mismatch("items or categories of the cross-tabulations") }
        merge(other)
    }
}

extension RowTally: MergeableSummary {
    public mutating func add(_ other: RowTally) throws {
        try requireSameShape(other.columnCount, columnCount, "columns")
        merge(other)
    }
}

/// A summary per variable, scale or analysis, in plan order: merged entry by entry.
extension Array: MergeableSummary where Element: MergeableSummary {
    public mutating func add(_ other: [Element]) throws {
        try requireSameShape(other.count, count, "entries")
        for index in indices { try self[index].add(other[index]) }
    }
}

extension WaveSummary.Named: MergeableSummary where Summary: MergeableSummary {
    public mutating func add(_ other: WaveSummary.Named<Summary>) throws {
        guard other.name == name else { throw WaveSummaryError.mismatch("'\(name.bounded())' vs. '\(other.name.bounded())'") }
        do {
            try summary.add(other.summary)
        } catch WaveSummaryError.mismatch(let what) {
            throw WaveSummaryError.mismatch("\(name.bounded()): \(what)")
        }
    }
}

/// A summary that may be absent (no correlation when the plan correlates fewer than two variables):
/// two absent ones merge, an absent one and a present one do not.
extension Optional: MergeableSummary where Wrapped: MergeableSummary {
    public mutating func add(_ other: Wrapped?) throws {
        switch (self, other) {
        case (nil, nil): return
        case (var mine?, let theirs?):
            try mine.add(theirs)
            self = mine
        default: throw WaveSummaryError.mismatch("one summary has it, the other not")
        }
    }
}
