import SurveyData

/// Runs a study plan: loads the codebook and each wave, runs the analyses, checks replication targets.
public enum StudyRunner {
    /// Every wave into one result; the first wave that fails to load or analyse stops the run.
    /// (Several waves with a report each and a comparison: ``WaveBatch``.)
    public static func run(_ plan: StudyPlan, progress: StudyProgressHandler? = nil) throws -> StudyResult {
        let codebook = try loadCodebook(plan)
        let tracker = WaveProgressTracker(plan.data, handler: progress)
        let waves = try plan.data.indices.map { index in
            let dataset = try load(plan.data[index], of: plan, codebook: codebook, progress: tracker.reading(index))
            tracker.analysing(index)
            defer { tracker.finished(index) }
            return try WaveAnalysis.run(plan.analyses, dataset: dataset, codebook: codebook, file: plan.data[index].written)
        }
        let replication = try waves.first.map { try ReplicationCheck.evaluate(plan.replication, on: $0) } ?? []
        return StudyResult(title: plan.title, runDate: plan.runDate, notices: plan.notices, codebook: plan.codebook.written,
                           waves: waves, replication: replication, interviews: try plan.interviews.map(InterviewResult.run))
    }

    static func loadCodebook(_ plan: StudyPlan) throws -> Codebook {
        try Codebook(yaml: YAMLValue(contentsOf: plan.codebook.url))
    }

    /// Loads one wave, checked against the codebook, its data named by the path the study file writes.
    static func load(_ file: FileReference, of plan: StudyPlan, codebook: Codebook, progress: LoadProgress?) throws -> Dataset {
        let dataset = try Dataset.load(contentsOf: file.url, codebook: codebook, delimiter: plan.delimiter, progress: progress)
        return Dataset(file: file.written, rowCount: dataset.rowCount, columns: dataset.columns, warnings: dataset.warnings)
    }
}
