import Study
import SurveyStats

/// Every file of a study report, rendered in memory (relative path → content) so that nothing is
/// written until all of it exists.
public enum ReportFiles {
    public static func render(_ result: StudyResult) throws -> [(path: String, content: String)] {
        try files(of: StudyReport.build(result), json: { try JSONOutput.encode(result) })
    }

    /// The combined report of a batch of waves (each wave's own report is ``render(_:)`` of its
    /// result, written to ``waveFolder(_:)``).
    public static func render(_ batch: BatchResult) throws -> [(path: String, content: String)] {
        try files(of: BatchReport.build(batch), json: { try JSONOutput.encode(batch) })
    }

    /// The folder of a wave's own report, relative to the batch's output folder.
    public static func waveFolder(_ wave: String) -> String { "waves/\(wave)" }

    /// results.json, report.md, report.html, tables.tex and csv/NN_<table>.csv, the five rendered
    /// side by side on all cores.
    static func files(of report: Report, json: @escaping @Sendable () throws -> String) throws -> [(path: String, content: String)] {
        let renderings: [@Sendable () throws -> [(String, String)]] = [
            { [("results.json", try json())] },
            { [("report.md", MarkdownRenderer.render(report))] },
            { [("report.html", HTMLRenderer.render(report))] },
            { [("tables.tex", LaTeXRenderer.render(report))] },
            {
                var used: [String: Int] = [:]
                return report.numberedTables.map { number, table in
                    var name = table.id
                    if let count = used[name] { name += "_\(count + 1)" }
                    used[table.id, default: 0] += 1
                    let digits = String(number)  // two digits at least: 01, 02, …, 99, 100
                    return ("csv/\(digits.count < 2 ? "0" : "")\(digits)_\(name).csv", CSVRenderer.render(table))
                }
            },
        ]
        return try renderings.concurrentMap { try $0() }.flatMap { $0 }
    }
}
