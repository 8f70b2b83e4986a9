import SurveyData
import SurveyStats

/// Runs an analysis plan on one wave: every statistic from the wave's ``WaveSummary``, so that a
/// wave read in one pass and a wave merged from the summaries of its parts give the same results.
public enum WaveAnalysis {
    /// The statistics of the plan from the summary of a wave made for that plan and codebook: each
    /// analysis of ``PlanAnalyses/all`` finishes its summary into its results
    /// (``BlockAnalysis/finish(_:of:into:)``).
    /// - Throws: ``StudyError`` when an analysis cannot be computed (e.g. a regression whose
    ///   predictors are collinear), or when the summary does not fit the plan.
    public static func run(_ plan: AnalysisPlan, summary: WaveSummary, codebook: Codebook, file: String) throws -> WaveResult {
        var result = WaveResult(file: file)
        let analyses = PlanAnalyses.make(plan, codebook: codebook)
        guard analyses.count == summary.summaries.count else {
            throw WaveSummaryError.mismatch("analyses: \(summary.summaries.count) vs. \(analyses.count)")
        }
        for (analysis, part) in zip(analyses, summary.summaries) {
            try analysis.finish(any: part, of: summary, into: &result)
        }
        return result
    }
}
