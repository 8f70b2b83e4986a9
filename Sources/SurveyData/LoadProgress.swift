import Foundation

/// Progress of loading: bytes read so far and the file's size; called from worker threads.
public typealias LoadProgress = @Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void

/// Sums the bytes the blocks have read and reports the total.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var read = 0
    let total: Int
    let progress: LoadProgress?

    init(total: Int, progress: LoadProgress?) {
        self.total = total
        self.progress = progress
    }

    func add(_ bytes: Int) {
        guard let progress else { return }
        lock.lock()
        read += bytes
        let now = read
        lock.unlock()
        progress(now, total)
    }
}
