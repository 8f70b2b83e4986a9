import SurveyStats

/// Everything the analysis plan needs from a wave, or from one part of it, as exact mergeable
/// summaries: per column its missing counts and level counts, per described variable or scale a
/// ``ValueTally``, per scale the ``CoMoments`` of its keyed items, the correlated variables'
/// co-moments, per regression a ``RowTally`` and per ANOVA one tally per level.
///
/// A wave too large for one machine is cut into parts; each part's summary is computed where the
/// part is (`paradox summarize`), and the merged summaries (`paradox merge`) give the statistics of
/// the whole wave: counts and tallies add, co-moments merge by the pairwise update of Chan, Golub
/// & LeVeque (1979). Nothing in a summary depends on the order or the cut of the rows.
public struct WaveSummary: Sendable, Equatable, Codable {
    /// Data rows read.
    public var rows: Int
    /// The loader's warnings (e.g. columns not in the codebook), each once.
    public var warnings: [String]
    /// Per codebook variable, in codebook order.
    public var columns: [ColumnCounts]
    /// Per variable or scale the plan describes.
    public var tallies: [Named<ValueTally>]
    /// Per scale whose reliability the plan reports: the co-moments of its keyed items.
    public var reliability: [Named<CoMoments>]
    /// The correlated variables' co-moments over complete cases (listwise) or per pair (pairwise).
    public var correlation: CorrelationSummary?
    /// Per regression: the response and each term over the cases (categorical terms as level codes).
    public var regressions: [Named<RowTally>]
    /// Per ANOVA: one tally of the dependent variable per factor level.
    public var anovas: [Named<GroupTallies>]
    /// Per ID column, the hashes of its respondent IDs, when the summary is one to be merged with
    /// others (``init(plan:reading:codebook:delimiter:shard:collectingIDHashes:rowsPerBlock:progress:)``); else none.
    public var idHashes: [Named<RespondentHashes>]

