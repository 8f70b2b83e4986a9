import Foundation
import MessageText
import SurveyData

/// An open-ended question of the survey to code with a theme codebook (`open_ended:` in a study
/// file): a column the codebook types `text`, coded one answer per respondent, its themes crossed
/// with the survey columns `by` names (categorical or Likert).
public struct OpenEndedPlan: Sendable, Equatable {
    /// The text column.
    public var column: String
    public var codebook: FileReference
    /// Survey columns whose values the themes are crossed with, where the study file names them.
    public var by: [VariableReference]
    /// Where the study file names the column.
    public var location: ConfigFileLocation?

    public init(column: String, codebook: FileReference, by: [VariableReference] = [], location: ConfigFileLocation? = nil) {
        self.column = column
        self.codebook = codebook
        self.by = by
        self.location = location
    }

    /// Its columns checked against the survey's codebook: the column must be a text column, each
    /// `by` column a categorical or Likert one.
    func problems(against codebook: Codebook) -> [ConfigFileError] {
        var problems: [ConfigFileError] = []
        func problem(_ location: ConfigFileLocation?, _ message: String) {
            problems.append(ConfigFileError(at: location ?? ConfigFileLocation(file: "study plan", line: nil, column: nil), message: message))
        }
        switch codebook.variable(named: column)?.kind {
        case .text?: break
        case nil: problem(location, "open_ended names '\(Excerpt.excerpt(column))', which is not a variable of the codebook (expected a column of type text)")
        case .some: problem(location, "open_ended names '\(Excerpt.excerpt(column))', which is not a text column (expected a column of type text)")
        }
        for attribute in by {
            switch codebook.variable(named: attribute.name)?.kind {
            case .categorical?, .likert?: break
            case nil: problem(attribute.location, "by '\(Excerpt.excerpt(attribute.name))' is not a variable of the codebook (expected a categorical or Likert column)")
            case .some: problem(attribute.location, "by '\(Excerpt.excerpt(attribute.name))' is not a categorical or Likert column (expected one to cross the themes with)")
            }
        }
        return problems
    }
}
