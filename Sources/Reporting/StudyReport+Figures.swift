import Study
import SurveyStats

extension StudyReport {
    /// One diverging stacked bar chart per scale whose items all have frequency tables.
    static func likertFigures(_ wave: WaveResult, label: (String) -> String) -> [Figure] {
        let tables = Dictionary(wave.frequencies.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        return wave.reliability.compactMap { scale in
            let items = scale.result.items.compactMap { tables[$0.name] }
            guard items.count == scale.result.items.count,
                  let chart = DivergingBarChart(items, suppressed: wave.suppressedFrequencies, label: label) else { return nil }
            let points = chart.levels.first.map { first in "from \(first) to \(chart.levels.last ?? first)" } ?? ""
            let hidden = chart.hiddenLabel == nil ? "" : " Scale points whose counts the tables hide (\"< \(wave.suppressedFrequencies.values.first?.minCell ?? 0)\", \"\(SuppressedCells.complementaryMark)\") are one grey segment per item, their share together: at the end of their side, or across zero when they lie on both sides."
            return Figure(
                id: "likert_\(scale.scale)",
                title: "Answers to the items of \(label(scale.scale))",
                description: "Diverging stacked bars of the \(items.count) items of \(label(scale.scale)): the percentage of valid answers at each of the \(chart.levels.count) scale points, \(points); disagreement left of zero, agreement right, the middle point split across zero. Item n: " + chart.items.map { "\($0.name) \($0.n)" }.joined(separator: ", ") + "." + hidden,
                sourceTables: items.map { Table.frequencies($0).id },
                chart: .likert(chart))
        }
    }

    /// The coefficient plot of a regression, drawn from its table.
    static func coefficientFigure(_ model: NamedRegression, tableID: String) -> Figure? {
        CoefficientPlot(model.result).map { chart in
            Figure(id: "coefficients_\(model.name)", title: "Standardized coefficients: \(model.title)",
                   description: "Standardized regression coefficients (β) of \(model.result.response) with 95% confidence intervals"
                       + (chart.isRobust ? " (HC3)" : "") + ", B's interval scaled by sd(x)/sd(y): "
                       + chart.points.map { point in
                           let interval = point.confLow.flatMap { low in point.confHigh.map { " [\(APA.number(low, decimals: 2, leadingZero: false)), \(APA.number($0, decimals: 2, leadingZero: false))]" } } ?? ""
                           return "\(point.term) \(APA.number(point.beta, decimals: 2, leadingZero: false))\(interval) (block \(point.block))"
                       }.joined(separator: ", ") + ".",
                   sourceTables: [tableID], chart: .coefficients(chart))
        }
    }

    /// The heatmap of a correlation matrix, drawn from its table.
    static func correlationFigure(_ result: CorrelationResult, tableID: String, label: (String) -> String) -> Figure {
        let chart = CorrelationHeatmap(result, label: label)
        return Figure(id: "correlations", title: "Pearson correlations of the scale scores",
                      description: "Heatmap of the lower triangle of the correlation matrix of \(chart.labels.count) variables, r printed in each cell, colour from red (r = −1) through white (0) to blue (r = 1).",
                      sourceTables: [tableID], chart: .correlations(chart))
    }
}
