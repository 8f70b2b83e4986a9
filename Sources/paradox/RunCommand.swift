import ArgumentParser
import Foundation
import Privacy
import Reporting
import Study

/// `paradox run [STUDY.yml] [--out DIR]`: a whole study, from raw files to report files.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a study file: load and check the data, run every analysis, write the report.",
        discussion: """
        With no argument, runs the bundled study \(Run.bundledStudy). Writes to the output folder:
        report.md (APA tables), report.html (tables and figures), report.docx (Word), tables.tex (booktabs),
        results.json (every number at full precision), csv/<table>.csv (one file per table) and
        figures/<figure>.svg; --formats chooses among them (e.g. --formats md,docx). The report is written
        to a temporary folder beside OUT that replaces OUT as a whole at the end: a failed run leaves OUT
        as it was. OUT must be new, empty or an earlier Paradox output (it carries a .paradox-output file).
        A study whose data are several files (a list or a glob) runs as `paradox batch`: a report per wave
        in OUT/waves/<file stem>/ and a comparison of the waves in OUT/. A progress bar is shown on stderr
        when it is a terminal, unless --quiet.
        """)

    static let bundledStudy = "Codebooks/privacy-paradox.study.yml"

    @Argument(help: "The study file (YAML).")
    var study: String = Run.bundledStudy

    @Option(help: "The folder to write the report to.")
    var out: String = "Output"

    @Flag(help: "Show no progress bar.")
    var quiet = false

    @OptionGroup var report: ReportFormatOptions

    func run() throws {
        let progress = TerminalProgress.make(quiet: quiet)
        try failing {
            defer { progress?.clear() }
            let plan = try StudyPlan.load(from: URL(fileURLWithPath: study))
            if plan.data.count > 1 { return try Batch.write(plan, out: out, formats: report.selected, progress: progress) }
            try Run.write(out: out, plan: plan, formats: report.selected) {
                defer { progress?.clear() }
                return try StudyRunner.run(plan, progress: progress?.handler)
            }
        }
    }

    /// Writes the report files of the single-wave result `analyse` returns, passed through the
    /// Privacy gate with the plan's settings, to `out` (one transaction, begun before the analysis so
    /// that a bad `--out` fails first) and says so on stdout.
    static func write(out: String, plan: StudyPlan, formats: Set<ReportFormat>, _ analyse: () throws -> StudyResult) throws {
        let summary = try OutputFolder.write(to: out) { folder in
            let result = try analyse()
            let files = try ReportFiles.render(PrivacyGate.apply(result, plan: plan), formats: formats)
            try folder.write(files)
            let reproduced = result.replication.filter(\.reproduced).count
            var summary = "Wrote \(files.count) files to \(out)/"
            if !result.replication.isEmpty { summary += "; \(reproduced) of \(result.replication.count) published results reproduced" }
            return summary + "."
        }
        print(summary)
    }
}
