import SurveyData

/// One analysis of a study's plan as the engine runs it on a wave, block by block.
///
/// ## How an analysis runs
///
///     data file ─► blocks of rows ─► summarize ─► merge (fixed tree, or part files on other machines)
///                                                   │
///              summary file (untrusted) ─► validate ┤
///                                                   └─► finish ─► WaveResult ─► Privacy ─► Reporting
///
/// Each analysis is one type in one file that says
/// - what it keeps of a block of rows: its ``Summary``, a ``MergeableSummary`` whose merge is exact
///   or to rounding, independent of how the rows were cut (``summarize(_:)``);
/// - how a summary read from a file made on another machine is checked: its shape against the
///   summary of no rows, its counts adding up to the rows, its values ones the variables can take
///   (``validate(_:shape:_:)``);
/// - how the summary of the whole wave becomes its results (``finish(_:of:into:)``), computed by
///   SurveyStats.
///
/// ``WaveSummary`` holds the rows, the loader's warnings and one summary per analysis of
/// ``PlanAnalyses/all``; its merge, validation, file encoding and analysis are one loop over that
/// list. A new analysis (e.g. weighted means) is one new file with its `BlockAnalysis` type (and its
/// summary type, if none of SurveyStats' tallies fits), one line in ``PlanAnalyses/all``, one
/// property of ``WaveResult`` for its result, and its table in Reporting.
protocol BlockAnalysis: Sendable {
    associatedtype Summary: MergeableSummary
    /// The key of its summary in a wave summary file (e.g. `tallies`).
    static var key: String { get }
    /// What it summarises, in plural, for error messages (e.g. `described variables`).
    static var title: String { get }

    /// The analysis as `plan` asks for it on waves of `codebook` (a plan's defaults, such as every
    /// scale, filled in from the codebook).
    init(plan: AnalysisPlan, codebook: Codebook)

    /// The summary of one block of rows (or of none: the shape a summary must have).
    /// - Throws: ``StudyError`` for a plan that names a variable the codebook lacks or cannot serve;
    ///   `DataError` for a variable not in the data.
    func summarize(_ block: WaveVariables) throws -> Summary

    /// Checks a summary read from a file — made on another machine, so untrusted — against `shape`,
    /// this analysis' summary of no rows: the same entries with as many values, counts that add up
    /// to the rows, values and moments the variables can take.
    /// - Throws: ``WaveSummaryError/invalid(at:expected:)`` naming the first offending key.
    func validate(_ summary: Summary, shape: Summary, _ check: SummaryChecker) throws

    /// Its results from the summary of a whole wave, stored in `result`.
    /// - Throws: ``StudyError`` when a statistic cannot be computed (e.g. collinear predictors).
    func finish(_ summary: Summary, of wave: WaveSummary, into result: inout WaveResult) throws
}

extension BlockAnalysis {
    /// ``summarize(_:)`` for the generic loops of ``WaveSummary``, which hold summaries as `any MergeableSummary`.
    func anySummary(_ block: WaveVariables) throws -> any MergeableSummary { try summarize(block) }

    /// `summary` plus `other`, both this analysis' summaries (``WaveSummary`` keeps them in ``PlanAnalyses/all`` order).
    static func merged(_ summary: any MergeableSummary, _ other: any MergeableSummary) throws -> any MergeableSummary {
        var mine = try typed(summary)
        do {
            try mine.add(try typed(other))
        } catch WaveSummaryError.mismatch(let what) {
            throw WaveSummaryError.mismatch("\(title): \(what)")
        }
        return mine
    }

    func validate(any summary: any MergeableSummary, shape: any MergeableSummary, _ check: SummaryChecker) throws {
        try validate(try Self.typed(summary), shape: try Self.typed(shape), check)
    }

    func finish(any summary: any MergeableSummary, of wave: WaveSummary, into result: inout WaveResult) throws {
        try finish(try Self.typed(summary), of: wave, into: &result)
    }

    /// `summary` as this analysis' summary (it is one wherever ``WaveSummary`` keeps its summaries in order).
    private static func typed(_ summary: any MergeableSummary) throws -> Summary {
        guard let summary = summary as? Summary else { throw WaveSummaryError.mismatch("\(title): summaries of another analysis") }
        return summary
    }

    /// This analysis' summary from a summary file's keyed container.
    static func decodeSummary<Key: CodingKey>(from container: KeyedDecodingContainer<Key>, forKey key: Key) throws -> any MergeableSummary {
        try container.decode(Summary.self, forKey: key)
    }
}
