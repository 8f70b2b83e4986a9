import ArgumentParser
import Reporting

/// `--formats md,docx`: which files of a report the commands that write one (run, batch, merge) write.
struct ReportFormatOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The report formats to write, comma-separated: md, html, tex, docx, json, csv, svg (figures), or all.",
                               valueName: "list"))
    var formats: String = "all"

    func validate() throws {
        do { _ = try ReportFormat.list(formats) } catch { throw ValidationError("\(error)") }
    }

    /// The chosen formats (checked by ``validate()``).
    var selected: Set<ReportFormat> { (try? ReportFormat.list(formats)) ?? Set(ReportFormat.allCases) }
}
