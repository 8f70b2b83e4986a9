import FuzzTargets
import Foundation
import XCTest

/// Every parser of untrusted input fuzzed for a bounded time (the seed corpus and the regression
/// inputs under Tests/Fuzz/ always, then mutations). `PARADOX_FUZZ_SECONDS` sets the total time
/// (default 28 s, shared by the targets); `Scripts/fuzz.sh` runs libFuzzer for longer.
final class FuzzTests: XCTestCase {
    static let secondsPerTarget: Double = {
        let total = ProcessInfo.processInfo.environment["PARADOX_FUZZ_SECONDS"].flatMap(Double.init) ?? 28
        return total / Double(FuzzTarget.allCases.count)
    }()

    func fuzz(_ target: FuzzTarget) throws {
        let seed = ProcessInfo.processInfo.environment["PARADOX_FUZZ_SEED"].flatMap(UInt64.init) ?? 20261206
        let report = try FuzzCampaign(target: target, seconds: Self.secondsPerTarget, seed: seed).run()
        XCTAssertGreaterThan(report.inputs, try FileManager.default.contentsOfDirectory(atPath: target.corpus.path).count - 1,
                             "every seed ran")
        for failure in report.failures.prefix(5) { XCTFail("\(failure)") }
        print("fuzz \(target.rawValue): \(report.inputs) inputs, \(report.failures.count) failures")
    }

    func testWave() throws { try fuzz(.wave) }
    func testInferred() throws { try fuzz(.inferred) }
    func testCodebook() throws { try fuzz(.codebook) }
    func testStudy() throws { try fuzz(.study) }
    func testSummary() throws { try fuzz(.summary) }
    func testDesignSummary() throws { try fuzz(.designSummary) }
    func testTranscript() throws { try fuzz(.transcript) }
    func testThemes() throws { try fuzz(.themes) }
    func testSPSS() throws { try fuzz(.spss) }
    func testStata() throws { try fuzz(.stata) }
    func testQualtrics() throws { try fuzz(.qualtrics) }
    func testLimeSurveyStructure() throws { try fuzz(.limesurveyStructure) }
    func testQDPX() throws { try fuzz(.qdpx) }
    func testRakingTargets() throws { try fuzz(.targets) }
    func testNamesList() throws { try fuzz(.names) }
}
