import SurveyStats

// results.json of tables with suppressed cells: the result's own encoding, then the keys that carry
// counts written again with every hidden count replaced by its mark ("< 5", "[c]"). The values that
// would give a hidden count away (percentages, group statistics, pairwise comparisons) are already
// `nil` in the result or are written as `null` (or left out) here.

/// A frequency table as results.json shows it: hidden counts as the mark.
public struct SuppressedFrequencies: Encodable {
    var table: FrequencyTableResult
    var suppressed: SuppressedCells?

    public init(table: FrequencyTableResult, suppressed: SuppressedCells?) {
        self.table = table
        self.suppressed = suppressed
    }

    private enum CodingKeys: String, CodingKey { case levels, missing }
    private enum RowKeys: String, CodingKey { case count }

    public func encode(to encoder: Encoder) throws {
        try table.encode(to: encoder)
        guard let suppressed else { return }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(table.levels.enumerated().map { MaskedRow(row: $1, mark: suppressed.mark($0)) }, forKey: .levels)
        let offset = table.levels.count
        try c.encode(table.missing.enumerated().map { MaskedRow(row: $1, mark: suppressed.mark(offset + $0)) }, forKey: .missing)
    }

    /// A row encoded as itself, with its count replaced by `mark` when there is one.
    private struct MaskedRow<Row: Encodable>: Encodable {
        var row: Row
        var mark: String?

        func encode(to encoder: Encoder) throws {
            try row.encode(to: encoder)
            guard let mark else { return }
            var c = encoder.container(keyedBy: RowKeys.self)
            try c.encode(mark, forKey: .count)
        }
    }
}

/// An ANOVA as results.json shows it: a hidden group's n as its mark, a small group's statistics
/// `null`, and for a group hidden to protect a small one the standard error and CI `null` (with the
/// SD they give n away); pairwise comparisons with a hidden group are left out (their standard
/// errors give the group's n away).
public struct SuppressedGroups: Encodable {
    var result: AnovaResult
    var suppressed: SuppressedCells?

    public init(result: AnovaResult, suppressed: SuppressedCells?) {
        self.result = result
        self.suppressed = suppressed
    }

    private enum CodingKeys: String, CodingKey {
        case groups, tukey
        case gamesHowell = "games_howell"
    }
    public func encode(to encoder: Encoder) throws {
        try result.encode(to: encoder)
        guard let suppressed else { return }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(result.groups.enumerated().map { index, group in
            MaskedGroup(group: group, mark: suppressed.mark(index), small: suppressed.small.contains(index))
        }, forKey: .groups)
        try c.encode(suppressed.shownPairs(result.tukey, groups: result.groups), forKey: .tukey)
        try c.encode(suppressed.shownPairs(result.gamesHowell, groups: result.groups), forKey: .gamesHowell)
    }
}

/// A group encoded as itself, or, when its count is hidden, with its mark and the statistics that
/// may be shown.
private struct MaskedGroup: Encodable {
    var group: AnovaResult.Group
    var mark: String?
    var small: Bool

    private enum CodingKeys: String, CodingKey {
        case level, n, mean, sd
        case stdError = "std_error", confLow = "conf_low", confHigh = "conf_high"
    }

    func encode(to encoder: Encoder) throws {
        guard let mark else { return try group.encode(to: encoder) }
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(group.level, forKey: .level)
        try c.encode(mark, forKey: .n)
        try c.encode(small ? nil : group.mean, forKey: .mean)
        try c.encode(small ? nil : group.sd, forKey: .sd)
        try c.encode(nil as Double?, forKey: .stdError)
        try c.encode(nil as Double?, forKey: .confLow)
        try c.encode(nil as Double?, forKey: .confHigh)
    }
}

extension SuppressedCells {
    /// The pairwise comparisons between two groups whose counts are shown.
    public func shownPairs(_ pairs: [AnovaResult.PairwiseComparison], groups: [AnovaResult.Group]) -> [AnovaResult.PairwiseComparison] {
        let hidden = Set(groups.indices.filter(hides).map { groups[$0].level })
        return pairs.filter { !hidden.contains($0.group1) && !hidden.contains($0.group2) }
    }
}
