import MessageText
import SurveyData

/// What a study file asks of one ``BlockAnalysis``: read by the analysis itself from the key(s) of
/// `analyses:` it owns (``studyFileKeys``), so that ``AnalysisPlan`` reads, checks and hashes every
/// analysis in one loop over ``PlanAnalyses/all`` and knows none of them by name.
///
/// Its `Encodable` conformance writes it under its study-file key(s) into the plan's one JSON
/// object, which the summary hash covers (``SummaryIdentity``): a plan's keys share that object,
/// so each settings type encodes into `encoder.container(keyedBy:)` with keys of its own.
public protocol AnalysisSettings: Sendable, Equatable, Encodable {
    /// The keys of a study file's `analyses:` it reads (e.g. `regressions`); none for settings that
    /// come from elsewhere (the privacy block's quasi-identifiers).
    static var studyFileKeys: [String] { get }

    /// What a study file without its keys asks for (e.g. every scale, or no regression).
    init()

    /// What a plan that computes only what it is told asks for: ``init()`` unless that computes
    /// something by default (every scale, every Likert item), then nothing.
    static var none: Self { get }

    /// Reads its keys of the study file's `analyses:` mapping `analyses` (absent keys: the defaults
    /// of ``init()``); what cannot be parsed stops at once at its line (``ConfigFileError``).
    /// Every variable or scale it names is recorded in `references`, where and as what, for the
    /// check against the codebook before any data is read (``AnalysisPlan/problems(against:)``).
    init(yaml analyses: YAMLValue, references: inout [VariableReference]) throws

    /// Mistakes within these settings, each at its line (e.g. two models of one name); checked
    /// with the others' before any data is read (``StudyPlan/problems(against:)``).
    func problems() -> [ConfigFileError]
}

extension AnalysisSettings {
    public static var none: Self { Self() }
    public func problems() -> [ConfigFileError] { [] }
}

/// The settings of an analysis that the study file does not configure (``RespondentIDAnalysis``).
public struct NoSettings: AnalysisSettings {
    public static let studyFileKeys: [String] = []
    public init() {}
    public init(yaml analyses: YAMLValue, references: inout [VariableReference]) {}
    public func encode(to encoder: Encoder) {}
}

extension YAMLValue {
    /// The names of a list (a single name as a one-element list), or `nil` for `all`; each
    /// recorded in `references` as a variable in `role`, at its line.
    func variableNames(_ role: VariableReference.Role, references: inout [VariableReference]) throws -> [String]? {
        if node.scalar != nil, try string() == "all" { return nil }
        let names = try namedEntries()
        references += names.map { VariableReference(name: $0.name, role: role, location: $0.node.location) }
        return names.map(\.name)
    }
}

/// An error of the study plan at `location`; a plan built in code (no location) names the study plan.
func planError(_ location: ConfigFileLocation?, _ message: String) -> ConfigFileError {
    ConfigFileError(at: location ?? ConfigFileLocation(file: "study plan", line: nil, column: nil), message: message)
}

/// Two analyses of one kind with one name (their results and files would collide), each at the
/// line of the second: "a second `kind` named '…'".
func repeatedNameProblems(_ kind: String, _ named: [(name: String, location: ConfigFileLocation?)]) -> [ConfigFileError] {
    var seen = Set<String>()
    return named.filter { !seen.insert($0.name).inserted }.map {
        planError($0.location, "a second \(kind) named '\(Excerpt.excerpt($0.name))' (expected unique names; add name: to tell them apart)")
    }
}
