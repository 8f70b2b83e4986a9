/// Means with their 95% confidence intervals, one row per group or wave: a point at the mean and a
/// whisker over the interval (not a bar from an arbitrary baseline, which on a Likert axis would
/// suggest a zero the scale does not have). The axis spans the scale's range from the codebook
/// when it is known, widened to whole numbers that hold every interval.
public struct MeansPlot: Sendable, Equatable {
    public var axisLabel: String
    public var rows: [Row]
    public var range: ClosedRange<Double>

    public struct Row: Sendable, Equatable {
        public var label: String
        public var mean: Double
        public var n: Int
        /// The interval; `nil` when it is undefined (n < 2).
        public var confLow: Double?
        public var confHigh: Double?

        public init(label: String, mean: Double, n: Int, confLow: Double?, confHigh: Double?) {
            self.label = label
            self.mean = mean
            self.n = n
            self.confLow = confLow
            self.confHigh = confHigh
        }
    }

    /// `nil` without rows. `scale` is the variable's range (e.g. 1…5 for a 5-point item or the
    /// mean of such items); without it the axis spans the intervals.
    public init?(axisLabel: String, rows: [Row], scale: ClosedRange<Double>?) {
        guard !rows.isEmpty else { return nil }
        let values = rows.flatMap { [$0.confLow ?? $0.mean, $0.confHigh ?? $0.mean] }
        var low = (values.min() ?? 0).rounded(.down), high = (values.max() ?? 1).rounded(.up)
        if let scale { low = min(low, scale.lowerBound); high = max(high, scale.upperBound) }
        self.axisLabel = axisLabel
        self.rows = rows
        self.range = low...max(high, low + 1)
    }

    /// Draws the points, whiskers and axis below the figure header; returns the bottom.
    func draw(on canvas: inout SVGCanvas) -> Double {
        let labelWidth = 250.0, plotLeft = SVGCanvas.margin + labelWidth + 8, plotWidth = 360.0, rowHeight = 22.0
        let span = range.upperBound - range.lowerBound
        func x(_ value: Double) -> Double { plotLeft + (value - range.lowerBound) / span * plotWidth }
        var y = SVGCanvas.headerHeight + 6
        let top = y
        for row in rows {
            let mid = y + rowHeight / 2
            canvas.text(row.label, x: plotLeft - 8, y: mid + 4, anchor: .end, limit: 44)
            canvas.line(x1: plotLeft, y1: mid, x2: plotLeft + plotWidth, y2: mid, stroke: "#ddd", width: 0.5)
            if let low = row.confLow, let high = row.confHigh {
                canvas.line(x1: x(low), y1: mid, x2: x(high), y2: mid, width: 1.5)
                canvas.line(x1: x(low), y1: mid - 5, x2: x(low), y2: mid + 5, width: 1.5)
                canvas.line(x1: x(high), y1: mid - 5, x2: x(high), y2: mid + 5, width: 1.5)
            }
            canvas.marker(x: x(row.mean), y: mid, fill: Palette.redBlue11[9], square: false)
            canvas.text("\(APA.number(row.mean, decimals: 2)) (n = \(row.n))", x: plotLeft + plotWidth + 8, y: mid + 4, size: 10)
            y += rowHeight
        }
        canvas.line(x1: plotLeft, y1: top, x2: plotLeft, y2: y)
        canvas.line(x1: plotLeft, y1: y, x2: plotLeft + plotWidth, y2: y)
        let step = span <= 10 ? 1.0 : (span / 5).rounded(.up)
        var tick = range.lowerBound
        while tick <= range.upperBound + 1e-9 {
            canvas.line(x1: x(tick), y1: y, x2: x(tick), y2: y + 4)
            canvas.text(APA.number(tick, decimals: 0), x: x(tick), y: y + 15, size: 10, anchor: .middle)
            tick += step
        }
        canvas.text(axisLabel, x: plotLeft + plotWidth / 2, y: y + 30, size: 10, anchor: .middle)
        return y + 34
    }
}
