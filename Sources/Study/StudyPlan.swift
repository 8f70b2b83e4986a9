import Foundation
import SurveyData

/// A study file: which data, which codebook, which analyses, and (optionally) which interviews.
///
/// Paths in the file are relative to the file's folder; they are kept as written for display so
/// that reports never contain machine-specific absolute paths.
public struct StudyPlan: Sendable {
    public var title: String
    /// A date shown in the report, taken from the study file (never the clock, so runs reproduce).
    public var runDate: String?
    /// Paragraphs printed at the top of the report (e.g. that the data are synthetic).
    public var notices: [String]
    /// The codebook file; for a study file without `codebook:`, the first wave's export, whose
    /// importer gives the codebook (``codebookFromData``).
    public var codebook: FileReference
    /// Whether the codebook is the one the first wave's importer derives (``readCodebook()``).
    public var codebookFromData: Bool
    /// One or more survey waves.
    public var data: [FileReference]
    /// How the waves are imported, when they are platform exports (`import:`); SPSS and Stata
    /// files are imported without it (``DataImport``).
    public var dataImport: DataImport?
    /// Who is excluded before the analyses (`screening:`).
    public var screening: ScreeningPlan?
    public var delimiter: UInt8?
    /// The analyses; their `quasiIdentifiers` and `k` are the privacy block's (``privacy``).
    public var analyses: AnalysisPlan
    public var interviews: InterviewPlan?
    /// Open-ended questions of the survey to code (`open_ended:`).
    public var openEnded: [OpenEndedPlan] = []
    /// Which parts of the report to write, in which order (`report:`; default all).
    public var report = ReportPlan()
    public var replication: [ReplicationTarget]
    /// What the Privacy gate may let through (defaults protect).
    public var privacy: PrivacyPlan { didSet { analyses.measureKAnonymity(privacy) } }

    public init(title: String, runDate: String? = nil, notices: [String] = [], codebook: FileReference,
                data: [FileReference], delimiter: UInt8? = nil, analyses: AnalysisPlan = AnalysisPlan(),
                interviews: InterviewPlan? = nil, replication: [ReplicationTarget] = [], privacy: PrivacyPlan = PrivacyPlan(),
                codebookFromData: Bool = false, dataImport: DataImport? = nil, screening: ScreeningPlan? = nil) {
        self.codebookFromData = codebookFromData
        self.dataImport = dataImport
        self.screening = screening
        self.title = title
        self.runDate = runDate
        self.notices = notices
        self.codebook = codebook
        self.data = data
        self.delimiter = delimiter
        self.analyses = analyses
        self.interviews = interviews
        self.replication = replication
        self.privacy = privacy
        self.analyses.measureKAnonymity(privacy)
    }
}

/// A file named in a study file: as written there (for display) and resolved (for reading).
public struct FileReference: Sendable, Equatable {
    public var written: String
    public var url: URL

    public init(written: String, relativeTo base: URL) {
        self.written = written
        url = written.hasPrefix("/") ? URL(fileURLWithPath: written) : base.appendingPathComponent(written).standardizedFileURL
    }
}

/// Which statistics to compute. `nil` lists mean "every eligible variable".
public struct AnalysisPlan: Sendable, Equatable, Encodable {
    /// Variables and scales to describe; `nil`: every Likert and numeric item and every scale.
    public var descriptives: [String]?
    /// Variables to tabulate; `nil`: every Likert and categorical variable.
    public var frequencies: [String]?
    /// Scales whose reliability to report; `nil`: every scale.
    public var reliability: [String]?
    /// Whether their ordinal α and ω from polychoric correlations are reported too (``OrdinalReliabilityAnalysis``).
    public var ordinalReliability = false
    /// Variables (usually scales) to correlate; `nil`: every scale.
    public var correlations: [String]?
    public var pairwiseCorrelations: Bool
    public var regressions: [RegressionPlan]
    public var anovas: [AnovaPlan]
    /// Confirmatory factor analyses of scales (`cfa:`).
    public var factorAnalyses: [FactorAnalysisPlan]
    /// The columns whose k-anonymity the wave's summary counts (``KAnonymityAnalysis``), and the k
    /// it is stated at: the study file's `privacy: {quasi_identifiers: …, k: …}`.
    public var quasiIdentifiers: [String] = []
    public var k = PrivacyPlan.defaultK
    /// Every variable the study file names in its analyses, where and as what (empty for a plan
    /// not read from a file).
    public var references: [VariableReference]

    /// What the summary hash covers (``SummaryIdentity``): the analyses, not where the study file
    /// names them, so that editing its text elsewhere keeps the summaries valid.
    private enum CodingKeys: String, CodingKey {
        case descriptives, frequencies, reliability, correlations, pairwiseCorrelations, regressions, anovas
        case factorAnalyses = "cfa", quasiIdentifiers = "quasi_identifiers", k, ordinalReliability = "ordinal_reliability"
    }

    public init(descriptives: [String]? = nil, frequencies: [String]? = nil, reliability: [String]? = nil,
                correlations: [String]? = nil, pairwiseCorrelations: Bool = false,
                regressions: [RegressionPlan] = [], anovas: [AnovaPlan] = [], factorAnalyses: [FactorAnalysisPlan] = [],
                references: [VariableReference] = []) {
        self.references = references
        self.factorAnalyses = factorAnalyses
        self.descriptives = descriptives
        self.frequencies = frequencies
        self.reliability = reliability
        self.correlations = correlations
        self.pairwiseCorrelations = pairwiseCorrelations
        self.regressions = regressions
        self.anovas = anovas
    }

    /// Takes the quasi-identifiers and k of the study's privacy block.
    mutating func measureKAnonymity(_ privacy: PrivacyPlan) {
        quasiIdentifiers = privacy.quasiIdentifiers.map(\.name)
        k = privacy.k
    }
}

/// An OLS regression model, possibly entered in hierarchical blocks.
public struct RegressionPlan: Sendable, Equatable, Encodable {
    public var name: String
    public var title: String
    public var dependent: String
    /// Blocks of predictors entered in turn; a single block for an ordinary regression.
    public var blocks: [Block]
    public var intercept: Bool
    public var robust: Bool
    /// Where the study file defines the model.
    public var location: ConfigFileLocation?

    private enum CodingKeys: String, CodingKey { case name, title, dependent, blocks, intercept, robust }

    public struct Block: Sendable, Equatable, Encodable {
        public var name: String
        public var terms: [String]

        public init(name: String, terms: [String]) {
            self.name = name
            self.terms = terms
        }
    }

    public init(name: String, title: String, dependent: String, blocks: [Block], intercept: Bool = true, robust: Bool = false,
                location: ConfigFileLocation? = nil) {
        self.location = location
        self.name = name
        self.title = title
        self.dependent = dependent
        self.blocks = blocks
        self.intercept = intercept
        self.robust = robust
    }

    public var terms: [String] { blocks.flatMap(\.terms) }
}

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

/// Interview transcripts to code with a theme codebook.
public struct InterviewPlan: Sendable, Equatable {
    public var transcripts: [FileReference]
    public var codebook: FileReference
    public var participants: FileReference?
    public var humanCoding: FileReference?
    public var unit: String

    public init(transcripts: [FileReference], codebook: FileReference, participants: FileReference? = nil,
                humanCoding: FileReference? = nil, unit: String = "turn") {
        self.transcripts = transcripts
        self.codebook = codebook
        self.participants = participants
        self.humanCoding = humanCoding
        self.unit = unit
    }
}
