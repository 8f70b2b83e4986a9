import SurveyStats

/// A heatmap of a Pearson correlation matrix: the lower triangle as in the APA table, each cell
/// coloured on ColorBrewer's RdBu scale centred at r = 0 (red negative, blue positive) with r
/// printed in it, "—" on the diagonal, and a colour key from −1 to 1.
public struct CorrelationHeatmap: Sendable, Equatable {
    /// Row labels in matrix order ("1. Privacy concern").
    public var labels: [String]
    /// r of row i and column j for j < i (`nil` when undefined); `values[i]` has i entries.
    public var values: [[Double?]]

    public init(_ result: CorrelationResult, label: (String) -> String) {
        labels = result.variables.enumerated().map { "\($0 + 1). \(label($1))" }
        values = result.variables.indices.map { i in (0..<i).map { j in result.pair(i, j)?.estimate } }
    }

    /// Draws the cells, their headers and the colour key below the figure header; returns the bottom.
    func draw(on canvas: inout SVGCanvas) -> Double {
        let labelWidth = 250.0, left = SVGCanvas.margin + labelWidth + 8, cell = 48.0
        let columns = labels.count
        var y = SVGCanvas.headerHeight + 8
        for column in 0..<columns {
            canvas.text(String(column + 1), x: left + (Double(column) + 0.5) * cell, y: y + 10, anchor: .middle, bold: true)
        }
        y += 16
        for (row, label) in labels.enumerated() {
            canvas.text(label, x: left - 8, y: y + cell / 2 + 4, anchor: .end, limit: 44)
            canvas.text(APA.undefined, x: left + (Double(row) + 0.5) * cell, y: y + cell / 2 + 4, anchor: .middle)
            for (column, value) in values[row].enumerated() {
                let fill = value.map(Palette.redBlue(at:)) ?? "#fff"
                let x = left + Double(column) * cell
                canvas.rect(x: x, y: y, width: cell, height: cell, fill: fill, stroke: "#fff")
                canvas.text(APA.number(value, decimals: 2, leadingZero: false), x: x + cell / 2, y: y + cell / 2 + 4,
                            anchor: .middle, fill: Palette.ink(on: fill))
            }
            y += cell
        }
        // Colour key: the eleven classes from −1 to 1.
        y += 14
        let keyWidth = 22.0
        for (index, colour) in Palette.redBlue11.enumerated() {
            canvas.rect(x: left + Double(index) * keyWidth, y: y, width: keyWidth, height: 12, fill: colour, stroke: "#555")
        }
        for (tick, text) in [(-1.0, "−1"), (-0.5, "−.5"), (0, "0"), (0.5, ".5"), (1, "1")] {
            canvas.text(text, x: left + (tick + 1) / 2 * 11 * keyWidth, y: y + 25, size: 10, anchor: .middle)
        }
        canvas.text("Pearson r", x: left + 11 * keyWidth + 10, y: y + 10, size: 10)
        return y + 30
    }
}
