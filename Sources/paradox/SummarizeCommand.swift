import ArgumentParser
import Foundation
import Reporting
import Study

/// `paradox summarize STUDY.yml PART.csv --out PART.summary.json`: one part of a wave, reduced to
/// the mergeable summaries the study's analysis plan needs.
struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise one part of a large wave for `paradox merge` (e.g. one array job on a cluster).",
        discussion: """
        PART is a CSV file with the wave's header line and some of its rows. Its cells are checked
        against the study's codebook as in `paradox run`, and what the analysis plan needs is written
        as exact summaries (counts, tallies of values, co-moment matrices) to the output file, a few
        kilobytes however many rows. Merge the parts' summaries with `paradox merge`.
        """)

    @Argument(help: "The study file (YAML) whose codebook and analyses apply.")
    var study: String

    @Argument(help: "The part of the wave to summarise (CSV with the header line).")
    var part: String

    @Option(help: "The summary file to write (JSON).")
    var out: String

    func run() throws {
        try failing {
            let plan = try StudyPlan.load(from: URL(fileURLWithPath: study))
            let reference = FileReference(written: part, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            let summary = try StudyRunner.summarize(plan, part: reference)
            try AtomicFile.write(WaveSummaryFile(study: plan.title, part: part, summary: summary).encoded(), to: out)
            print("Summarised \(summary.rows) rows of \(part) into \(out).")
        }
    }
}

/// `paradox merge STUDY.yml SUMMARY.json… --out DIR`: the report of a wave from its parts' summaries.
struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Merge the summaries of a wave's parts and write the study's report on the whole wave.",
        discussion: """
        The report is the one `paradox run` writes for the wave read in one pass: every statistic is
        computed from the merged summaries (counts and tallies add, co-moments merge exactly), so the
        numbers agree with a one-pass run to rounding (1e-12 relative, tested).
        """)

    @Argument(help: "The study file (YAML) the parts were summarised for.")
    var study: String

    @Argument(help: "The summary files written by `paradox summarize`.")
    var summaries: [String]

    @Option(help: "The folder to write the report to.")
    var out: String

    func validate() throws {
        guard !summaries.isEmpty else { throw ValidationError("Give at least one summary file.") }
    }

    func run() throws {
        try failing {
            let plan = try StudyPlan.load(from: URL(fileURLWithPath: study))
            try Run.write(out: out) {
                let parts = try summaries.map { try WaveSummaryFile.read(URL(fileURLWithPath: $0), study: plan.title).summary }
                return try StudyRunner.merge(plan, parts: parts)
            }
        }
    }
}
