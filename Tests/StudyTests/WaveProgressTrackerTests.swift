import Foundation
import XCTest
@testable import Study

/// The progress of a batch counts the bytes of a wave file reached through a symbolic link (issue 16:
/// the bar showed "0/0 kB").
final class WaveProgressTrackerTests: XCTestCase {
    func testSizeOfALinkedWaveIsTheFileSize() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paradox-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let wave = WaveComparisonTests.fixtures.appendingPathComponent("wave-1.csv").path
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("linked.csv").path, withDestinationPath: wave)
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: wave)[.size] as? Int)
        let reports = Reports()
        let tracker = WaveProgressTracker([FileReference(written: "linked.csv", relativeTo: folder)], handler: { reports.append($0) })
        tracker.analysing(0)
        XCTAssertEqual(reports.all, [StudyProgress(wavesDone: 0, waveCount: 1, wave: "linked", phase: .analysing,
                                                   bytesProcessed: size, totalBytes: size)])
        XCTAssertGreaterThan(size, 0)
    }
}

private final class Reports: @unchecked Sendable {
    private let lock = NSLock()
    private var reports: [StudyProgress] = []
    var all: [StudyProgress] { lock.withLock { reports } }
    func append(_ report: StudyProgress) { lock.withLock { reports.append(report) } }
}
