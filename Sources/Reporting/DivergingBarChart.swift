import Study
import SurveyStats

/// Diverging stacked bars of the Likert items of one scale, as `HH::likert` draws them (Heiberger &
/// Robbins 2014, *J. Stat. Softw.* 57(5)): per item the valid percentages of every scale point of
/// the codebook, the disagreeing points stacked leftwards from zero, the agreeing points rightwards
/// and the middle point of an odd scale split half on each side of zero (an even scale has none).
/// Missing answers ("don't know", refusals, blanks) are not drawn; each item shows its valid n.
///
/// Scale points whose counts the privacy gate hides in the item's table ("< 5", "[c]") are not drawn
/// one by one: their share together (valid n minus the shown counts, which the table gives away
/// anyway) is one grey segment, at the outer end of its side when all of them are on one side,
/// else across zero (as the middle point), so that no hidden count can be read off the chart.
public struct DivergingBarChart: Sendable, Equatable {
    /// Labels of the scale points, lowest first, from the codebook.
    public var levels: [String]
    public var items: [Item]
    /// The legend entry of the hidden points' segment (e.g. `hidden (< 5, [c])`); `nil` when no item hides one.
    public var hiddenLabel: String?

    public struct Item: Sendable, Equatable {
        /// The item's code and its wording.
        public var name: String
        public var label: String
        /// Valid answers.
        public var n: Int
        /// Valid percent of each scale point (`levels` order); `nil` without valid answers or for a hidden point.
        public var percents: [Double?]
        /// The scale points the item's table hides, and their share of the valid answers together.
        public var hiddenLevels: [Int] = []
        public var hiddenPercent: Double?
    }

    /// The chart of the frequency tables of one scale's items (with the cells the privacy gate hides
    /// in them, by item); `nil` unless every table is of a Likert item with the same 2–11 scale points.
    public init?(_ tables: [FrequencyTableResult], suppressed: [String: SuppressedCells] = [:], label: (String) -> String) {
        guard let first = tables.first, (2...11).contains(first.levels.count),
              tables.allSatisfy({ $0.kind == .likert && $0.levels.map(\.value) == first.levels.map(\.value) })
        else { return nil }
        levels = first.levels.map { $0.label.isEmpty ? $0.value : "\($0.value) \($0.label)" }
        items = tables.map { table in
            let hidden = table.levels.indices.filter { suppressed[table.name]?.hides($0) ?? false }
            var item = Item(name: table.name, label: label(table.name), n: table.n, percents: table.levels.map(\.validPercent))
            guard !hidden.isEmpty else { return item }
            let shown = table.levels.indices.filter { !hidden.contains($0) }.reduce(0) { $0 + table.levels[$1].count }
            for level in hidden { item.percents[level] = nil }
            item.hiddenLevels = hidden
            item.hiddenPercent = table.n > 0 ? 100 * Double(table.n - shown) / Double(table.n) : nil
            return item
        }
        let hiding = tables.compactMap { suppressed[$0.name] }
        hiddenLabel = hiding.first.map { cells in
            "hidden (< \(cells.minCell)" + (hiding.allSatisfy(\.complementary.isEmpty) ? ")" : ", \(SuppressedCells.complementaryMark))")
        }
    }

    /// Where an item's hidden points are drawn: at the outer end of the left or right side, or across zero.
    enum HiddenPlace { case left, right, acrossZero }

    func hiddenPlace(_ item: Item) -> HiddenPlace {
        let split = Self.split(levels.count)
        if item.hiddenLevels.allSatisfy(split.left.contains) { return .left }
        return item.hiddenLevels.allSatisfy(split.right.contains) ? .right : .acrossZero
    }

    /// Draws the legend, bars and axis below the figure header; returns the bottom of the drawing.
    func draw(on canvas: inout SVGCanvas) -> Double {
        let labelWidth = 250.0, plotLeft = SVGCanvas.margin + labelWidth + 8, plotWidth = 360.0
        let barHeight = 18.0, gap = 7.0
        let colours = Palette.redBlue(levels.count)
        var y = SVGCanvas.headerHeight + 6
        // Legend: one swatch per scale point, wrapped to the width of the figure.
        var x = SVGCanvas.margin
        for (level, colour) in zip(levels, colours) + (hiddenLabel.map { [($0, Self.hiddenColour)] } ?? []) {
            let width = 18 + SVGCanvas.textWidth(level.count, size: 10) + 14
            if x + width > canvas.width - SVGCanvas.margin { x = SVGCanvas.margin; y += 18 }
            canvas.rect(x: x, y: y, width: 12, height: 12, fill: colour, stroke: "#555")
            canvas.text(level, x: x + 16, y: y + 10, size: 10)
            x += width
        }
        y += 26
        let split = Self.split(levels.count)
        let extent = items.map { item in
            let hidden = item.hiddenPercent ?? 0, place = hiddenPlace(item)
            let across = place == .acrossZero ? hidden / 2 : 0
            return max(Self.side(item.percents, split.left, split.middle) + (place == .left ? hidden : across),
                       Self.side(item.percents, split.right, split.middle) + (place == .right ? hidden : across))
        }.max() ?? 0
        let limit = min(100, max(20, (extent / 20).rounded(.up) * 20))
        let zero = plotLeft + plotWidth / 2
        func scale(_ percent: Double) -> Double { percent / limit * plotWidth / 2 }
        let top = y
        for item in items {
            canvas.text("\(item.name). \(item.label)", x: plotLeft - 8, y: y + 13, anchor: .end, limit: 44)
            // Each segment: where it starts, its width, its colour and the percent printed in it.
            var segments: [(start: Double, width: Double, fill: String, percent: Double?)] = []
            var left = zero, right = zero
            let place = hiddenPlace(item)
            if place == .acrossZero, let hidden = item.hiddenPercent {
                left -= scale(hidden / 2); right += scale(hidden / 2)
                segments.append((left, scale(hidden), Self.hiddenColour, hidden))
            }
            if let middle = split.middle, let value = item.percents[middle] {
                let half = scale(value / 2)
                if place == .acrossZero, item.hiddenPercent != nil {
                    // The hidden share sits across zero: the middle point's halves flank it.
                    segments.append((left - half, half, colours[middle], nil))
                    segments.append((right, half, colours[middle], nil))
                } else {
                    segments.append((left - half, 2 * half, colours[middle], value))
                }
                left -= half; right += half
            }
            for level in split.left.reversed() {
                let width = scale(item.percents[level] ?? 0)
                left -= width
                segments.append((left, width, colours[level], item.percents[level]))
            }
            for level in split.right {
                let width = scale(item.percents[level] ?? 0)
                segments.append((right, width, colours[level], item.percents[level]))
                right += width
            }
            if let hidden = item.hiddenPercent {
                if place == .left { segments.append((left - scale(hidden), scale(hidden), Self.hiddenColour, hidden)) }
                if place == .right { segments.append((right, scale(hidden), Self.hiddenColour, hidden)) }
            }
            for segment in segments {
                canvas.rect(x: segment.start, y: y, width: segment.width, height: barHeight, fill: segment.fill, stroke: "#555")
                if segment.width >= 20, let value = segment.percent {
                    canvas.text(APA.number(value, decimals: 0), x: segment.start + segment.width / 2, y: y + 13,
                                size: 10, anchor: .middle, fill: Palette.ink(on: segment.fill))
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

    /// The fill of the hidden points' segment: a light grey that no point of the palette uses.
    static let hiddenColour = "#d9d9d9"

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
