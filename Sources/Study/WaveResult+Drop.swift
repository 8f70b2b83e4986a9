import SurveyData

extension WaveResult {
    /// Removes the personal-data `columns` from the wave's results: each analysis of `plan` drops
    /// its results that use one of them (``BlockAnalysis/drop(_:from:)``), and their labels go.
    /// Returns the analyses dropped, as the privacy report names them, in ``PlanAnalyses/all`` order.
    public mutating func drop(columns: Set<String>, plan: AnalysisPlan, codebook: Codebook) -> [String] {
        guard !columns.isEmpty else { return [] }
        let dropped = PlanAnalyses.make(plan, codebook: codebook).flatMap { $0.drop(columns, from: &self) }
        for name in columns { labels[name] = nil }
        return dropped
    }
}

extension Array {
    /// Removes the results that use one of `columns` (`uses` gives a result's variables); returns
    /// each removed one as `named` names it for the privacy report (`nil`: removed unreported).
    mutating func drop(using columns: Set<String>, uses: (Element) -> [String], named: (Element) -> String?) -> [String] {
        let dropped = filter { uses($0).contains(where: columns.contains) }
        removeAll { uses($0).contains(where: columns.contains) }
        return dropped.compactMap(named)
    }
}
