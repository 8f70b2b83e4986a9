import SurveyData

/// Runs a study over several waves one at a time: each wave is loaded, analysed and handed over as
/// a single-wave ``StudyResult`` (for its own report), then only its tallies are kept for the
/// comparison, so that one wave's data is in memory at a time. A wave that fails to load or analyse
/// is recorded with its error and the others go on.
public enum WaveBatch {
    /// What happened to one wave.
    public enum Outcome: Sendable {
        /// The wave's report, exactly as a run of the study on that wave alone would produce it.
        case analysed(WaveStatus, StudyResult)
        case failed(WaveStatus)
    }

    /// - Parameters:
    ///   - onWave: called after each wave, in order (e.g. to write its report); its errors stop the batch.
    /// - Throws: ``BatchError``, codebook and interview errors (they
    ///   concern every wave), and whatever `onWave` throws.
    public static func run(_ plan: StudyPlan, progress: StudyProgressHandler? = nil,
                           onWave: (Outcome) throws -> Void) throws -> BatchResult {
        for file in plan.data {
            let namesakes = plan.data.filter { $0.stem == file.stem }
            if namesakes.count > 1 { throw BatchError.duplicateWaveName(file.stem, files: namesakes.map(\.written)) }
        }
        let (codebook, firstImport) = try StudyRunner.prepare(plan)
        let interviews = try plan.interviews.map(InterviewResult.run)
        let tracker = WaveProgressTracker(plan.data, handler: progress)
        var statuses: [WaveStatus] = []
        var tallies: [WaveTallies] = []
        for (index, file) in plan.data.enumerated() {
            let outcome: Outcome
            do {
                let reading = try WaveReading.read(file, of: plan, codebook: codebook, imported: index == 0 ? firstImport : nil,
                                                   progress: tracker.reading(index))
                let summary = reading.summary
                tracker.analysing(index)
                var wave = try WaveAnalysis.run(plan.analyses, summary: summary, codebook: codebook, file: file.written)
                wave.cellSample = reading.cellSample
                let result = try StudyRunner.result(plan, codebook: codebook, waves: [wave], flows: reading.flow.map { [$0] } ?? [], interviews: interviews,
                                                    openEnded: try OpenEndedResult.code(reading, of: plan, file: file, codebook: codebook))
                tallies.append(WaveTallies(wave: file.stem, summary: summary, codebook: codebook))
                outcome = .analysed(WaveStatus(name: file.stem, file: file.written, rows: summary.rows), result)
            } catch {
                outcome = .failed(WaveStatus(name: file.stem, file: file.written, error: message(error, file: file)))
            }
            tracker.finished(index)
            switch outcome {
            case .analysed(let status, _), .failed(let status): statuses.append(status)
            }
            try onWave(outcome)
        }
        return BatchResult(title: plan.title, runDate: plan.runDate, notices: StudyRunner.notices(plan, codebook: codebook), codebook: plan.codebook.written,
                           waves: statuses, variables: WaveComparison.compare(tallies))
    }

    /// The error as the loader states it, with the file named as the study file writes it.
    static func message(_ error: Error, file: FileReference) -> String {
        guard let data = error as? DataError else { return "\(file.written): \(error)" }
        guard data.file == file.url.path else { return "\(data)" }
        return "\(DataError(file: file.written, line: data.line, column: data.column, columnName: data.columnName, kind: data.kind))"
    }
}
