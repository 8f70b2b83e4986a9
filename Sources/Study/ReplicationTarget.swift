import SurveyData

/// A published figure that the study run must reproduce, at the precision the paper reports it.
public struct ReplicationTarget: Sendable, Equatable {
    public var id: String
    public var description: String
    /// The figure as the paper prints it (e.g. "β = .45, p < .01").
    public var published: String
    public var check: Check
    /// Whether the published value must match when rounded to `decimals` places.
    public var value: Double?
    public var decimals: Int
    /// The reported p-value bound (e.g. .01 for "p < .01").
    public var pBelow: Double?
    /// Where the study file defines the target.
    public var location: ConfigFileLocation?

    public init(id: String, description: String, location: ConfigFileLocation? = nil, published: String, check: Check,
                value: Double? = nil, decimals: Int = 2, pBelow: Double? = nil) {
        self.location = location
        self.id = id
        self.description = description
        self.published = published
        self.check = check
        self.value = value
        self.decimals = decimals
        self.pBelow = pBelow
    }

    public enum Check: Sendable, Equatable {
        /// The mean of a variable or scale.
        case mean(variable: String)
        /// The total N of an ANOVA (df between + df within + 1).
        case sampleSize(anova: String)
        /// A standardized coefficient β of a regression term (full model).
        case standardizedCoefficient(model: String, term: String)
        /// The F statistic of an ANOVA, with its degrees of freedom.
        case anovaF(anova: String)
        /// Group means of an ANOVA fall from the first level to the last.
        case meansDecreasing(anova: String)
    }
}

/// The outcome of checking one ``ReplicationTarget``: our figures as plain values (Reporting formats them).
public struct ReplicationCheckResult: Sendable, Equatable, Codable {
    public var id: String
    public var description: String
    public var published: String
    /// What kind of figure: `n`, `mean`, `std_estimate`, `anova_f` or `means_decreasing`.
    public var statistic: String
    /// Our value at full precision (N, M, β or F).
    public var value: Double?
    /// The decimals the paper prints the value with.
    public var decimals: Int
    public var pValue: Double?
    /// Degrees of freedom of an F test.
    public var df: [Int]?
    /// Group means in level order (for `means_decreasing`).
    public var means: [Double]?
    public var reproduced: Bool

    enum CodingKeys: String, CodingKey {
        case id, description, published, statistic, value, decimals, df, means, reproduced
        case pValue = "p_value"
    }
}
