import MessageText

/// A study file that asks for something the data or codebook cannot give.
public enum StudyError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownScale(String, available: [String])
    case notCategorical(String)
    case notTabulable(String)
    case analysisFailed(analysis: String, reason: String)
    case unknownAnalysis(String, kind: String)
    case unknownSegmentationUnit(String)
    /// `paradox summarize` of a study that needs the whole wave: open-ended answers coded, speeders
    /// screened against the median duration, duplicates found by their answers.
    case needsWholeWave(reason: String)
    /// `paradox summarize --shard` of a platform export, which cannot be cut at byte offsets.
    case exportNotSharded(String)

    public var description: String {
        switch self {
        case .unknownScale(let name, let available):
            return "no scale named '\(Excerpt.excerpt(name))' in the codebook (scales: \(Excerpt.excerptList(available)))"
        case .notCategorical(let name):
            return "'\(Excerpt.excerpt(name))' is not a categorical variable (expected a factor with levels for an ANOVA)"
        case .notTabulable(let name):
            return "'\(Excerpt.excerpt(name))' is numeric or text (expected a Likert or categorical variable for a frequency table)"
        case .analysisFailed(let analysis, let reason):
            return "\(analysis) could not be computed: \(reason)"
        case .unknownAnalysis(let name, let kind):
            return "the replication table names \(kind) '\(Excerpt.excerpt(name))', which the study file does not define"
        case .unknownSegmentationUnit(let unit):
            return "unknown interview unit '\(unit)' (expected turn, paragraph or sentence)"
        case .needsWholeWave(let reason):
            return "the study \(reason), which needs the whole wave (expected paradox run on the wave, not summaries of its parts)"
        case .exportNotSharded(let file):
            return "\(Excerpt.excerpt(file)) is a platform export, which cannot be cut into shards at byte offsets (--shard reads a plain CSV file; summarise the export whole, or each export of a part of the wave as a part of its own)"
        }
    }
}
