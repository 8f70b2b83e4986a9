import SurveyData
import SurveyStats

extension WaveSummary {
    /// The summary of a loaded wave (or part of one) for `plan`.
    /// - Throws: ``StudyError`` for a plan that names a scale, factor or variable the codebook
    ///   lacks or cannot serve; `DataError` for a variable not in the data.
    public init(plan: AnalysisPlan, dataset: Dataset, codebook: Codebook) throws {
        let variables = try WaveVariables(dataset: dataset, codebook: codebook)
        rows = dataset.rowCount
        warnings = dataset.warnings
        columns = dataset.columns.map { column in
            ColumnCounts(name: column.name, blank: column.missing.blank,
                         userMissing: column.missing.userMissing.map(\.count), levels: variables.levelCounts(column))
        }
        for name in plan.frequencies ?? codebook.tabulableNames {
            let column = try dataset.requireColumn(name)
            if case .numeric = column.values { throw StudyError.notTabulable(name) }
            if case .text = column.values { throw StudyError.notTabulable(name) }
        }
        tallies = try (plan.descriptives ?? codebook.describableNames).map { Named(name: $0, summary: try variables.tally($0)) }
        reliability = try (plan.reliability ?? codebook.scales.map(\.name)).map { name in
            let items = try codebook.requireScale(name).items
            return Named(name: name, summary: try Self.coMoments(integers: dataset.keyedItemIntegers(items).map { ($0, nil) },
                                                                 numbers: { try dataset.keyedItemValues(items) }))
        }
        let correlated = plan.correlations ?? codebook.scales.map(\.name)
        if correlated.count >= 2 {
            let numbers = { try correlated.map(variables.numeric) }
            if plan.pairwiseCorrelations {
                correlation = .pairwise(PairwiseCoMoments(columns: try numbers()))
            } else {
                correlation = .listwise(try Self.coMoments(integers: variables.scaledIntegers(correlated), numbers: numbers))
            }
        } else {
            correlation = nil
        }
        regressions = try plan.regressions.map { model in
            Named(name: model.name, summary: RowTally(codedColumns: try ([model.dependent] + model.terms).map(variables.codedColumn)))
        }
        anovas = try plan.anovas.map { anova in
            guard let factor = try variables.categorical(anova.factor) else { throw StudyError.notCategorical(anova.factor) }
            return Named(name: anova.name, summary: try variables.groupTallies(anova.dependent, by: factor))
        }
        idHashes = []
    }

    /// Exact co-moments when every column is an integer over a denominator (Likert answers, their
    /// scale scores), else the corrected two-pass co-moments of the numbers.
    private static func coMoments(integers: consuming (columns: [[Int16]], denominators: [Int]?)?,
                                  numbers: () throws -> [[Double]]) rethrows -> CoMoments {
        guard let (columns, denominators) = integers else { return CoMoments(columns: try numbers()) }
        return CoMoments(integerColumns: columns, denominators: denominators)
    }
}
