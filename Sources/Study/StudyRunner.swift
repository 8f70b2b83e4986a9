import SurveyData

/// Runs a study plan: loads the codebook and each wave, runs the analyses, checks replication targets.
public enum StudyRunner {
    public static func run(_ plan: StudyPlan) throws -> StudyResult {
        let codebook = try Codebook(yaml: YAMLValue(contentsOf: plan.codebook.url))
        let waves = try plan.data.map { file in
            let dataset = try Dataset.load(contentsOf: file.url, codebook: codebook, delimiter: plan.delimiter)
            return try WaveAnalysis.run(plan.analyses, dataset: Dataset(file: file.written, rowCount: dataset.rowCount,
                                                                        columns: dataset.columns, warnings: dataset.warnings),
                                        codebook: codebook, file: file.written)
        }
        let replication = try waves.first.map { try ReplicationCheck.evaluate(plan.replication, on: $0) } ?? []
        return StudyResult(title: plan.title, runDate: plan.runDate, notices: plan.notices, codebook: plan.codebook.written,
                           waves: waves, replication: replication, interviews: try plan.interviews.map(InterviewResult.run))
    }
}
