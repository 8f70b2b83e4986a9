extension BarChart {
    /// A chart of means with their confidence intervals, on an axis that spans the Likert range 1–5
    /// and widens to whole numbers that hold every interval.
    static func means(title: String, bars: [Bar]) -> BarChart {
        let extremes = bars.flatMap { [$0.low ?? $0.value, $0.high ?? $0.value] }
        return BarChart(title: title, axisLabel: "Mean", bars: bars,
                        range: min(1, (extremes.min() ?? 1).rounded(.down))...max(5, (extremes.max() ?? 5).rounded(.up)))
    }
}
