import Import
import SurveyData

/// Runs a study plan: loads the codebook and each wave, runs the analyses, checks replication targets.
public enum StudyRunner {
    /// Every wave into one result; the first wave that fails to load or analyse stops the run.
    /// (Several waves with a report each and a comparison: ``WaveBatch``.)
    public static func run(_ plan: StudyPlan, progress: StudyProgressHandler? = nil) throws -> StudyResult {
        let (codebook, firstImport) = try prepare(plan)
        let tracker = WaveProgressTracker(plan.data, handler: progress)
        let readings = try plan.data.indices.map { index in
            let reading = try WaveReading.read(plan.data[index], of: plan, codebook: codebook, imported: index == 0 ? firstImport : nil,
                                               progress: tracker.reading(index))
            tracker.analysing(index)
            defer { tracker.finished(index) }
            var wave = try WaveAnalysis.run(plan.analyses, summary: reading.summary, codebook: codebook, file: plan.data[index].written)
            wave.cellSample = reading.cellSample
            return (reading, wave)
        }
        return try result(plan, codebook: codebook, waves: readings.map(\.1), flows: readings.compactMap(\.0.flow), interviews: plan.interviews.map(InterviewResult.run),
                          openEnded: zip(plan.data, readings).flatMap { try OpenEndedResult.code($1.0, of: plan, file: $0, codebook: codebook) })
    }

    /// The summary file of one part of a wave (a data file with the wave's header and some of its
    /// rows, or a shard of the wave's file) for the study's analysis plan, with the hashes of its
    /// respondent IDs: what `paradox summarize` writes for `paradox merge`. A shard is named
    /// `FILE#i/N` in the summary's parts.
    ///
    /// A part that is a platform export (`data: x.sav`, `import:`) is imported (once: a study whose
    /// codebook came from the same file reuses that import); a study that screens screens each part
    /// by the rules on its own rows, and the summary carries the part's participant flow
    /// (``ScreeningTally``), which merges exactly.
    /// - Throws: ``StudyError/needsWholeWave(reason:)`` for what a part cannot do alone (open-ended
    ///   answers, speeders against the median, duplicates by their answers);
    ///   ``StudyError/exportNotSharded(_:)`` for `shard` of an export.
    public static func summarize(_ identity: SummaryIdentity, part: FileReference, shard: DataShard? = nil,
                                 progress: LoadProgress? = nil) throws -> WaveSummaryFile {
        let plan = identity.plan
        if !plan.openEnded.isEmpty { throw StudyError.needsWholeWave(reason: "codes open-ended answers") }
        if let reason = plan.screening?.wholeWaveReason { throw StudyError.needsWholeWave(reason: reason) }
        let isExport = DataImport.imports(part, under: plan.dataImport)
        if isExport && shard != nil { throw StudyError.exportNotSharded(part.written) }
        let reading = try WaveReading.read(part, of: plan, codebook: identity.codebook,
                                           imported: part.url.standardizedFileURL == plan.codebook.url.standardizedFileURL ? identity.firstImport : nil,
                                           shard: shard, collectingIDHashes: true, progress: progress)
        return WaveSummaryFile(identity: identity, parts: [part.written + (shard.map { "#\($0)" } ?? "")], summary: reading.summary)
    }

    /// The study's result on the wave whose parts were summarised separately and merged
    /// (``WaveSummaryFile/merged(_:expecting:)``): the same numbers as ``run(_:progress:)`` on the
    /// whole wave (to rounding), and the same participant flow. The privacy gate's content scan
    /// reads the study's one data file when it is a plain CSV here (an export's parts were read elsewhere).
    public static func analyse(_ identity: SummaryIdentity, merged: WaveSummaryFile) throws -> StudyResult {
        let plan = identity.plan
        let file = plan.data.count == 1 ? plan.data[0].written : "\(merged.parts.count) merged parts"
        var wave = try WaveAnalysis.run(plan.analyses, summary: merged.summary, codebook: identity.codebook, file: file)
        if plan.data.count == 1 && !DataImport.imports(plan.data[0], under: plan.dataImport) {
            wave.cellSample = CellSample(contentsOf: plan.data[0].url, delimiter: plan.delimiter)
        }
        return try result(plan, codebook: identity.codebook, waves: [wave], flows: merged.summary.screening.map { [$0.flow(file: file)] } ?? [],
                          interviews: plan.interviews.map(InterviewResult.run))
    }

    /// The study's result from its analysed waves (replication checks on the first), its coded
    /// interviews and open-ended answers.
    static func result(_ plan: StudyPlan, codebook: Codebook, waves: [WaveResult], flows: [ParticipantFlow] = [], interviews: InterviewResult?,
                       openEnded: [OpenEndedResult] = []) throws -> StudyResult {
        let replication = try waves.first.map { try ReplicationCheck.evaluate(plan.replication, on: $0) } ?? []
        return StudyResult(title: plan.title, runDate: plan.runDate, notices: notices(plan, codebook: codebook), codebook: plan.codebook.written, codebookUsed: codebook,
                           waves: waves, replication: replication,
                           interviews: interviews, screening: flows.isEmpty ? nil : flows, openEnded: openEnded, report: plan.report)
    }

    /// The study file's notices, then, when the codebook says its data are synthetic (`synthetic:`,
    /// written by `paradox simulate --like`), a notice saying so at the top of every report.
    static func notices(_ plan: StudyPlan, codebook: Codebook) -> [String] {
        guard let synthetic = codebook.synthetic else { return plan.notices }
        return plan.notices + ["The survey data in this report are SYNTHETIC: \(synthetic.bounded(300)) No real respondent is described here."]
    }

    /// The plan's codebook, with the plan checked against it (every problem at its study-file line)
    /// before any data is read, and the first wave's import when the codebook came from it (so that
    /// the wave is not imported twice).
    static func prepare(_ plan: StudyPlan) throws -> (codebook: Codebook, firstImport: ImportedSurvey?) {
        let firstImport = plan.codebookFromData ? try DataImport.read(plan.codebook, under: plan.dataImport) : nil
        let codebook = try firstImport?.codebook ?? Codebook(yaml: YAMLValue(contentsOf: plan.codebook.url))
        try ConfigFileProblems.throwIfAny(plan.problems(against: codebook))
        return (codebook, firstImport)
    }
}
