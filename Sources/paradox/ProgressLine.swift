import Foundation
import Study

/// One line of the progress display of a study run, as text; a pure function of the progress, the
/// time elapsed and the terminal's width, so that it is tested apart from any terminal. E.g.
///
///     wave 2/3 wave-2 reading [#########-----------] 45% 12.3/27.4 MB 0:03 elapsed, ~0:04 left
enum ProgressLine {
    static let barWidth = 20

    /// The line, cut to `width − 1` characters so that it never wraps.
    static func render(_ progress: StudyProgress, elapsed: Double, width: Int) -> String {
        let fraction = progress.totalBytes > 0 ? min(1, Double(progress.bytesProcessed) / Double(progress.totalBytes)) : 0
        let filled = Int((fraction * Double(barWidth)).rounded(.down))
        let bar = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: barWidth - filled) + "]"
        let wave = "wave \(min(progress.wavesDone + 1, progress.waveCount))/\(progress.waveCount) \(progress.wave)"
        let phase = progress.phase == .reading ? "reading" : "analysing"
        var time = "\(duration(elapsed)) elapsed"
        if let remaining = remainingSeconds(elapsed: elapsed, processed: progress.bytesProcessed, total: progress.totalBytes) {
            time += ", ~\(duration(remaining)) left"
        }
        let line = "\(wave) \(phase) \(bar) \(Int((fraction * 100).rounded(.down)))% \(amount(progress.bytesProcessed, of: progress.totalBytes)) \(time)"
        return String(line.prefix(max(0, width - 1)))
    }

    /// The time still needed at the rate so far, elapsed·(total − processed)/processed; `nil` before
    /// any byte is processed.
    static func remainingSeconds(elapsed: Double, processed: Int, total: Int) -> Double? {
        guard processed > 0, total >= processed else { return nil }
        return elapsed * Double(total - processed) / Double(processed)
    }

    /// `m:ss`, or `h:mm:ss` from an hour on (seconds rounded down).
    static func duration(_ seconds: Double) -> String {
        let whole = Int(max(0, seconds).rounded(.down))
        let (hours, minutes, rest) = (whole / 3600, whole / 60 % 60, whole % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, rest) : String(format: "%d:%02d", minutes, rest)
    }

    /// `done/total` in kB below a megabyte of total, else in MB with one decimal.
    static func amount(_ done: Int, of total: Int) -> String {
        total < 1_000_000
            ? String(format: "%.0f/%.0f kB", Double(done) / 1e3, Double(total) / 1e3)
            : String(format: "%.1f/%.1f MB", Double(done) / 1e6, Double(total) / 1e6)
    }
}
