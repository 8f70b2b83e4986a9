import ArgumentParser
import Foundation
import Reporting
import Study
import SurveyData

extension DataShard: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// `paradox summarize STUDY.yml PART.csv --out PART.summary.json`: one part of a wave, reduced to
/// the mergeable summaries the study's analysis plan needs.
struct Summarize: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise one part of a large wave for `paradox merge` (e.g. one array job on a cluster).",
        discussion: """
        PART is a CSV file with the wave's header line and some of its rows. Its cells are checked
        against the study's codebook as in `paradox run`, and what the analysis plan needs is written
        as exact summaries (counts, tallies of values, co-moment matrices) to the output file, a few
        kilobytes however many rows (plus 8 bytes per respondent: the hashes of the IDs, so that
        `paradox merge` refuses respondents summarised twice). Merge the parts' summaries with
        `paradox merge`.

        With --shard i/N, PART is the whole wave and only its i-th of N shards is read: shard i
        holds the lines between the first line end at or after byte ⌊size·(i−1)/N⌋ and the first at
        or after ⌊size·i/N⌋ (shard 1 starts after the header, shard N ends at the end of the file),
        so shards 1…N hold every row once and need no splitting. A shard whose lines hold a quote
        (") is refused, since a quoted field may hold a line end; split such a file into parts.

        A part may be a platform export the study reads (.sav, .dta, import:), summarised whole (not
        by --shard). A study that screens screens each part by the rules on its own rows and keeps
        the part's participant flow, whose counts `paradox merge` adds; speeders against the median
        and duplicates by their answers need the whole wave and are refused.
        """)

    @Argument(help: "The study file (YAML) whose codebook and analyses apply.")
    var study: String

    @Argument(help: "The part of the wave to summarise (CSV with the header line, or a platform export).")
    var part: String

    @Option(help: "The summary file to write (JSON).")
    var out: String

    @Option(help: ArgumentHelp("Summarise only shard i of N of the file (1 ≤ i ≤ N): its lines between two cuts at line ends.",
                               valueName: "i/N"))
    var shard: DataShard?

    func run() throws {
        try failing {
            let identity = try SummaryIdentity(StudyPlan.load(from: URL(fileURLWithPath: study)))
            let reference = FileReference(written: part, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            let file = try StudyRunner.summarize(identity, part: reference, shard: shard)
            try AtomicFile.write(file.encoded(), to: out)
            print("Summarised \(file.summary.rows) rows of \(file.parts[0]) into \(out).")
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
        numbers agree with a one-pass run to rounding (1e-12 relative, tested). Each summary is
        checked before it is merged: its format version, its study, the hash of the codebook and
        analysis plan it was made with, and that its counts add up and its values are ones the
        codebook allows. No respondent ID may be in two summaries (each carries its IDs' hashes):
        overlapping parts or shards are refused, naming both files. With --summary the merged summary is written too, to be merged again later.
        """)

    @Argument(help: "The study file (YAML) the parts were summarised for.")
    var study: String

    @Argument(help: "The summary files written by `paradox summarize` (or by `paradox merge --summary`).")
    var summaries: [String]

    @Option(help: "The folder to write the report to.")
    var out: String?

    @Option(help: "Also write the merged summary to this file (JSON), for a later merge.")
    var summary: String?

    @OptionGroup var report: ReportFormatOptions

    func validate() throws {
        guard !summaries.isEmpty else { throw ValidationError("Give at least one summary file.") }
        guard out != nil || summary != nil else { throw ValidationError("Give --out (the report's folder), --summary (the merged summary's file) or both.") }
    }

    func run() throws {
        try failing {
            // The outputs' names are checked before any summary is read.
            if out == "" || summary == "" { throw OutputError.emptyPath }
            let identity = try SummaryIdentity(StudyPlan.load(from: URL(fileURLWithPath: study)))
            guard let merged = try WaveSummaryFile.merged(summaries.map { URL(fileURLWithPath: $0) }, expecting: identity) else { return }
            if let summary {
                try AtomicFile.write(merged.encoded(), to: summary)
                print("Merged \(merged.summary.rows) rows of \(merged.parts.count) parts into \(summary).")
            }
            if let out { try Run.write(out: out, plan: identity.plan, formats: report.selected) { try StudyRunner.analyse(identity, merged: merged) } }
        }
    }
}
