import Study
import SurveyStats

extension StudyReport {
    /// The scale means of a wave as points on the scales' range, drawn from the descriptives table.
    static func scaleMeansFigure(_ wave: WaveResult, label: (String) -> String) -> Figure? {
        let scales = wave.reliability.map(\.scale)
        let rows = wave.descriptives.filter { scales.contains($0.name) }.compactMap { d in
            d.mean.map { MeansPlot.Row(label: label(d.name), mean: $0, n: d.n, confLow: nil, confHigh: nil) }
        }
        let ranges = scales.compactMap { scaleRange(of: $0, in: wave) }
        let common = ranges.first.map { first in ranges.reduce(first) { min($0.lowerBound, $1.lowerBound)...max($0.upperBound, $1.upperBound) } }
        guard let chart = MeansPlot(axisLabel: "Mean of the items", rows: rows, scale: common) else { return nil }
        return Figure(id: "scale_means", title: "Scale means",
                      description: "Mean score of each of the \(rows.count) scales on the axis \(axisText(chart)): "
                          + rows.map { "\($0.label) \(APA.number($0.mean, decimals: 2)) (n = \($0.n))" }.joined(separator: ", ") + ".",
                      sourceTables: ["descriptives"], chart: .means(chart))
    }

    /// The group means of an ANOVA with their 95% CIs, drawn from its group table; a group whose
    /// count the privacy gate hides is left out of the chart as it is out of the table.
    static func groupMeansFigure(_ anova: NamedAnova, wave: WaveResult, label: (String) -> String) -> Figure? {
        let groups = anova.result.groups.enumerated().filter { anova.suppressedGroups?.hides($0.offset) != true }.map(\.element)
        let rows = groups.compactMap { group in
            group.mean.map { MeansPlot.Row(label: group.level, mean: $0, n: group.n, confLow: group.confLow, confHigh: group.confHigh) }
        }
        let omitted = anova.result.groups.count - rows.count
        guard let chart = MeansPlot(axisLabel: "Mean \(label(anova.dependent)) (95% CI)", rows: rows, scale: scaleRange(of: anova.dependent, in: wave)) else { return nil }
        var description = "Mean of \(label(anova.dependent)) by \(label(anova.factor)) with 95% confidence intervals, on the axis \(axisText(chart)): "
            + rows.map { row in "\(row.label) \(APA.number(row.mean, decimals: 2))" + (row.confLow.flatMap { low in row.confHigh.map { ", 95% CI [\(APA.number(low, decimals: 2)), \(APA.number($0, decimals: 2))]" } } ?? "") }.joined(separator: "; ") + "."
        if omitted > 0 { description += " \(omitted) group\(omitted == 1 ? " is" : "s are") not drawn (no cases, or a count hidden by small-cell suppression)." }
        return Figure(id: "means_\(anova.name)", title: "Mean \(label(anova.dependent)) by \(label(anova.factor))",
                      description: description, sourceTables: ["anova_\(anova.name)_groups"], chart: .means(chart))
    }

    /// The codebook range of a variable or scale, read from the scale points of its (items')
    /// frequency tables: 1…5 for a 5-point Likert item and for the mean of such items; `nil` when
    /// the wave has no such table or its points are not numbers.
    static func scaleRange(of name: String, in wave: WaveResult) -> ClosedRange<Double>? {
        let items = wave.reliability.first { $0.scale == name }.map { $0.result.items.map(\.name) } ?? [name]
        let points = wave.frequencies.filter { items.contains($0.name) && $0.kind == .likert }.flatMap { $0.levels.compactMap { Double($0.value) } }
        guard let low = points.min(), let high = points.max(), low < high else { return nil }
        return low...high
    }

    private static func axisText(_ chart: MeansPlot) -> String {
        "from \(APA.number(chart.range.lowerBound, decimals: 0)) to \(APA.number(chart.range.upperBound, decimals: 0))"
    }
}
