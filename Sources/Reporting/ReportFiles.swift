import ComputeSupport
import Foundation
import Privacy
import Study
import SurveyStats

/// Every file of a study report, rendered in memory (relative path → content) so that nothing is
/// written until all of it exists.
public enum ReportFiles {
    public static func render(_ gated: GatedStudyResult, formats: Set<ReportFormat> = Set(ReportFormat.allCases)) throws -> [(path: String, content: Data)] {
        try files(of: StudyReport.build(gated), formats: formats, json: { try JSONOutput.encode(gated) })
            + (gated.result.screening ?? []).compactMap { flow in
                guard let path = flow.excludedOut, let csv = flow.excludedCSV else { return nil }
                return (path, Data(csv))
            }
    }

    /// The combined report of a batch of waves (each wave's own report is ``render(_:)`` of its
    /// result, written to its folder of ``waveFolders(_:)``).
    public static func render(_ gated: GatedBatchResult, formats: Set<ReportFormat> = Set(ReportFormat.allCases)) throws -> [(path: String, content: Data)] {
        try files(of: BatchReport.build(gated), formats: formats, json: { try JSONOutput.encode(gated) })
    }

    /// The folder of each wave's own report (the waves in order), relative to the batch's output
    /// folder: `waves/<name>`, the names through ``FileName/Registry`` (a wave named `..` or
    /// `a/b` stays inside `waves/`; `W1` and `w1` get folders of their own).
    public static func waveFolders(_ waves: [String]) -> [String] {
        var registry = FileName.Registry()
        return waves.map { "\(wavesFolder)/\(registry.claim($0))" }
    }

    /// The folder of the waves' reports; `waves/<wave>` in texts about them.
    public static let wavesFolder = "waves"

    /// report.docx, results.json, report.md, report.html, tables.tex, csv/NN_<table>.csv and
    /// figures/NN_<figure>.svg (ids through ``FileName/Registry``) of the chosen `formats`,
    /// rendered side by side on all cores.
    static func files(of report: Report, formats: Set<ReportFormat>,
                      json: @escaping @Sendable () throws -> String) throws -> [(path: String, content: Data)] {
        @Sendable func text(_ path: String, _ content: String) -> (String, Data) { (path, Data(content.utf8)) }
        let renderings: [(ReportFormat, @Sendable () throws -> [(String, Data)])] = [
            (.docx, { [("report.docx", DocxRenderer.render(report))] }),
            (.json, { [text("results.json", try json())] }),
            (.md, { [text("report.md", MarkdownRenderer.render(report))] }),
            (.html, { [text("report.html", HTMLRenderer.render(report))] }),
            (.tex, { [text("tables.tex", LaTeXRenderer.render(report))] }),
            (.csv, {
                var registry = FileName.Registry()
                return report.numberedTables.map { number, table in
                    text("csv/\(numbered(number, registry.claim(table.id))).csv", CSVRenderer.render(table))
                }
            }),
            (.svg, {
                var registry = FileName.Registry()
                let tableNumbers = report.tableNumbers
                return report.numberedFigures.map { number, figure in
                    text("figures/\(numbered(number, registry.claim(figure.id))).svg", figure.svg(number: number, tableNumbers: tableNumbers))
                }
            }),
        ]
        return try renderings.filter { formats.contains($0.0) }.map(\.1).concurrentMap { try $0() }.flatMap { $0 }
    }

    /// `NN_name`: the number with two digits at least (01, 02, …, 99, 100).
    private static func numbered(_ number: Int, _ name: String) -> String {
        (number < 10 ? "0" : "") + "\(number)_\(name)"
    }
}
