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

    /// The hash is the documented formula — eight bytes at a time, the last 1–7 bytes as one
    /// little-endian word (read by overlapping loads) — for every length and alignment.
    func testHashIsTheWordFormulaAtEveryLength() {
        func formula(_ bytes: [UInt8]) -> UInt64 {
            var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
            for start in stride(from: 0, to: bytes.count, by: 8) {
                let word = bytes[start..<min(start + 8, bytes.count)].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
                hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
            }
            hash ^= hash >> 33
            hash = hash &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 33
            hash = hash &* 0xC4CE_B9FE_1A85_EC53
            hash ^= hash >> 33
            return hash == 0 ? 1 : hash
        }
        let text = Array("R2026-11-23/wave-3:respondent#000123".utf8)
        for offset in 0..<4 {
            for count in 0...(text.count - offset) {
                let id = Array(text[offset..<(offset + count)])
                XCTAssertEqual(id.withUnsafeBufferPointer(IDHashes.hash), formula(id), "\(count) bytes at offset \(offset)")
            }
        }
    }

    func testHashesOfShortAndLongIDsDiffer() {
        let ids = ["", "R", "R1", "R1234567", "R12345678", "R123456789012345", "R1234567890123456", "1R234567"]
        XCTAssertEqual(Set(ids.map(hash)).count, ids.count)
        XCTAssertFalse(ids.map(hash).contains(0))
    }
}
