import Foundation
import Study

/// The progress bar of a study run on standard error: drawn only when standard error is a terminal,
/// redrawn in place (`\r`) at most ten times a second, and cleared before anything else is printed.
/// The line itself is ``ProgressLine``.
final class TerminalProgress: @unchecked Sendable {
    static let minimumInterval = 0.1

    private let lock = NSLock()
    private let start = ProcessInfo.processInfo.systemUptime
    private var lastDrawn = -Double.infinity
    private var visible = false

    /// A progress bar, or `nil` when `quiet` or when standard error is not a terminal.
    static func make(quiet: Bool) -> TerminalProgress? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : TerminalProgress()
    }

    var handler: StudyProgressHandler { { [self] progress in draw(progress) } }

    private func draw(_ progress: StudyProgress) {
        lock.lock()
        defer { lock.unlock() }
        let now = ProcessInfo.processInfo.systemUptime
        guard now - lastDrawn >= Self.minimumInterval else { return }
        lastDrawn = now
        write("\r" + ProgressLine.render(progress, elapsed: now - start, width: Self.terminalWidth()) + "\u{1B}[K")
        visible = true
    }

    /// Removes the line (before an error, a summary, or at the end).
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        if visible { write("\r\u{1B}[K") }
        visible = false
        lastDrawn = -Double.infinity
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
