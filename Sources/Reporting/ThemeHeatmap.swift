import Thematic

/// A heatmap of the thematic analysis: themes down the side (sub-themes after their parent), groups or themes across, each cell
/// shaded on the blue half of ColorBrewer's RdBu (white = none, dark blue = all) with its value
/// printed. Drawn from the theme × attribute table (the share of each group's participants who
/// mention a theme) or from the co-occurrence table (segments coded to both themes of a pair,
/// shaded by their share of the segments of the rarer theme, the lower triangle as in the table).
public struct ThemeHeatmap: Sendable, Equatable {
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Per row and column: the shade (0–1) and the printed text; `nil` for an empty cell.
    public var cells: [[Cell?]]
    public var key: String

    public struct Cell: Sendable, Equatable {
        public var shade: Double
        public var text: String
    }

    /// Participants mentioning each theme as a percentage of each group of `matrix.attribute`.
    public init(_ matrix: ThemeAttributeMatrix) {
        rowLabels = matrix.rows.map(\.label)
        columnLabels = zip(matrix.values, matrix.groupSizes).map { "\($0) (\($1))" }
        cells = matrix.rows.map { row in
            zip(row.participants, matrix.groupSizes).map { count, size -> Cell? in
                guard size > 0 else { return nil }
                let share = Double(count) / Double(size)
                return Cell(shade: share, text: APA.number(100 * share, decimals: 0))
            }
        }
        key = "Participants of the group mentioning it (%)"
    }

    /// The co-occurrence of the top-level themes `ids` (a sub-theme counts for its parent).
    public init(_ cooccurrence: ThemeCooccurrence, themes ids: [String], label: (String) -> String) {
        let index = Dictionary(uniqueKeysWithValues: cooccurrence.themeIDs.enumerated().map { ($1, $0) })
        let shown = ids.compactMap { index[$0] }
        rowLabels = shown.enumerated().map { "\($0 + 1). \(label(cooccurrence.themeIDs[$1]))" }
        columnLabels = shown.dropLast().indices.map { String($0 + 1) }
        cells = shown.enumerated().map { row, i in
            shown.dropLast().enumerated().map { column, j -> Cell? in
                guard column < row else { return nil }
                let both = cooccurrence.counts[i][j], rarer = min(cooccurrence.counts[i][i], cooccurrence.counts[j][j])
                return Cell(shade: rarer > 0 ? Double(both) / Double(rarer) : 0, text: String(both))
            }
        }
        key = "Shared segments (shade: % of the rarer theme's)"
    }

    static let blues = Array(Palette.redBlue11[5...])

    /// Draws the column headers, cells and the colour key below the figure header; returns the bottom.
    func draw(on canvas: inout SVGCanvas) -> Double {
        let labelWidth = 250.0, left = SVGCanvas.margin + labelWidth + 8
        let cell = min(48, (canvas.width - left - SVGCanvas.margin) / Double(max(columnLabels.count, 1))), height = 22.0
        var y = SVGCanvas.headerHeight + 8
        let rotated = columnLabels.contains { SVGCanvas.textWidth($0.count, size: 10) > cell }
        for (column, label) in columnLabels.enumerated() {
            let x = left + (Double(column) + 0.5) * cell
            if rotated {
                canvas.text(label, x: x + 3, y: y + 96, size: 10, limit: 22, rotation: -60)
            } else {
                canvas.text(label, x: x, y: y + 10, size: 10, anchor: .middle, bold: true)
            }
        }
        y += rotated ? 104 : 16
        for (row, label) in rowLabels.enumerated() {
            canvas.text(label, x: left - 8, y: y + height / 2 + 4, size: 10, anchor: .end, limit: 46)
            for (column, value) in cells[row].enumerated() {
                guard let value else { continue }
                let fill = Self.blues[min(Int(value.shade * Double(Self.blues.count)), Self.blues.count - 1)]
                let x = left + Double(column) * cell
                canvas.rect(x: x, y: y, width: cell, height: height, fill: fill, stroke: "#fff")
                canvas.text(value.text, x: x + cell / 2, y: y + height / 2 + 4, size: 10, anchor: .middle, fill: Palette.ink(on: fill))
            }
            y += height
        }
        y += 12
        for (index, colour) in Self.blues.enumerated() {
            canvas.rect(x: left + Double(index) * 22, y: y, width: 22, height: 12, fill: colour, stroke: "#555")
        }
        canvas.text("0", x: left, y: y + 25, size: 10, anchor: .middle)
        canvas.text("100%", x: left + Double(Self.blues.count) * 22, y: y + 25, size: 10, anchor: .middle)
        canvas.text(key, x: left + Double(Self.blues.count) * 22 + 14, y: y + 10, size: 10)
        return y + 30
    }
}
