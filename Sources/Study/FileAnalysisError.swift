import MessageText
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

    public var description: String {
        switch self {
        case let .noSuchReferenceLevel(variable, level, levels):
            return "--reference \(Excerpt.excerpt(variable))=\(Excerpt.excerpt(level)): no such level (levels: \(Excerpt.excerptList(levels)))"
        case let .noSuchScale(name, codebook, scales):
            return "--scales \(Excerpt.excerpt(name)): \(codebook) defines no such scale (scales: \(Excerpt.excerptList(scales)))"
        case let .designProblem(file, variable, problem):
            return "\(file), variable \(Excerpt.excerpt(variable)): \(problem)"
        case let .invalidDesignValue(file, row, column, value, expected):
            return "\(file), data row \(row), column \(Excerpt.excerpt(column)): \(value.isEmpty ? "no value" : "value \"\(Excerpt.excerpt(value))\"") (expected \(expected))"
        }
    }
}
