import ArgumentParser
import Foundation
import Privacy
import Reporting
import Study

/// `paradox batch STUDY.yml WAVE… --out DIR`: a study over several waves, a report per wave and one
/// comparing them.
struct Batch: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run a study over several survey waves: a report per wave and a report comparing them.",
        discussion: """
        The wave files given replace the study file's data (without any, the study's own data are used).
        Each wave's full report, as `paradox run` writes it for one wave, goes to OUT/waves/<file stem>/;
        the comparison goes to OUT/ (report.md, report.html, tables.tex, results.json, csv/): per scale and
        item, n, M, SD and 95% CI by wave, the one-way ANOVA and Welch's F across waves with η² and ω², and
        the change from the first to the last wave with its Welch 95% CI and Hedges' g. A wave that fails to
        load or analyse is reported with its error in the comparison and on stderr, the other waves are
        still written, and the exit code is 1.
        """)

    @Argument(help: "The study file (YAML).")
    var study: String

    @Argument(help: "Wave data files (CSV), in order; default: the study file's data.")
    var waves: [String] = []

    @Option(help: "The folder to write the reports to.")
    var out: String

    @Flag(help: "Show no progress bar.")
    var quiet = false

    @OptionGroup var report: ReportFormatOptions

    func run() throws {
        let progress = TerminalProgress.make(quiet: quiet)
        try failing {
            defer { progress?.clear() }
            var plan = try StudyPlan.load(from: URL(fileURLWithPath: study))
            let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            if !waves.isEmpty { plan.data = waves.map { FileReference(written: $0, relativeTo: here) } }
            try Self.write(plan, out: out, formats: report.selected, progress: progress)
        }
    }

    /// Runs the waves of `plan`, writes each analysed wave's report to OUT/waves/<stem>/ as it
    /// finishes and the comparison to OUT/ (one transaction: OUT is replaced at the end), names each
    /// failed wave on stderr as it fails, and ends with exit code 1 when a wave failed.
    static func write(_ plan: StudyPlan, out: String, formats: Set<ReportFormat>, progress: TerminalProgress?) throws {
        let waveFolders = ReportFiles.waveFolders(plan.data.map(\.stem))
        var written = 0, waveIndex = 0
        let batch = try OutputFolder.write(to: out) { folder in
            let batch = try WaveBatch.run(plan, progress: progress?.handler) { outcome in
                defer { waveIndex += 1 }
                switch outcome {
                case .analysed(_, let result):
                    let files = try ReportFiles.render(PrivacyGate.apply(result, plan: plan), formats: formats)
                    try folder.write(files, in: waveFolders[waveIndex])
                    written += files.count
                case .failed(let status):
                    progress?.clear()
                    FileHandle.standardError.write(Data("paradox: error: \(status.error ?? status.file)\n".utf8))
                }
            }
            let files = try ReportFiles.render(PrivacyGate.apply(batch, plan: plan), formats: formats)
            try folder.write(files)
            written += files.count
            return batch
        }
        progress?.clear()
        print("Wrote \(written) files to \(out)/: \(batch.analysedWaves.count) of \(batch.waves.count) waves analysed, each in \(out)/\(ReportFiles.wavesFolder)/<wave>/, compared in \(out)/report.md.")
        if !batch.failedWaves.isEmpty { throw ExitCode(1) }
    }
}
