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
        case means(MeansPlot)
        case bars(BarChart)
        case themes(ThemeHeatmap)
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
        drawing(number: number, tableNumbers: tableNumbers).svg
    }

    /// The standalone SVG with its size in px (user units), for formats that place it on a page.
    func drawing(number: Int, tableNumbers: [String: Int]) -> (svg: String, width: Double, height: Double) {
        var canvas = SVGCanvas(width: 720)
        let bottom: Double
        switch chart {
        case .likert(let chart): bottom = chart.draw(on: &canvas)
        case .coefficients(let chart): bottom = chart.draw(on: &canvas)
        case .correlations(let chart): bottom = chart.draw(on: &canvas)
        case .means(let chart): bottom = chart.draw(on: &canvas)
        case .bars(let chart): bottom = chart.draw(on: &canvas)
        case .themes(let chart): bottom = chart.draw(on: &canvas)
        case .participantFlow(let diagram): bottom = diagram.draw(on: &canvas)
        }
        let document = canvas.document(number: number, title: title, description: description,
                                       note: "Drawn from " + Self.tableReference(sourceTables.compactMap { tableNumbers[$0] }) + ".",
                                       height: bottom)
        return (document.svg, canvas.width, document.height)
    }

    /// "Table 4", "Tables 4–7" (consecutive) or "Tables 4, 6 and 9".
    static func tableReference(_ numbers: [Int]) -> String {
        guard let first = numbers.first, let last = numbers.last else { return "the results" }
        if numbers.count == 1 { return "Table \(first)" }
        if numbers == Array(first...last) { return "Tables \(first)–\(last)" }
        return "Tables " + numbers.dropLast().map(String.init).joined(separator: ", ") + " and \(last)"
    }
}
