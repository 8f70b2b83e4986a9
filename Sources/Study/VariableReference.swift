import SurveyData

/// A variable or scale named in a study file's analyses, with what the analysis needs it to be and
/// where it is written, so that the whole plan is checked against the codebook before any data
/// is read (``AnalysisPlan/problems(against:)``), each problem at its line.
public struct VariableReference: Sendable, Equatable {
    public var name: String
    public var role: Role
    public var location: ConfigFileLocation?

    public init(name: String, role: Role, location: ConfigFileLocation? = nil) {
        self.name = name
        self.role = role
        self.location = location
    }

    /// What an analysis does with the variable.
    public enum Role: Sendable, Equatable {
        /// Described, correlated or a dependent variable: a number (Likert, numeric or a scale).
        case numeric
        /// Tabulated: a Likert or categorical variable.
        case tabulated
        /// Its reliability: a scale.
        case scale
        /// A regression predictor: a number or a categorical variable.
        case predictor
        /// An ANOVA factor: a categorical variable.
        case factor

        /// What the role needs, for messages.
        var expected: String {
            switch self {
            case .numeric: return "a likert or numeric variable, or a scale"
            case .tabulated: return "a likert or categorical variable"
            case .scale: return "a scale of the codebook"
            case .predictor: return "a likert, numeric or categorical variable, or a scale"
            case .factor: return "a categorical variable"
            }
        }
    }
}
