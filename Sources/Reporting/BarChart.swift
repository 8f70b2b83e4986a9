/// Horizontal bars of percentages from zero (e.g. the share of participants mentioning each theme),
/// the value printed at the end of each bar.
public struct BarChart: Sendable, Equatable {
    public var axisLabel: String
    public var bars: [Bar]

    public struct Bar: Sendable, Equatable {
        public var label: String
        /// Percent, 0–100.
        public var percent: Double

        public init(label: String, percent: Double) {
            self.label = label
            self.percent = percent
        }
    }

    public init(axisLabel: String, bars: [Bar]) {
        self.axisLabel = axisLabel
        self.bars = bars
    }

    /// Draws the bars and the 0–100 axis below the figure header; returns the bottom.
    func draw(on canvas: inout SVGCanvas) -> Double {
        let labelWidth = 250.0, plotLeft = SVGCanvas.margin + labelWidth + 8, plotWidth = 360.0
        let barHeight = 18.0, gap = 7.0
        func x(_ percent: Double) -> Double { plotLeft + min(max(percent, 0), 100) / 100 * plotWidth }
        var y = SVGCanvas.headerHeight + 6
        let top = y
        for bar in bars {
            canvas.text(bar.label, x: plotLeft - 8, y: y + 13, anchor: .end, limit: 44)
            canvas.rect(x: plotLeft, y: y, width: x(bar.percent) - plotLeft, height: barHeight, fill: Palette.redBlue11[8])
            canvas.text(APA.number(bar.percent, decimals: 1), x: x(bar.percent) + 4, y: y + 13, size: 10)
            y += barHeight + gap
        }
        canvas.line(x1: plotLeft, y1: top, x2: plotLeft, y2: y)
        canvas.line(x1: plotLeft, y1: y, x2: plotLeft + plotWidth, y2: y)
        for tick in stride(from: 0, through: 100, by: 20) {
            canvas.line(x1: x(Double(tick)), y1: y, x2: x(Double(tick)), y2: y + 4)
            canvas.text("\(tick)", x: x(Double(tick)), y: y + 15, size: 10, anchor: .middle)
        }
        canvas.text(axisLabel, x: plotLeft + plotWidth / 2, y: y + 30, size: 10, anchor: .middle)
        return y + 34
    }
}
