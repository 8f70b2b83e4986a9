import MessageText
import SurveyData
import SurveyStats

/// A one-off command's request that the data file cannot serve.
public enum FileAnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--reference G=level` names a level the factor does not have.
    case noSuchReferenceLevel(variable: String, level: String, levels: [String])
    /// `--scales` names a scale the codebook does not define.
    case noSuchScale(String, codebook: String, scales: [String])
    /// A design variable (weight, stratum, PSU, fpc) is missing or invalid in a data row (1-based).
    case invalidDesignValue(file: String, row: Int, column: String, value: String, expected: String)
    /// The design cannot give a variable's estimate (a lonely PSU, inconsistent population sizes).
    case designProblem(file: String, variable: String, problem: DesignError)
    /// `reliability --ordinal` of an item whose answers are not whole numbers within
    /// ``Polychoric/maxCategories`` points (a missing code such as 98 beside 1–5).
    case notOrdinal(item: String, lowest: Double, highest: Double)

    public var description: String {
        switch self {
        case let .noSuchReferenceLevel(variable, level, levels):
            return "--reference \(Excerpt.excerpt(variable))=\(Excerpt.excerpt(level)): no such level (levels: \(Excerpt.excerptList(levels)))"
        case let .noSuchScale(name, codebook, scales):
            return "--scales \(Excerpt.excerpt(name)): \(codebook) defines no such scale (scales: \(Excerpt.excerptList(scales)))"
        case let .designProblem(file, variable, problem):
            return "\(file), variable \(Excerpt.excerpt(variable)): \(problem)"
        case let .notOrdinal(item, lowest, highest):
            return "--ordinal: item \(Excerpt.excerpt(item)) has answers from \(MissingCode.format(lowest)) to \(MissingCode.format(highest)) "
                + "(expected whole-number answers on a scale of at most \(Polychoric.maxCategories) points; declare missing codes such as 98 and 99 with --missing 98,99)"
        case let .invalidDesignValue(file, row, column, value, expected):
            return "\(file), data row \(row), column \(Excerpt.excerpt(column)): \(value.isEmpty ? "no value" : "value \"\(Excerpt.excerpt(value))\"") (expected \(expected))"
        }
    }
}
