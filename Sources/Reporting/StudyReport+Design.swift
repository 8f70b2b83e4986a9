import Study

extension StudyReport {
    /// The plan's estimates under the codebook's design, after the unweighted ones they stand beside:
    /// "Design-Based Estimates" under sampling weights, "Weighted Estimates (Frequency Weights)" or
    /// "… (Analytic Weights)" under the others, which have no sampling design.
    static func designSections(_ design: DesignResults, wave: WaveResult, prefix: String, label: (String) -> String) -> [Report.Section] {
        let weighting = "Under \(design.weightType) weights\(design.weights.map { " (\($0))" } ?? ""): the estimates below weight each row; the unweighted results above are the same analyses without weights."
        var tables: [Table] = []
        if !design.means.isEmpty { tables.append(.designMeans(design.means, design: design, unweighted: wave.descriptives)) }
        tables += design.proportions.map { .designProportions($0, label: label($0.name), design: design) }
        if let correlation = design.correlation { tables.append(.designCorrelations(correlation, design: design)) }
        tables += design.regressions.map { .designRegression($0, id: "weighted_regression_\($0.name)", design: design) }
        tables += design.anovas.map { .designRegression($0, id: "weighted_anova_\($0.name)", design: design) }
        let title = Table.designTitle("Weighted Estimates", sampled: "Design-Based Estimates", design)
        return [Report.Section(title: prefix + title, paragraphs: [weighting], tables: tables, collapsesTables: true)]
    }
}
