import MessageText
import SurveyData

/// Which statistics to compute: per analysis of ``PlanAnalyses/all`` its ``AnalysisSettings``,
/// read from the study file's `analyses:` by the analysis itself, and every variable the study file
/// names there, where and as what.
///
/// The plan knows no analysis by name: reading, checking, hashing and comparing it are loops over
/// the registered analyses' settings types. An analysis' settings are `plan[ItsSettings.self]`.
public struct AnalysisPlan: Sendable, Equatable, Encodable {
    /// The settings set in code or read from a study file, by their type; a type not here asks
    /// for its defaults (``AnalysisSettings/init()``).
    private var settings: [ObjectIdentifier: any AnalysisSettings] = [:]
    /// Every variable the study file names in its analyses, where and as what (empty for a plan
    /// not read from a file).
    public var references: [VariableReference] = []

    /// The plan of a study file without `analyses:`: every analysis with its defaults.
    public init() {}

    /// A plan that computes only `settings` (and what needs no settings, such as the data quality
    /// of every column): every other analysis as ``AnalysisSettings/none``.
    public init(only settings: any AnalysisSettings...) {
        for type in PlanAnalyses.settingsTypes { self.settings[ObjectIdentifier(type)] = Self.none(type) }
        for chosen in settings { self.settings[ObjectIdentifier(type(of: chosen))] = chosen }
    }

    /// The settings of type `type`: those set, or its defaults.
    public subscript<Settings: AnalysisSettings>(_ type: Settings.Type) -> Settings {
        get { settings[ObjectIdentifier(type)] as? Settings ?? Settings() }
        set { settings[ObjectIdentifier(type)] = newValue }
    }

    /// Reads the study file's `analyses:` mapping: each registered settings type reads its keys, in
    /// the order of ``PlanAnalyses/settingsTypes``; a key none of them owns is an error at its line.
    init(yaml node: YAMLValue) throws {
        try node.checkKeys(Set(PlanAnalyses.settingsTypes.flatMap { $0.studyFileKeys }))
        for type in PlanAnalyses.settingsTypes {
            settings[ObjectIdentifier(type)] = try type.init(yaml: node, references: &references)
        }
    }

    /// Mistakes within the plan, each at its line: each analysis' ``AnalysisSettings/problems()``.
    func problems() -> [ConfigFileError] {
        PlanAnalyses.settingsTypes.flatMap { value(of: $0).problems() }
    }

    /// The settings of `type` as an existential, for the loops over ``PlanAnalyses/settingsTypes``.
    private func value<Settings: AnalysisSettings>(of type: Settings.Type) -> any AnalysisSettings { self[type] }

    private static func none<Settings: AnalysisSettings>(_ type: Settings.Type) -> any AnalysisSettings { Settings.none }

    public static func == (lhs: AnalysisPlan, rhs: AnalysisPlan) -> Bool {
        lhs.references == rhs.references && PlanAnalyses.settingsTypes.allSatisfy { lhs.value(of: $0).isEqual(to: rhs.value(of: $0)) }
    }

    /// What the summary hash covers (``SummaryIdentity``): each analysis' settings under its keys in
    /// one object; not the references (where the study file names them), so that editing its text
    /// elsewhere keeps the summaries valid.
    public func encode(to encoder: Encoder) throws {
        for type in PlanAnalyses.settingsTypes { try value(of: type).encode(to: encoder) }
    }
}

extension AnalysisSettings {
    /// Whether `other` is settings of this type equal to these.
    func isEqual(to other: any AnalysisSettings) -> Bool { self == other as? Self }
}
