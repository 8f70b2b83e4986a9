import SurveyStats

/// Everything the analysis plan needs from a wave, or from one part of it, as exact mergeable
/// summaries: the rows read, the loader's warnings and one ``MergeableSummary`` per analysis of
/// ``PlanAnalyses/all`` (per column its missing and level counts, per described variable a
/// ``ValueTally``, per scale the ``CoMoments`` of its keyed items, the correlated variables'
/// co-moments, per regression a ``RowTally``, per ANOVA one tally per level, per ordinal scale its
/// ``PairwiseContingency``, per CFA the co-moments of its items, the ``EquivalenceClasses`` of the
/// quasi-identifiers, the hashes of the respondent IDs).
///
/// A wave too large for one machine is cut into parts; each part's summary is computed where the
/// part is (`paradox summarize`), and the merged summaries (`paradox merge`) give the statistics of
/// the whole wave: each analysis' summaries merge (``BlockAnalysis``), in one loop over the list.
/// Nothing in a summary depends on the order or the cut of the rows.
public struct WaveSummary: Sendable, Equatable, Codable {
    /// Data rows read.
    public var rows: Int
    /// The loader's warnings (e.g. columns not in the codebook), each once.
    public var warnings: [String]
    /// Per analysis of ``PlanAnalyses/all``, in that order, its summary.
    private(set) var summaries: [any MergeableSummary]
    /// The part's participant flow when the study screens (``ScreeningTally``); `nil` otherwise.
    public var screening: ScreeningTally?

    /// A summary under the name of the variable, scale or analysis it belongs to.
    public struct Named<Summary: Sendable & Equatable & Codable>: Sendable, Equatable, Codable {
        public var name: String
        public var summary: Summary
    }

    init(rows: Int, warnings: [String], summaries: [any MergeableSummary]) {
        self.rows = rows
        self.warnings = warnings
        self.summaries = summaries
    }

    /// The summary of `analysis`.
    subscript<Analysis: BlockAnalysis>(_ analysis: Analysis.Type) -> Analysis.Summary {
        get { summaries[Self.position(of: analysis)] as! Analysis.Summary }   // stored in that order, of that type
        set { summaries[Self.position(of: analysis)] = newValue }
    }

    private static func position<Analysis: BlockAnalysis>(of analysis: Analysis.Type) -> Int {
        guard let position = PlanAnalyses.all.firstIndex(where: { ObjectIdentifier($0) == ObjectIdentifier(analysis) }) else {
            preconditionFailure("\(analysis) is not registered in PlanAnalyses.all")
        }
        return position
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
        try requireSameShape(other.summaries.count, summaries.count, "analyses")
        var flow = screening
        switch (screening, other.screening) {
        case (nil, nil): break
        case (var mine?, let theirs?):
            try mine.add(theirs)
            flow = mine
        default: throw WaveSummaryError.mismatch("a screened and an unscreened part")
        }
        summaries = try PlanAnalyses.all.indices.map { try PlanAnalyses.all[$0].merged(summaries[$0], other.summaries[$0]) }
        screening = flow
        rows = totalRows
        warnings += other.warnings.filter { !warnings.contains($0) }
    }

    /// The summary of the rows of both.
    public static func merged(_ parts: [WaveSummary]) throws -> WaveSummary? {
        guard var whole = parts.first else { return nil }
        for part in parts.dropFirst() { try whole.merge(part) }
        return whole
    }

    public static func == (lhs: WaveSummary, rhs: WaveSummary) -> Bool {
        lhs.rows == rhs.rows && lhs.warnings == rhs.warnings && lhs.screening == rhs.screening && lhs.summaries.count == rhs.summaries.count
            && zip(lhs.summaries, rhs.summaries).allSatisfy { $0.isEqual(to: $1) }
    }

    // A summary file's layout: `rows`, `warnings`, `screening` (if screened) and each analysis' summary under its key.
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
        static let rows = Key(stringValue: "rows"), warnings = Key(stringValue: "warnings"), screening = Key(stringValue: "screening")
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        rows = try container.decode(Int.self, forKey: .rows)
        warnings = try container.decode([String].self, forKey: .warnings)
        screening = try container.decodeIfPresent(ScreeningTally.self, forKey: .screening)
        summaries = try PlanAnalyses.all.map { try $0.decodeSummary(from: container, forKey: Key(stringValue: $0.key)) }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(rows, forKey: .rows)
        try container.encode(warnings, forKey: .warnings)
        try container.encodeIfPresent(screening, forKey: .screening)
        for (analysis, summary) in zip(PlanAnalyses.all, summaries) { try container.encode(summary, forKey: Key(stringValue: analysis.key)) }
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
