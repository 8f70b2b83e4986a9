import SurveyStats

/// Every result of the analysis plan on one survey wave.
public struct WaveResult: Sendable, Codable {
    /// The data file as the study file names it.
    public var file: String
    public var dataQuality: DataQuality
    /// Display labels of the variables and scales that appear in the results.
    public var labels: [String: String]
    public var descriptives: [DescriptivesResult]
    public var frequencies: [FrequencyTableResult]
    public var reliability: [NamedReliability]
    public var correlation: CorrelationResult?
    public var regressions: [NamedRegression]
    public var anovas: [NamedAnova]

    enum CodingKeys: String, CodingKey {
        case file, labels, descriptives, frequencies, reliability, correlation, regressions, anovas
        case dataQuality = "data_quality"
    }
}

/// A regression result with the name and title the study file gives it.
public struct NamedRegression: Sendable, Codable {
    public var name: String
    public var title: String
    public var result: RegressionResult
}

/// A one-way ANOVA result with the name the study file gives it.
public struct NamedAnova: Sendable, Codable {
    public var name: String
    public var dependent: String
    public var factor: String
    public var result: AnovaResult
}

/// A reliability analysis with the scale it belongs to.
public struct NamedReliability: Sendable, Codable {
    public var scale: String
    public var result: ReliabilityResult
}
