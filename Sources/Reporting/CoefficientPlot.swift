import SurveyStats

/// A coefficient plot of one regression: the standardized coefficient β of every predictor column
/// as a point with its 95% CI (HC3 when the model asked for it), grouped by hierarchical block (each
/// block its own marker shape and colour), a dashed line at zero.
public struct CoefficientPlot: Sendable, Equatable {
    public var points: [Point]
    /// Whether the intervals are HC3 ones.
    public var isRobust: Bool

    public struct Point: Sendable, Equatable {
        public var term: String
        public var beta: Double
        public var confLow: Double?
        public var confHigh: Double?
        /// 1-based block of the term.
        public var block: Int
    }

    /// The plot of every coefficient that has a β (the intercept has none); `nil` when none has.
    public init?(_ result: RegressionResult) {
        func block(of term: String) -> Int {
            result.blocks.first { $0.terms.contains { term == $0 || term.hasPrefix($0 + "[") } }?.block ?? 1
        }
        let robust = result.coefficients.first?.stdErrorHC3 != nil
        points = result.coefficients.compactMap { c in
            c.stdEstimate.map { Point(term: c.term, beta: $0, confLow: robust ? c.stdConfLowHC3 : c.stdConfLow,
                                      confHigh: robust ? c.stdConfHighHC3 : c.stdConfHigh, block: block(of: c.term)) }
        }
        isRobust = robust
        if points.isEmpty { return nil }
    }

    static let blockColours = ["#2166ac", "#b2182b", "#4d4d4d"]

    /// Draws the block legend, points and axis below the figure header; returns the bottom.
    func draw(on canvas: inout SVGCanvas) -> Double {
        let labelWidth = 250.0, plotLeft = SVGCanvas.margin + labelWidth + 8, plotWidth = 360.0, rowHeight = 20.0
        let blocks = Array(Set(points.map(\.block))).sorted()
        var y = SVGCanvas.headerHeight + 6
        if blocks.count > 1 {
            var x = SVGCanvas.margin
            for block in blocks {
                canvas.marker(x: x + 5, y: y + 6, fill: Self.colour(block), square: block % 2 == 0)
                canvas.text("Block \(block)", x: x + 14, y: y + 10, size: 10)
                x += 80
            }
            y += 24
        }
        let low = min(0, points.map { $0.confLow ?? $0.beta }.min() ?? 0), high = max(0, points.map { $0.confHigh ?? $0.beta }.max() ?? 0)
        let step = high - low > 1 ? 0.5 : 0.1
        let from = (low / step).rounded(.down) * step, to = max((high / step).rounded(.up) * step, from + step)
        func x(_ value: Double) -> Double { plotLeft + (value - from) / (to - from) * plotWidth }
        let top = y
        var previous: Int?
        for point in points.sorted(by: { $0.block < $1.block }) {
            if blocks.count > 1, point.block != previous {
                canvas.text("Block \(point.block)", x: SVGCanvas.margin, y: y + 13, size: 10, bold: true)
                y += rowHeight
                previous = point.block
            }
            let mid = y + rowHeight / 2
            canvas.text(point.term, x: plotLeft - 8, y: mid + 4, anchor: .end, limit: 44)
            if let confLow = point.confLow, let confHigh = point.confHigh {
                canvas.line(x1: x(confLow), y1: mid, x2: x(confHigh), y2: mid, width: 1.5)
                canvas.line(x1: x(confLow), y1: mid - 4, x2: x(confLow), y2: mid + 4, width: 1.5)
                canvas.line(x1: x(confHigh), y1: mid - 4, x2: x(confHigh), y2: mid + 4, width: 1.5)
            }
            canvas.marker(x: x(point.beta), y: mid, fill: Self.colour(point.block), square: point.block % 2 == 0)
            canvas.text("β = " + APA.number(point.beta, decimals: 2, leadingZero: false), x: plotLeft + plotWidth + 10, y: mid + 4, size: 10)
            y += rowHeight
        }
        canvas.line(x1: x(0), y1: top, x2: x(0), y2: y, stroke: "#111", dashed: true)
        canvas.line(x1: plotLeft, y1: y, x2: plotLeft + plotWidth, y2: y)
        var tick = from
        while tick <= to + 1e-9 {
            canvas.line(x1: x(tick), y1: y, x2: x(tick), y2: y + 4)
            canvas.text(abs(tick) < 1e-9 ? "0" : APA.number(tick, decimals: 1, leadingZero: false), x: x(tick), y: y + 15, size: 10, anchor: .middle)
            tick += step
        }
        canvas.text("Standardized coefficient β with 95% CI" + (isRobust ? " (HC3)" : ""), x: plotLeft + plotWidth / 2, y: y + 30, size: 10, anchor: .middle)
        return y + 34
    }

    private static func colour(_ block: Int) -> String { blockColours[(block - 1) % blockColours.count] }
}
