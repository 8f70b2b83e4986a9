import Foundation
import Study

/// Every file of a study report, rendered in memory (relative path → content) so that nothing is
/// written until all of it exists.
public enum ReportFiles {
    public static func render(_ result: StudyResult) throws -> [(path: String, content: String)] {
        let report = StudyReport.build(result)
        var files: [(String, String)] = [
            ("results.json", try JSONOutput.encode(result)),
            ("report.md", MarkdownRenderer.render(report)),
            ("report.html", HTMLRenderer.render(report)),
            ("tables.tex", LaTeXRenderer.render(report)),
        ]
        var used: [String: Int] = [:]
        for (number, table) in report.numberedTables {
            var name = table.id
            if let count = used[name] { name += "_\(count + 1)" }
            used[table.id, default: 0] += 1
            files.append(("csv/\(String(format: "%02d", number))_\(name).csv", CSVRenderer.render(table)))
        }
        return files
    }
}
