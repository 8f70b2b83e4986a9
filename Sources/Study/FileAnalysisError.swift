import MessageText
import SurveyData
import SurveyStats

/// A one-off command's request that the data file cannot serve.
public enum FileAnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--reference G=level` names a level the factor does not have.
    case noSuchReferenceLevel(variable: String, level: String, levels: [String])
    /// `--scales` names a scale the codebook does not define.
    case noSuchScale(String, codebook: String, scales: [String])
    /// `reliability --ordinal` of an item whose answers are not whole numbers within
    /// ``Polychoric/maxCategories`` points (a missing code such as 98 beside 1–5).
    case notOrdinal(item: String, lowest: Double, highest: Double)

    public var description: String {
        switch self {
        case let .noSuchReferenceLevel(variable, level, levels):
            return "--reference \(Excerpt.excerpt(variable))=\(Excerpt.excerpt(level)): no such level (levels: \(Excerpt.excerptList(levels)))"
        case let .noSuchScale(name, codebook, scales):
            return "--scales \(Excerpt.excerpt(name)): \(codebook) defines no such scale (scales: \(Excerpt.excerptList(scales)))"
        case let .notOrdinal(item, lowest, highest):
            return "--ordinal: item \(Excerpt.excerpt(item)) has answers from \(MissingCode.format(lowest)) to \(MissingCode.format(highest)) "
                + "(expected whole-number answers on a scale of at most \(Polychoric.maxCategories) points; declare missing codes such as 98 and 99 with --missing 98,99)"
        }
    }
}
