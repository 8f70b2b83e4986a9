import SurveyData

/// A one-way ANOVA of a dependent variable across the levels of a categorical factor.
public struct AnovaPlan: Sendable, Equatable, Encodable {
    public var name: String
    public var dependent: String
    public var factor: String
    /// Where the study file defines the ANOVA.
    public var location: ConfigFileLocation?

    private enum CodingKeys: String, CodingKey { case name, dependent, factor }

    public init(name: String, dependent: String, factor: String, location: ConfigFileLocation? = nil) {
        self.location = location
        self.name = name
        self.dependent = dependent
        self.factor = factor
    }
}
