import SurveyStats

/// Diverging stacked bars of the Likert items of one scale, as `HH::likert` draws them (Heiberger &
/// Robbins 2014, *J. Stat. Softw.* 57(5)): per item the valid percentages of every scale point of
/// the codebook, the disagreeing points stacked leftwards from zero, the agreeing points rightwards
/// and the middle point of an odd scale split half on each side of zero (an even scale has none).
/// Missing answers ("don't know", refusals, blanks) are not drawn; each item shows its valid n.
public struct DivergingBarChart: Sendable, Equatable {
    /// Labels of the scale points, lowest first, from the codebook.
    public var levels: [String]
    public var items: [Item]

    public struct Item: Sendable, Equatable {
        /// The item's code and its wording.
        public var name: String
        public var label: String
        /// Valid answers.
        public var n: Int
        /// Valid percent of each scale point (`levels` order); `nil` without valid answers.
        public var percents: [Double?]
    }

    /// The chart of the frequency tables of one scale's items; `nil` unless every table is of a
    /// Likert item with the same 2–11 scale points.
    public init?(_ tables: [FrequencyTableResult], label: (String) -> String) {
        guard let first = tables.first, (2...11).contains(first.levels.count),
              tables.allSatisfy({ $0.kind == .likert && $0.levels.map(\.value) == first.levels.map(\.value) })
        else { return nil }
        levels = first.levels.map { $0.label.isEmpty ? $0.value : "\($0.value) \($0.label)" }
        items = tables.map { Item(name: $0.name, label: label($0.name), n: $0.n, percents: $0.levels.map(\.validPercent)) }
    }

    /// Draws the legend, bars and axis below the figure header; returns the bottom of the drawing.
    func draw(on canvas: inout SVGCanvas) -> Double {
        let labelWidth = 250.0, plotLeft = SVGCanvas.margin + labelWidth + 8, plotWidth = 360.0
        let barHeight = 18.0, gap = 7.0
        let colours = Palette.redBlue(levels.count)
        var y = SVGCanvas.headerHeight + 6
        // Legend: one swatch per scale point, wrapped to the width of the figure.
        var x = SVGCanvas.margin
        for (level, colour) in zip(levels, colours) {
            let width = 18 + SVGCanvas.textWidth(level.count, size: 10) + 14
            if x + width > canvas.width - SVGCanvas.margin { x = SVGCanvas.margin; y += 18 }
            canvas.rect(x: x, y: y, width: 12, height: 12, fill: colour, stroke: "#555")
            canvas.text(level, x: x + 16, y: y + 10, size: 10)
            x += width
        }
        y += 26
        let split = Self.split(levels.count)
        let extent = items.map { item in
            max(Self.side(item.percents, split.left, split.middle), Self.side(item.percents, split.right, split.middle))
        }.max() ?? 0
        let limit = min(100, max(20, (extent / 20).rounded(.up) * 20))
        let zero = plotLeft + plotWidth / 2
        func scale(_ percent: Double) -> Double { percent / limit * plotWidth / 2 }
        let top = y
        for item in items {
            canvas.text("\(item.name). \(item.label)", x: plotLeft - 8, y: y + 13, anchor: .end, limit: 44)
            var segments: [(start: Double, width: Double, level: Int)] = []
            var left = zero, right = zero
            if let middle = split.middle, let value = item.percents[middle] {
                left -= scale(value / 2); right += scale(value / 2)
                segments.append((left, scale(value), middle))
            }
            for level in split.left.reversed() {
                let width = scale(item.percents[level] ?? 0)
                left -= width
                segments.append((left, width, level))
            }
            for level in split.right {
                let width = scale(item.percents[level] ?? 0)
                segments.append((right, width, level))
                right += width
            }
            for segment in segments {
                canvas.rect(x: segment.start, y: y, width: segment.width, height: barHeight, fill: colours[segment.level], stroke: "#555")
                if segment.width >= 20, let value = item.percents[segment.level] {
                    canvas.text(APA.number(value, decimals: 0), x: segment.start + segment.width / 2, y: y + 13,
                                size: 10, anchor: .middle, fill: Palette.ink(on: colours[segment.level]))
                }
            }
            canvas.text("n = \(item.n)", x: plotLeft + plotWidth + 10, y: y + 13, size: 10)
            y += barHeight + gap
        }
        canvas.line(x1: zero, y1: top - 3, x2: zero, y2: y - gap + 3)
        canvas.line(x1: plotLeft, y1: y, x2: plotLeft + plotWidth, y2: y)
        var tick = -limit
        while tick <= limit + 1e-9 {
            let at = zero + scale(tick)
            canvas.line(x1: at, y1: y, x2: at, y2: y + 4)
            canvas.text(APA.number(abs(tick), decimals: 0), x: at, y: y + 15, size: 10, anchor: .middle)
            tick += 20
        }
        canvas.text("Percent of valid answers (disagree ← → agree)", x: zero, y: y + 30, size: 10, anchor: .middle)
        return y + 34
    }

    /// The scale points left of zero, the middle point (odd scales) and the points right of zero.
    static func split(_ count: Int) -> (left: Range<Int>, middle: Int?, right: Range<Int>) {
        let half = count / 2
        return count % 2 == 0 ? (0..<half, nil, half..<count) : (0..<half, half, (half + 1)..<count)
    }

    /// Length of one side of a bar in percent: its points plus half the middle point.
    private static func side(_ percents: [Double?], _ points: Range<Int>, _ middle: Int?) -> Double {
        points.reduce(0) { $0 + (percents[$1] ?? 0) } + (middle.flatMap { percents[$0] } ?? 0) / 2
    }
}
