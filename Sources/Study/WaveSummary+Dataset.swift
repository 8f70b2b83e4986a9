import SurveyData

extension WaveSummary {
    /// The summary of a loaded wave (or part of one) for `plan`.
    /// - Throws: ``StudyError`` for a plan that names a scale, factor or variable the codebook
    ///   lacks or cannot serve; `DataError` for a variable not in the data.
    public init(plan: AnalysisPlan, dataset: Dataset, codebook: Codebook) throws {
        try self.init(PlanAnalyses.make(plan, codebook: codebook), dataset: dataset, codebook: codebook)
    }

    /// The summary of a loaded wave (or part of one) by each of `analyses` (``PlanAnalyses/make(_:codebook:)``).
    init(_ analyses: [any BlockAnalysis], dataset: Dataset, codebook: Codebook, firstLine: Int? = nil) throws {
        var variables = try WaveVariables(dataset: dataset, codebook: codebook)
        variables.firstLine = firstLine
        self.init(rows: dataset.rowCount, warnings: dataset.warnings, summaries: try analyses.map { try $0.anySummary(variables) })
    }
}
