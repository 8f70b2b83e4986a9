import Dispatch
import Synchronization

/// Produces a result for each index `0..<count` on `concurrency` threads and hands the results to
/// `consume` in index order on the calling thread while later ones are still being produced: a
/// pipeline whose serial last stage (joining blocks, writing a file) overlaps the parallel one,
/// instead of following it. At most `window` results are produced or waiting ahead of the one being
/// consumed, which bounds the memory they hold.
///
/// When `consume` returns `false` (or throws), no further index is started; the call returns (or
/// rethrows) once the results being produced are done and dropped. Each producer claims the next
/// index only after waiting for room in the window and never blocks after claiming it, so the
/// calling thread always receives the index it waits for.
public func forEachProducedInOrder<T>(count: Int, concurrency: Int, window: Int,
                                      produce: (Int) -> T, consume: (T) throws -> Bool) rethrows {
    guard count > 0 else { return }
    let producers = max(1, min(concurrency, count))
    let state = PipelineState<T>(count: count, window: max(producers, window))
    let finished = DispatchGroup()
    try withoutActuallyEscaping(produce) { produce in
        nonisolated(unsafe) let produce = produce
        for _ in 0..<producers {
            DispatchQueue.global().async(group: finished) {
                while let index = state.claim() {
                    state.results[index] = produce(index)
                    state.ready[index].signal()
                }
            }
        }
        defer {
            state.stop(producers: producers)
            finished.wait()
        }
        for index in 0..<count {
            state.ready[index].wait()
            let result = state.results[index].take()!  // filled before its semaphore was signalled
            state.room.signal()
            if try !consume(result) { return }
        }
    }
}

/// The shared state of ``forEachProducedInOrder(count:concurrency:window:produce:consume:)``: the
/// result slots, a semaphore per slot signalled when it is filled, and the room left in the window.
private final class PipelineState<T>: @unchecked Sendable {
    let count: Int
    let results: UnsafeMutableBufferPointer<T?>
    let ready: [DispatchSemaphore]
    let room: DispatchSemaphore
    private let next = Atomic<Int>(0)
    private let stopped = Atomic<Bool>(false)

    init(count: Int, window: Int) {
        self.count = count
        results = .allocate(capacity: count)
        results.initialize(repeating: nil)
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
        // Created empty and then signalled: libdispatch traps when a semaphore is freed with a value
        // below the one it was created with, as `room` is when the pipeline stops early.
        room = DispatchSemaphore(value: 0)
        for _ in 0..<window { room.signal() }
    }

    deinit {
        results.deinitialize()
        results.deallocate()
    }

    /// The next index to produce, once the window has room; `nil` when all are claimed or the pipeline stopped.
    func claim() -> Int? {
        room.wait()
        guard !stopped.load(ordering: .acquiring) else { return nil }
        let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < count ? index : nil
    }

    /// Lets no producer claim another index, waking those waiting for room.
    func stop(producers: Int) {
        stopped.store(true, ordering: .releasing)
        for _ in 0..<producers { room.signal() }
    }
}
