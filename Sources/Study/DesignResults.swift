import SurveyStats

/// The plan's design-based estimates (``DesignAnalysis``), with the design they were made under.
public struct DesignResults: Sendable, Encodable {
    /// `sampling`, `frequency` or `analytic`: which variances the standard errors are.
    public var weightType: String
    public var weights: String?
    public var strata: String?
    public var psu: String?
    public var fpc: String?
    /// One per described variable (its complete rows differ from the others').
    public var means: [DesignMeansResult] = []
    /// Per tabulated variable, its levels' weighted proportions and counts.
    public var proportions: [NamedDesignMeans] = []
    public var correlation: DesignCorrelationResult?
    public var regressions: [NamedDesignRegression] = []
    /// Per one-way ANOVA, the weighted regression on the factor's indicators: its Wald F compares the group means.
    public var anovas: [NamedDesignRegression] = []

    init(weightType: String, weights: String?, strata: String?, psu: String?, fpc: String?) {
        self.weightType = weightType
        self.weights = weights
        self.strata = strata
        self.psu = psu
        self.fpc = fpc
    }

    private enum CodingKeys: String, CodingKey {
        case weightType = "weight_type", weights, strata, psu, fpc, means, proportions, correlation, regressions, anovas
    }

    /// The design's roles always present (`null` when not given).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(weightType, forKey: .weightType)
        try c.encode(weights, forKey: .weights)
        try c.encode(strata, forKey: .strata)
        try c.encode(psu, forKey: .psu)
        try c.encode(fpc, forKey: .fpc)
        try c.encode(means, forKey: .means)
        try c.encode(proportions, forKey: .proportions)
        try c.encode(correlation, forKey: .correlation)
        try c.encode(regressions, forKey: .regressions)
        try c.encode(anovas, forKey: .anovas)
    }
}

/// A tabulated variable's weighted proportions (one row per level).
public struct NamedDesignMeans: Sendable, Codable {
    public var name: String
    public var result: DesignMeansResult
}

/// A weighted regression (or one-way comparison) with the name the study file gives it.
public struct NamedDesignRegression: Sendable, Codable {
    public var name: String
    public var title: String
    public var dependent: String
    public var result: DesignRegressionResult
}
