import XCTest
@testable import SurveyData

/// The duplicate check's collection of ID hashes: a hash added twice, in one block or two, is
/// reported; blank IDs (hash 0) are not IDs.
final class IDHashesTests: XCTestCase {
    func hash(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8(IDHashes.hash)
    }

    /// 20 blocks of 1,000 distinct IDs (and two blank ones each) hold no repeat; one more block
    /// with an ID of an earlier block, or one ID twice, does; so do 100 blocks added concurrently
    /// of which one repeats an ID of another.
    func testRepeatsAreFoundWithinAndAcrossBlocks() {
        let ids = (1...20_000).map { "R\($0)" }
        func distinct() -> IDHashes {
            let hashes = IDHashes()
            for block in stride(from: 0, to: ids.count, by: 1_000) { hashes.add(ids[block..<(block + 1_000)].map(hash) + [0, 0]) }
            return hashes
        }
        XCTAssertFalse(distinct().containsRepeat())
        let across = distinct()
        across.add([hash("R20001"), hash("R7")])
        XCTAssertTrue(across.containsRepeat())
        let within = distinct()
        within.add([hash("R30000"), hash("R30000")])
        XCTAssertTrue(within.containsRepeat(concurrency: 1))
        let near = distinct()
        near.add([hash("R30001"), hash("r7"), hash("R7 "), 0, 0])
        XCTAssertFalse(near.containsRepeat(concurrency: 3))

        let concurrent = IDHashes()
        DispatchQueue.concurrentPerform(iterations: 100) { block in
            concurrent.add((0..<500).map { hash("P\(block * 500 + $0)") } + (block == 63 ? [hash("P12")] : []))
        }
        XCTAssertTrue(concurrent.containsRepeat())
    }

    func testHashesOfShortAndLongIDsDiffer() {
        let ids = ["", "R", "R1", "R1234567", "R12345678", "R123456789012345", "R1234567890123456", "1R234567"]
        XCTAssertEqual(Set(ids.map(hash)).count, ids.count)
        XCTAssertFalse(ids.map(hash).contains(0))
    }
}
