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
/// - what the study file asks of it: its ``Settings``, read from the key(s) of `analyses:` it owns,
///   naming the variables it uses (``AnalysisSettings``);
/// - what it keeps of a block of rows: its ``Summary``, a ``MergeableSummary`` whose merge is exact
///   or to rounding, independent of how the rows were cut (``summarize(_:)``);
/// - how a summary read from a file made on another machine is checked: its shape against the
///   summary of no rows, its counts adding up to the rows, its values ones the variables can take
///   (``validate(_:shape:_:)``);
/// - how the summary of the whole wave becomes its results (``finish(_:of:into:)``), computed by
///   SurveyStats;
/// - which of its results the privacy gate must drop with a personal-data column
///   (``drop(_:from:)``).
///
/// ``AnalysisPlan`` (reading, checking and hashing the study file's `analyses:`) and ``WaveSummary``
/// (the rows, the loader's warnings and one summary per analysis; its merge, validation, file
/// encoding and analysis) are loops over ``PlanAnalyses/all``, and so is the privacy gate's drop.
///
/// ## Adding an analysis
///
/// 1. One new file `…Analysis.swift` in Sources/Study with
///    - its settings: a struct conforming to ``AnalysisSettings`` whose `studyFileKeys` are its
///      keys of `analyses:`, whose `init(yaml:references:)` reads them (recording each variable it
///      names with its ``VariableReference/Role``, so the study check covers it) and whose
///      `Encodable` conformance writes them under those keys (the summary hash covers them);
///      `problems()` for mistakes within them (e.g. two models of one name);
///    - its `BlockAnalysis` type: ``key`` (its summary's key in a summary file), ``title``,
///      `init(_:codebook:)`, ``summarize(_:)``, ``validate(_:shape:_:)``, ``finish(_:of:into:)`` and
///      ``drop(_:from:)``;
///    - its summary type, if none of the tallies fits (a ``MergeableSummary``), and its result's
///      `Named…` wrapper if it needs one.
/// 2. One line in ``PlanAnalyses/all``.
/// 3. One property of ``WaveResult`` for its result (and its key in `results.json`), and its table
///    in Reporting.
/// 4. Its keys in `Codebooks/README.md` ("Study files"). A summary file of the previous version
///    lacks its key: bump ``WaveSummaryFile/currentVersion``.
protocol BlockAnalysis: Sendable {
    associatedtype Summary: MergeableSummary
    /// What the study file asks of it (shared with another analysis that reads the same keys, as
    /// ordinal reliability reads `reliability:`).
    associatedtype Settings: AnalysisSettings
    /// The key of its summary in a wave summary file (e.g. `tallies`).
    static var key: String { get }
    /// What it summarises, in plural, for error messages (e.g. `described variables`).
    static var title: String { get }

    /// The analysis as `settings` ask for it on waves of `codebook` (their defaults, such as every
    /// scale, filled in from the codebook).
    init(_ settings: Settings, codebook: Codebook)

    /// The analysis as the whole plan asks for it: by default its own `Settings`; an analysis that
    /// follows other analyses' settings (``DesignAnalysis``) reads theirs.
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

    /// Removes from `result` its results that use one of `columns` (personal data the privacy gate
    /// drops: ``WaveResult/drop(columns:plan:codebook:)``); returns them as the privacy report names
    /// them (e.g. `regression m1`).
    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String]
}

extension BlockAnalysis {
    /// The analysis as `plan` asks for it on waves of `codebook`.
    init(plan: AnalysisPlan, codebook: Codebook) { self.init(plan[Settings.self], codebook: codebook) }

    static var settingsType: any AnalysisSettings.Type { Settings.self }

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
