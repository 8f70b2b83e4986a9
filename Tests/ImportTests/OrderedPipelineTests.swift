import ComputeSupport
import XCTest

/// `forEachProducedInOrder`, the pipeline the importers join their blocks and pieces with: results
/// arrive in index order whatever order they are produced in, no more than the window ahead, and an
/// early stop or a throw ends it cleanly (the ParallelImportTests read real files through it).
final class OrderedPipelineTests: XCTestCase {
    /// Produces `index` after a pause that makes later indices finish first; counts those in flight.
    final class Recorder: @unchecked Sendable {
        let lock = NSLock()
        var inFlight = 0
        var mostInFlight = 0
        var produced = 0

        func produce(_ index: Int) -> Int {
            lock.withLock {
                inFlight += 1
                produced += 1
                mostInFlight = max(mostInFlight, inFlight)
            }
            usleep(useconds_t(100 * (7 - index % 7)))
            return index
        }

        func consumed() { lock.withLock { inFlight -= 1 } }
    }

    func testResultsArriveInOrderWithinTheWindow() {
        for (concurrency, window) in [(1, 1), (2, 2), (2, 4), (4, 3)] {
            let recorder = Recorder()
            var seen: [Int] = []
            forEachProducedInOrder(count: 50, concurrency: concurrency, window: window, produce: recorder.produce) { index in
                seen.append(index)
                recorder.consumed()
                return true
            }
            XCTAssertEqual(seen, Array(0..<50), "concurrency \(concurrency), window \(window)")
            // The window counts the results ahead of the one being consumed.
            XCTAssertLessThanOrEqual(recorder.mostInFlight, max(concurrency, window) + 1, "concurrency \(concurrency), window \(window)")
        }
    }

    func testAStopOrAThrowEndsThePipeline() {
        struct Failure: Error {}
        for stopAt in [0, 3, 49] {
            let recorder = Recorder()
            var seen: [Int] = []
            forEachProducedInOrder(count: 50, concurrency: 2, window: 4, produce: recorder.produce) { index in
                seen.append(index)
                return index != stopAt
            }
            XCTAssertEqual(seen, Array(0...stopAt))
            XCTAssertLessThanOrEqual(recorder.produced, stopAt + 1 + 4, "no index started beyond the window")
        }
        XCTAssertThrowsError(try forEachProducedInOrder(count: 50, concurrency: 2, window: 4, produce: { $0 }) { index in
            if index == 5 { throw Failure() }
            return true
        }) { XCTAssertTrue($0 is Failure) }
    }

    func testNothingToProduce() {
        var called = false
        forEachProducedInOrder(count: 0, concurrency: 2, window: 2, produce: { $0 }) { _ in
            called = true
            return true
        }
        XCTAssertFalse(called)
    }
}
