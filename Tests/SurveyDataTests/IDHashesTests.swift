import XCTest
@testable import SurveyData

/// The duplicate check's table of ID hashes: a hash seen before, in the same batch or an earlier
/// one, is reported, also after the table has grown past its first size.
final class IDHashSetTests: XCTestCase {
    func hash(_ id: String) -> UInt64 {
        var id = id
        return id.withUTF8(IDHashSet.hash)
    }

    func testRepeatsAreFoundAcrossBatchesAndGrowth() {
        let set = IDHashSet(expected: 10)
        let ids = (1...20_000).map { "R\($0)" }
        for batch in stride(from: 0, to: ids.count, by: 1_000) {
            XCTAssertFalse(set.insert(ids[batch..<(batch + 1_000)].map(hash) + [0, 0]), "batch at \(batch)")  // 0: blank IDs
        }
        XCTAssertTrue(set.insert([hash("R20001"), hash("R7")]))
        XCTAssertTrue(set.insert([hash("R30000"), hash("R30000")]))
        XCTAssertFalse(set.insert([hash("R30001"), hash("r7"), hash("R7 ")]))
    }

    func testHashesOfShortAndLongIDsDiffer() {
        let ids = ["", "R", "R1", "R1234567", "R12345678", "R123456789012345", "R1234567890123456", "1R234567"]
        XCTAssertEqual(Set(ids.map(hash)).count, ids.count)
        XCTAssertFalse(ids.map(hash).contains(0))
    }
}
