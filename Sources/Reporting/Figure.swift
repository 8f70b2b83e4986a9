/// A numbered figure of the report, free of output format: a chart drawn from results (it computes
/// no statistic), its title, a description for screen readers and the tables it was drawn from.
/// The HTML report shows it inline; `figures/NN_<id>.svg` holds the same drawing standalone.
public struct Figure: Sendable, Equatable {
    /// File-name stem of the standalone SVG (e.g. `likert_privacy_concern`).
    public var id: String
    public var title: String
    /// What the chart shows, read out by screen readers (`<desc>`).
    public var description: String
    /// Ids of the tables whose values the chart draws (named in the figure's note by number).
    public var sourceTables: [String]
    public var chart: Chart

    public enum Chart: Sendable, Equatable {
        case likert(DivergingBarChart)
        case coefficients(CoefficientPlot)
        case correlations(CorrelationHeatmap)
        case participantFlow(ParticipantFlowDiagram)
    }

    public init(id: String, title: String, description: String, sourceTables: [String], chart: Chart) {
        self.id = id
        self.title = title
        self.description = description
        self.sourceTables = sourceTables
        self.chart = chart
    }

    /// The standalone SVG of the figure numbered `number`; `tableNumbers` gives the APA number of
    /// each table id of the report, for the note.
    func svg(number: Int, tableNumbers: [String: Int]) -> String {
        var canvas = SVGCanvas(width: 720)
        let height: Double
        switch chart {
        case .likert(let chart): height = chart.draw(on: &canvas)
        case .coefficients(let chart): height = chart.draw(on: &canvas)
        case .correlations(let chart): height = chart.draw(on: &canvas)
        case .participantFlow(let diagram): height = diagram.draw(on: &canvas)
        }
        return canvas.document(number: number, title: title, description: description,
                               note: "Drawn from " + Self.tableReference(sourceTables.compactMap { tableNumbers[$0] }) + ".",
                               height: height)
    }

    /// "Table 4", "Tables 4–7" (consecutive) or "Tables 4, 6 and 9".
    static func tableReference(_ numbers: [Int]) -> String {
        guard let first = numbers.first, let last = numbers.last else { return "the results" }
        if numbers.count == 1 { return "Table \(first)" }
        if numbers == Array(first...last) { return "Tables \(first)–\(last)" }
        return "Tables " + numbers.dropLast().map(String.init).joined(separator: ", ") + " and \(last)"
    }
}
