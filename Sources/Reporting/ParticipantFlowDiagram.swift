import Study

/// The participant flow as a diagram in the manner of a CONSORT flow chart: a column of boxes
/// (received, then what remains after each rule, then analysed) joined by arrows, each rule's
/// exclusions in a box to the right of its arrow. It draws the counts of ``ParticipantFlow`` only.
public struct ParticipantFlowDiagram: Sendable, Equatable {
    public var flow: ParticipantFlow

    public init(flow: ParticipantFlow) {
        self.flow = flow
    }

    /// Draws below the figure header; returns the bottom of the drawing.
    func draw(on canvas: inout SVGCanvas) -> Double {
        let boxWidth = 260.0, boxHeight = 30.0, gap = 44.0
        let mainX = SVGCanvas.margin + 20, sideX = mainX + boxWidth + 60, sideWidth = canvas.width - sideX - SVGCanvas.margin
        var y = SVGCanvas.headerHeight + 8
        func box(_ text: String, x: Double, width: Double, fill: String) {
            canvas.rect(x: x, y: y, width: width, height: boxHeight, fill: fill, stroke: "#111")
            canvas.text(text, x: x + width / 2, y: y + 19, size: 11, anchor: .middle, fill: Palette.ink(on: fill), limit: Int(width / 6.2))
        }
        let kept = Palette.redBlue(5)[3], excluded = Palette.redBlue(5)[1]
        box("Responses received (n = \(flow.received))", x: mainX, width: boxWidth, fill: kept)
        var remaining = flow.received
        for step in flow.steps {
            remaining -= step.excluded
            let top = y + boxHeight, centre = mainX + boxWidth / 2
            y += boxHeight + gap
            canvas.line(x1: centre, y1: top, x2: centre, y2: y)
            canvas.line(x1: centre - 4, y1: y - 6, x2: centre, y2: y)
            canvas.line(x1: centre + 4, y1: y - 6, x2: centre, y2: y)
            let middle = top + gap / 2
            canvas.line(x1: centre, y1: middle, x2: sideX, y2: middle, dashed: true)
            let saved = y
            y = middle - boxHeight / 2
            box("\(step.rule.title) (n = \(step.excluded))", x: sideX, width: sideWidth, fill: excluded)
            y = saved
            box(step == flow.steps.last ? "Analysed (n = \(flow.analysed))" : "Remaining (n = \(remaining))", x: mainX, width: boxWidth, fill: kept)
        }
        return y + boxHeight + 8
    }
}
