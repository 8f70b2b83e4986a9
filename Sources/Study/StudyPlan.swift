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
    /// Whether the codebook is the one the first wave's importer derives (``StudyRunner``'s `prepare` imports the first wave once for it).
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
    public var privacy: PrivacyPlan { didSet { analyses[KAnonymitySettings.self] = KAnonymitySettings(privacy) } }

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
        self.analyses[KAnonymitySettings.self] = KAnonymitySettings(privacy)
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
