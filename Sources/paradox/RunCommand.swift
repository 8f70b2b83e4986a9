import ArgumentParser
import Foundation
import Reporting
import Study

/// `paradox run [STUDY.yml] [--out DIR]`: a whole study, from raw files to report files.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a study file: load and check the data, run every analysis, write the report.",
        discussion: """
        With no argument, runs the bundled study \(Run.bundledStudy). Writes to the output folder:
        report.md (APA tables), report.html (tables and charts), tables.tex (booktabs), results.json
        (every number at full precision) and csv/<table>.csv (one file per table). Each file is written
        to a temporary file first and renamed into place, and nothing is written if the run fails.
        """)

    static let bundledStudy = "Codebooks/privacy-paradox.study.yml"

    @Argument(help: "The study file (YAML).")
    var study: String = Run.bundledStudy

    @Option(help: "The folder to write the report to.")
    var out: String = "Output"

    func run() throws {
        try failing {
            let plan = try StudyPlan.load(from: URL(fileURLWithPath: study))
            let result = try StudyRunner.run(plan)
            let files = try ReportFiles.render(result)
            let folder = URL(fileURLWithPath: out)
            for (path, content) in files {
                try AtomicFile.write(content, to: folder.appendingPathComponent(path))
            }
            let reproduced = result.replication.filter(\.reproduced).count
            var summary = "Wrote \(files.count) files to \(out)/"
            if !result.replication.isEmpty { summary += "; \(reproduced) of \(result.replication.count) published results reproduced" }
            print(summary + ".")
        }
    }
}
