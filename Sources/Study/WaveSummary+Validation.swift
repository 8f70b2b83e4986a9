import SurveyData

extension WaveSummary {
    /// Checks a summary read from a file — made on another machine, so untrusted — before it is
    /// merged or analysed:
    /// - its rows are 0 or more;
    /// - it holds a summary for each analysis of ``PlanAnalyses/all``, each checked by its analysis
    ///   (``BlockAnalysis/validate(_:shape:_:)``) against the summary of no rows under `plan` and
    ///   `codebook`: the same entries with as many counts and values, counts that are 0 or more and
    ///   add up to `rows` (so no count in a valid summary exceeds `rows`, and summaries whose rows add
    ///   up within `Int`'s range merge without overflow: ``merge(_:)`` checks the rows), values the
    ///   variables can take and co-moments of such values.
    ///
    /// The invariants of the tallies themselves (one count per value, ascending finite values,
    /// positive counts) are checked as they are decoded (``ValueTally``, ``RowTally``, ``CoMoments``,
    /// ``RespondentHashes``).
    /// - Throws: ``WaveSummaryError/invalid(at:expected:)`` naming the first offending key.
    public func validate(plan: AnalysisPlan, codebook: Codebook) throws {
        guard rows >= 0 else { throw WaveSummaryError.invalid(at: "rows", expected: "0 or more rows, found \(rows)") }
        let noRows = Dataset(noRowsOf: codebook, file: "")
        let analyses = PlanAnalyses.make(plan, codebook: codebook)
        let shape = try WaveSummary(analyses, dataset: noRows, codebook: codebook)
        let check = SummaryChecker(rows: rows, variables: try WaveVariables(dataset: noRows, codebook: codebook))
        try requireSameShape(summaries.count, analyses.count, "analyses")
        for (analysis, (summary, expected)) in zip(analyses, zip(summaries, shape.summaries)) {
            try analysis.validate(any: summary, shape: expected, check)
        }
    }

    /// Checks the summary's participant flow against the study's screening rules: present exactly
    /// when the study screens, with the rules and criteria those rules give on no rows, and its
    /// counts adding up to the rows analysed (``ScreeningTally/validate(rows:shape:)``).
    func validateScreening(_ identity: SummaryIdentity) throws {
        guard let plan = identity.plan.screening, !plan.isEmpty else {
            guard screening == nil else { throw WaveSummaryError.invalid(at: "screening", expected: "no participant flow (the study screens no one)") }
            return
        }
        guard let screening else { throw WaveSummaryError.invalid(at: "screening", expected: "the participant flow of the study's screening rules") }
        let shape = try Screening(plan, dataset: Dataset(noRowsOf: identity.codebook, file: ""), codebook: identity.codebook, file: "")
        try screening.validate(rows: rows, shape: ScreeningTally(shape.flow))
    }
}
