import XCTest
import Study
@testable import paradox

/// The progress line of `paradox run` as text (the terminal drawing is ``TerminalProgress``), apart
/// from any terminal.
final class ProgressLineTests: XCTestCase {
    func testReadingLineWithRemainingTime() {
        let progress = StudyProgress(wavesDone: 1, waveCount: 3, wave: "wave-2", phase: .reading,
                                     bytesProcessed: 12_300_000, totalBytes: 27_400_000)
        XCTAssertEqual(ProgressLine.render(progress, elapsed: 3.9, width: 200),
                       "wave 2/3 wave-2 reading [########------------] 44% 12.3/27.4 MB 0:03 elapsed, ~0:04 left")
    }

    func testStartSmallFilesAndLastWave() {
        let start = StudyProgress(wavesDone: 0, waveCount: 1, wave: "w", phase: .reading, bytesProcessed: 0, totalBytes: 52_000)
        XCTAssertEqual(ProgressLine.render(start, elapsed: 0, width: 200),
                       "wave 1/1 w reading [--------------------] 0% 0/52 kB 0:00 elapsed")
        let end = StudyProgress(wavesDone: 3, waveCount: 3, wave: "c", phase: .analysing, bytesProcessed: 52_000, totalBytes: 52_000)
        XCTAssertEqual(ProgressLine.render(end, elapsed: 3725, width: 200),
                       "wave 3/3 c analysing [####################] 100% 52/52 kB 1:02:05 elapsed, ~0:00 left")
    }

    func testLineNeverWraps() {
        let progress = StudyProgress(wavesDone: 0, waveCount: 2, wave: "a-very-long-wave-name", phase: .reading,
                                     bytesProcessed: 1, totalBytes: 2)
        XCTAssertEqual(ProgressLine.render(progress, elapsed: 1, width: 20), "wave 1/2 a-very-lon")
        XCTAssertEqual(ProgressLine.render(progress, elapsed: 1, width: 0), "")
    }

    func testRemainingTimeExtrapolatesTheRate() {
        XCTAssertNil(ProgressLine.remainingSeconds(elapsed: 5, processed: 0, total: 100))
        XCTAssertEqual(ProgressLine.remainingSeconds(elapsed: 5, processed: 25, total: 100), 15)
        XCTAssertEqual(ProgressLine.remainingSeconds(elapsed: 5, processed: 100, total: 100), 0)
    }
}
