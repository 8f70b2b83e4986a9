import SurveyData

/// The analyses the engine runs on every wave, in the order of their summaries in a ``WaveSummary``,
/// of their results and of what the privacy gate reports dropping: the one list a new
/// ``BlockAnalysis`` is registered in.
enum PlanAnalyses {
    static let all: [any BlockAnalysis.Type] = [
        FrequencyAnalysis.self,
        DescriptivesAnalysis.self,
        ReliabilityAnalysis.self,
        OrdinalReliabilityAnalysis.self,
        FactorAnalysis.self,
        CorrelationAnalysis.self,
        RegressionAnalysis.self,
        AnovaAnalysis.self,
        DesignAnalysis.self,
        KAnonymityAnalysis.self,
        RespondentIDAnalysis.self,
    ]

    /// The settings types of ``all``, each once (two analyses may read the same settings), in its
    /// order: the order in which ``AnalysisPlan`` reads a study file's `analyses:`.
    static let settingsTypes: [any AnalysisSettings.Type] = {
        var seen = Set<ObjectIdentifier>()
        return all.map { $0.settingsType }.filter { seen.insert(ObjectIdentifier($0)).inserted }
    }()

    /// Each analysis as `plan` asks for it on waves of `codebook`.
    static func make(_ plan: AnalysisPlan, codebook: Codebook) -> [any BlockAnalysis] {
        all.map { $0.init(plan: plan, codebook: codebook) }
    }
}
