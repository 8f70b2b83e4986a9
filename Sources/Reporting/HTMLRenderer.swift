/// Renders a report as one self-contained HTML page: APA tables and inline SVG bar charts with
/// error bars. No scripts, no external resources.
public enum HTMLRenderer {
    public static func render(_ report: Report) -> String {
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>\(escape(report.title))</title>
        <style>
        body { font-family: Georgia, 'Times New Roman', serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #111; }
        table { border-collapse: collapse; margin: 0.5rem 0 0.25rem; }
        caption { text-align: left; font-style: italic; padding-bottom: 0.3rem; }
        caption b { font-style: normal; display: block; }
        th, td { padding: 0.15rem 0.6rem; }
        thead tr { border-top: 2px solid #111; border-bottom: 1px solid #111; }
        tbody tr:last-child { border-bottom: 2px solid #111; }
        td.r, th.r { text-align: right; } td.c, th.c { text-align: center; } td.l, th.l { text-align: left; }
        p.note { font-size: 0.9rem; margin-top: 0.2rem; }
        figure { margin: 1rem 0; }
        </style>
        </head>
        <body>
        <h1>\(escape(report.title))</h1>

        """
        for paragraph in report.preamble { out += "<p>\(escape(paragraph))</p>\n" }
        var number = 0
        for section in report.sections {
            out += "<h2>\(escape(section.title))</h2>\n"
            for paragraph in section.paragraphs { out += "<p>\(escape(paragraph))</p>\n" }
            for chart in section.charts { out += svg(chart) }
            for table in section.tables {
                number += 1
                out += render(table, number: number)
            }
        }
        out += "</body>\n</html>\n"
        return out
    }

    public static func render(_ table: Table, number: Int) -> String {
        func align(_ column: Table.Column) -> String {
            switch column.alignment {
            case .left: return "l"
            case .center: return "c"
            case .right: return "r"
            }
        }
        var out = "<table id=\"\(escape(table.id))\">\n<caption><b>Table \(number)</b>\(escape(table.title))</caption>\n<thead><tr>"
        out += table.columns.map { "<th class=\"\(align($0))\">\(escape($0.header))</th>" }.joined()
        out += "</tr></thead>\n<tbody>\n"
        for row in table.rows {
            out += "<tr>"
            for (column, cell) in zip(table.columns, row) {
                out += "<td class=\"" + align(column) + "\">" + escape(APA.display(cell)) + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if !table.notes.isEmpty {
            out += "<p class=\"note\"><i>Note.</i> \(escape(table.notes.joined(separator: " ")))</p>\n"
        }
        return out
    }

    /// A horizontal bar chart with optional error bars, scaled to `chart.range`.
    static func svg(_ chart: BarChart) -> String {
        let labelWidth = 260.0, plotWidth = 420.0, barHeight = 18.0, gap = 8.0, top = 28.0
        let height = top + Double(chart.bars.count) * (barHeight + gap) + 30
        let span = chart.range.upperBound - chart.range.lowerBound
        func x(_ value: Double) -> Double {
            labelWidth + plotWidth * (min(max(value, chart.range.lowerBound), chart.range.upperBound) - chart.range.lowerBound) / span
        }
        func f(_ value: Double) -> String { FixedDecimals.format(value, places: 1) }
        var out = "<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(f(labelWidth + plotWidth + 20))\" height=\"\(f(height))\" role=\"img\" aria-label=\"\(escape(chart.title))\">\n"
        out += "<text x=\"0\" y=\"16\" font-size=\"14\" font-style=\"italic\">\(escape(chart.title))</text>\n"
        for (index, bar) in chart.bars.enumerated() {
            let y = top + Double(index) * (barHeight + gap)
            let shown = bar.label.count > 40 ? String(bar.label.prefix(39)) + "…" : bar.label
            out += "<text x=\"\(f(labelWidth - 6))\" y=\"\(f(y + barHeight - 4))\" font-size=\"12\" text-anchor=\"end\"><title>\(escape(bar.label))</title>\(escape(shown))</text>\n"
            out += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y))\" width=\"\(f(x(bar.value) - labelWidth))\" height=\"\(f(barHeight))\" fill=\"#6b8fb3\"/>\n"
            if let low = bar.low, let high = bar.high {
                let mid = y + barHeight / 2
                out += "<path d=\"M\(f(x(low))) \(f(mid))H\(f(x(high)))M\(f(x(low))) \(f(mid - 5))v10M\(f(x(high))) \(f(mid - 5))v10\" stroke=\"#111\" fill=\"none\"/>\n"
            }
        }
        let axisY = top + Double(chart.bars.count) * (barHeight + gap)
        out += "<line x1=\"\(f(labelWidth))\" y1=\"\(f(axisY))\" x2=\"\(f(labelWidth + plotWidth))\" y2=\"\(f(axisY))\" stroke=\"#111\"/>\n"
        let step = span <= 10 ? 1.0 : (span / 5).rounded()
        var tick = chart.range.lowerBound
        while tick <= chart.range.upperBound + 1e-9 {
            out += "<text x=\"\(f(x(tick)))\" y=\"\(f(axisY + 14))\" font-size=\"11\" text-anchor=\"middle\">\(APA.number(tick, decimals: step < 1 ? 1 : 0))</text>\n"
            tick += step
        }
        out += "<text x=\"\(f(labelWidth + plotWidth / 2))\" y=\"\(f(axisY + 28))\" font-size=\"11\" text-anchor=\"middle\">\(escape(chart.axisLabel))</text>\n"
        out += "</svg>\n</figure>\n"
        return out
    }

    static func escape(_ text: String) -> String { escaper.escaped(text) }

    static let escaper = Escaper(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"])
}
