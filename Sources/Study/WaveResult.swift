import SurveyData
import SurveyStats

/// Every result of the analysis plan on one survey wave.
public struct WaveResult: Sendable, Encodable {
    /// The data file as the study file names it.
    public var file: String
    public var dataQuality: DataQuality
    /// Display labels of the variables and scales that appear in the results.
    public var labels: [String: String]
    public var descriptives: [DescriptivesResult]
    public var frequencies: [FrequencyTableResult]
    public var reliability: [NamedReliability]
    /// McDonald's ω and the one-factor CFA of each scale whose reliability the plan reports.
    public var omega: [NamedOmega]
    /// Ordinal α and ω of the scales, when the plan asks for them (``OrdinalReliabilityAnalysis``).
    public var ordinalReliability: [NamedOrdinalReliability] = []
    public var correlation: CorrelationResult?
    public var regressions: [NamedRegression]
    public var anovas: [NamedAnova]
    /// The confirmatory factor analyses of the study file's `cfa:` (``FactorAnalysis``).
    public var factorAnalyses: [NamedFactorAnalysis] = []
    /// The k-anonymity of the privacy block's quasi-identifiers (``KAnonymityAnalysis``); `nil` when
    /// it names none. Reported by the Privacy gate, not under the wave.
    public var kAnonymity: KAnonymityResult?
    /// The frequency tables' cells hidden by small-cell suppression, by table name (set by the
    /// Privacy gate; their counts are encoded as the mark).
    public var suppressedFrequencies: [String: SuppressedCells] = [:]
    /// The design-based estimates under the codebook's `design:` (``DesignAnalysis``); `nil` without one.
    public var design: DesignResults?
    /// The first rows of the wave's cells as read, for the privacy gate's content scan; `nil` when the
    /// wave was not read here (merged summaries). Not in results.json.
    public var cellSample: CellSample?

    /// The result of no analysis, which each ``BlockAnalysis`` fills in (``WaveAnalysis/run(_:summary:codebook:file:)``).
    init(file: String) {
        self.file = file
        dataQuality = DataQuality(rows: 0, variables: [], warnings: [])
        labels = [:]
        descriptives = []
        frequencies = []
        reliability = []
        omega = []
        regressions = []
        anovas = []
    }

    /// `name`, with its label from `codebook` recorded among the labels of the variables and scales
    /// that appear in the results.
    mutating func labelled(_ name: String, _ codebook: Codebook) -> String {
        labels[name] = codebook.label(name)
        return name
    }

    enum CodingKeys: String, CodingKey {
        case file, labels, descriptives, frequencies, reliability, omega, correlation, regressions, anovas
        case factorAnalyses = "cfa", ordinalReliability = "ordinal_reliability"
        case dataQuality = "data_quality"
        case design
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(file, forKey: .file)
        try c.encode(dataQuality, forKey: .dataQuality)
        try c.encode(labels, forKey: .labels)
        try c.encode(descriptives, forKey: .descriptives)
        try c.encode(frequencies.map { SuppressedFrequencies(table: $0, suppressed: suppressedFrequencies[$0.name]) }, forKey: .frequencies)
        try c.encode(reliability, forKey: .reliability)
        if !ordinalReliability.isEmpty { try c.encode(ordinalReliability, forKey: .ordinalReliability) }
        try c.encode(correlation, forKey: .correlation)
        try c.encode(regressions, forKey: .regressions)
        try c.encode(anovas, forKey: .anovas)
        if !factorAnalyses.isEmpty { try c.encode(factorAnalyses, forKey: .factorAnalyses) }
        if let design { try c.encode(design, forKey: .design) }
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
    /// The groups hidden by small-cell suppression (set by the Privacy gate).
    public var suppressedGroups: SuppressedCells?

    enum CodingKeys: String, CodingKey { case name, dependent, factor, result }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(dependent, forKey: .dependent)
        try c.encode(factor, forKey: .factor)
        try c.encode(SuppressedGroups(result: result, suppressed: suppressedGroups), forKey: .result)
    }
}

/// A reliability analysis with the scale it belongs to.
public struct NamedReliability: Sendable, Codable {
    public var scale: String
    public var result: ReliabilityResult
    /// The scale's reverse-keyed items (scored min + max − x), in item order.
    public var reversedItems: [String]

    enum CodingKeys: String, CodingKey {
        case scale, result
        case reversedItems = "reversed_items"
    }
}

/// McDonald's ω of a scale, or why the one-factor model could not give it (e.g. 2 items).
public struct NamedOmega: Sendable, Codable {
    public var scale: String
    /// `nil` when the model cannot be fitted; `problem` says why.
    public var result: OmegaResult?
    public var problem: String?

    enum CodingKeys: String, CodingKey { case scale, result, problem }

    public init(scale: String, result: OmegaResult?, problem: String?) {
        self.scale = scale
        self.result = result
        self.problem = problem
    }
}
