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

    public init(id: String, description: String, published: String, check: Check, value: Double? = nil,
                decimals: Int = 2, pBelow: Double? = nil) {
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

/// The outcome of checking one ``ReplicationTarget``.
public struct ReplicationCheckResult: Sendable, Equatable, Codable {
    public var id: String
    public var description: String
    public var published: String
    /// Our figure, formatted at the paper's precision.
    public var obtained: String
    /// Our value at full precision, when the check has one.
    public var value: Double?
    public var pValue: Double?
    public var reproduced: Bool

    enum CodingKeys: String, CodingKey {
        case id, description, published, obtained, value, reproduced
        case pValue = "p_value"
    }
}