    /// A summary under the name of the variable, scale or analysis it belongs to.
    public struct Named<Summary: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
        public var name: String
        public var summary: Summary
    }

    /// Missing cells of one column and, for a Likert or categorical column, answers per level.
    public struct ColumnCounts: Sendable, Equatable, Codable {
        public var name: String
        public var blank: Int
        /// Cells per user-missing code, in codebook order.
        public var userMissing: [Int]
        /// Answers per scale point or level in codebook order; `nil` for numeric, ID and text columns.
        public var levels: [Int]?
    }

    public enum CorrelationSummary: Sendable, Equatable, Codable {
        case listwise(CoMoments)
        case pairwise(PairwiseCoMoments)
    }

    /// The tallies of the dependent variable per factor level, and the cases without a level.
    public struct GroupTallies: Sendable, Equatable, Codable {
        public var levels: [ValueTally]
        public var casesWithoutLevel: Int

        enum CodingKeys: String, CodingKey {
            case levels
            case casesWithoutLevel = "cases_without_level"
        }
    }

    /// Adds the rows of `other`, a summary of another part of the same wave under the same plan.
    ///
    /// The rows are added with overflow checked; every other count of a summary is at most its rows
    /// (``validate(plan:codebook:)`` checks this of a summary read from a file, and it holds of every
    /// summary computed from data), so once the rows add up within `Int`'s range, so does every count.
    /// - Throws: ``WaveSummaryError/mismatch(_:)`` when the two were made with different codebooks or
    ///   plans; ``WaveSummaryError/tooManyRows`` when the rows of both exceed `Int.max`;
    ///   ``WaveSummaryError/repeatedRespondents(column:count:hash:)`` when both hold a respondent ID.
    public mutating func merge(_ other: WaveSummary) throws {
        let (totalRows, overflow) = rows.addingReportingOverflow(other.rows)
        guard !overflow else { throw WaveSummaryError.tooManyRows }
        func paired<T>(_ mine: [Named<T>], _ theirs: [Named<T>], _ what: String, _ add: (T, T) throws -> T) throws -> [Named<T>] {
            guard mine.map(\.name) == theirs.map(\.name) else {
                throw WaveSummaryError.mismatch("\(what): \(mine.map(\.name).joined(separator: ", ")) vs. \(theirs.map(\.name).joined(separator: ", "))")
            }
            return try zip(mine, theirs).map { Named(name: $0.name, summary: try add($0.summary, $1.summary)) }
        }
        func sameShape(_ a: Int, _ b: Int, _ what: String) throws {
            guard a == b else { throw WaveSummaryError.mismatch("\(what): \(a) vs. \(b)") }
        }
        guard columns.map(\.name) == other.columns.map(\.name) else {
            throw WaveSummaryError.mismatch("columns: \(columns.map(\.name).joined(separator: ", ")) vs. \(other.columns.map(\.name).joined(separator: ", "))")
        }
        columns = try zip(columns, other.columns).map { a, b in
            try sameShape(a.userMissing.count, b.userMissing.count, "user-missing codes of \(a.name)")
            try sameShape(a.levels?.count ?? -1, b.levels?.count ?? -1, "levels of \(a.name)")
            return ColumnCounts(name: a.name, blank: a.blank + b.blank, userMissing: zip(a.userMissing, b.userMissing).map(+),
                                levels: a.levels.map { zip($0, b.levels!).map(+) })
        }
        tallies = try paired(tallies, other.tallies, "described variables") { $0 + $1 }
        reliability = try paired(reliability, other.reliability, "scales") { a, b in
            try sameShape(a.variableCount, b.variableCount, "items"); return a + b
        }
        switch (correlation, other.correlation) {
        case (nil, nil): break
        case let (.listwise(a)?, .listwise(b)?):
            try sameShape(a.variableCount, b.variableCount, "correlated variables"); correlation = .listwise(a + b)
        case let (.pairwise(a)?, .pairwise(b)?):
            try sameShape(a.variableCount, b.variableCount, "correlated variables"); correlation = .pairwise(a + b)
        default: throw WaveSummaryError.mismatch("correlations: listwise, pairwise or none differ")
        }
        regressions = try paired(regressions, other.regressions, "regressions") { a, b in
            try sameShape(a.columnCount, b.columnCount, "regression columns"); return a + b
        }
        anovas = try paired(anovas, other.anovas, "ANOVAs") { a, b in
            try sameShape(a.levels.count, b.levels.count, "factor levels")
            return GroupTallies(levels: zip(a.levels, b.levels).map(+), casesWithoutLevel: a.casesWithoutLevel + b.casesWithoutLevel)
        }
        _ = try paired(idHashes, other.idHashes, "ID columns") { a, _ in a }
        idHashes = try zip(idHashes, other.idHashes).map { a, b in
            let (union, repeated, firstRepeat) = a.summary.union(b.summary)
            if let firstRepeat { throw WaveSummaryError.repeatedRespondents(column: a.name, count: repeated, hash: firstRepeat) }
            return Named(name: a.name, summary: union)
        }
        rows = totalRows
        warnings += other.warnings.filter { !warnings.contains($0) }
    }

    /// The summary of the rows of both.
    public static func merged(_ parts: [WaveSummary]) throws -> WaveSummary? {
        guard var whole = parts.first else { return nil }
        for part in parts.dropFirst() { try whole.merge(part) }
        return whole
    }
}

/// A summary that is not one of a part of a wave under the plan, or summaries that cannot be merged.
public enum WaveSummaryError: Error, Equatable, Sendable, CustomStringConvertible {
    case mismatch(String)
    /// A summary read from a file whose key `at` (a path such as `tallies[2] (PC1).summary.values`)
    /// does not hold what it must.
    case invalid(at: String, expected: String)
    /// Summaries whose rows add up to more than `Int.max`.
    case tooManyRows
    /// Summaries that both hold `count` IDs of the ID column `column` (equal hashes), the first
    /// (in hash order) of hash `hash`: respondents summarised twice.
    case repeatedRespondents(column: String, count: Int, hash: UInt64)

    public var description: String {
        switch self {
        case .mismatch(let what):
            return "the summaries were made with different codebooks or analysis plans (\(what))"
        case .invalid(let path, let expected):
            return "at summary.\(path): expected \(expected)"
        case .tooManyRows:
            return "the summaries hold more than \(Int.max) rows together"
        case .repeatedRespondents(let column, let count, _):
            return "\(count) respondent ID\(count == 1 ? "" : "s") of \(column) \(count == 1 ? "is" : "are") in both (expected each respondent in one part only)"
        }
    }
}
