import Foundation
import SurveyData

/// Turns the events of a run over several wave files (reading bytes, analysing, finished) into
/// ``StudyProgress`` reports: the file sizes are taken once, so that progress is measured in bytes
/// of all the waves together.
final class WaveProgressTracker: @unchecked Sendable {
    private let handler: StudyProgressHandler?
    private let names: [String]
    private let sizes: [Int]
    private let totalBytes: Int
    private let lock = NSLock()
    private var finishedBytes = 0
    private var wavesDone = 0

    init(_ files: [FileReference], handler: StudyProgressHandler?) {
        self.handler = handler
        names = files.map(\.stem)
        sizes = files.map(Self.size)
        totalBytes = sizes.reduce(0, +)
    }

    /// The file's size in bytes, through symbolic links (`stat`, not `lstat`); 0 if it cannot be read.
    private static func size(_ file: FileReference) -> Int {
        var info = stat()
        return stat(file.url.path, &info) == 0 ? Int(info.st_size) : 0
    }

    /// The loader's progress callback for wave `index`; `nil` without a handler.
    func reading(_ index: Int) -> LoadProgress? {
        guard handler != nil else { return nil }
        report(index, phase: .reading, bytesRead: 0)
        return { [self] bytesRead, _ in report(index, phase: .reading, bytesRead: min(bytesRead, sizes[index])) }
    }

    func analysing(_ index: Int) {
        report(index, phase: .analysing, bytesRead: sizes[index])
    }

    /// Wave `index` is done (analysed or failed).
    func finished(_ index: Int) {
        lock.lock()
        finishedBytes += sizes[index]
        wavesDone += 1
        lock.unlock()
    }

    private func report(_ index: Int, phase: StudyProgress.Phase, bytesRead: Int) {
        guard let handler else { return }
        lock.lock()
        let progress = StudyProgress(wavesDone: wavesDone, waveCount: names.count, wave: names[index], phase: phase,
                                     bytesProcessed: finishedBytes + bytesRead, totalBytes: totalBytes)
        lock.unlock()
        handler(progress)
    }
}
