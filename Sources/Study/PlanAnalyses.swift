import SurveyData

/// The analyses the engine runs on every wave, in the order of their summaries in a ``WaveSummary``
/// and of their results: the one list a new ``BlockAnalysis`` is registered in.
enum PlanAnalyses {
    static let all: [any BlockAnalysis.Type] = [
        FrequencyAnalysis.self,
        DescriptivesAnalysis.self,
        ReliabilityAnalysis.self,
        OrdinalReliabilityAnalysis.self,
        CorrelationAnalysis.self,
        RegressionAnalysis.self,
        AnovaAnalysis.self,
        DesignAnalysis.self,
        FactorAnalysis.self,
        KAnonymityAnalysis.self,
        RespondentIDAnalysis.self,
    ]

    /// Each analysis as `plan` asks for it on waves of `codebook`.
    static func make(_ plan: AnalysisPlan, codebook: Codebook) -> [any BlockAnalysis] {
        all.map { $0.init(plan: plan, codebook: codebook) }
    }
}
