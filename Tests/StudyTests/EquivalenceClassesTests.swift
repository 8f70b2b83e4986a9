import Foundation
import XCTest
@testable import Study
import SurveyData

/// ``EquivalenceClasses`` are mergeable: the classes of a wave counted in blocks of any size and
/// merged in any order are those of the wave counted in one pass (the plain path).
final class EquivalenceClassesTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let waveURL = root.appendingPathComponent("Tests/Fixtures/k-anonymity/wave.csv")
    static let quasiIdentifiers = ["age_group", "gender", "income", "region"]

    func testClassesOfBlocksMergeToTheClassesOfTheWholeWave() throws {
        let codebook = try Codebook.load(from: Self.root.appendingPathComponent("Codebooks/privacy-paradox.codebook.yml"))
        let whole = try EquivalenceClasses(quasiIdentifiers: Self.quasiIdentifiers,
                                           of: Dataset.load(contentsOf: Self.waveURL, codebook: codebook))
        for rowsPerBlock in [1, 7, 64, 1_000] {
            let parts = Locked<[EquivalenceClasses]>([])
            _ = try Dataset.forEachBlock(contentsOf: Self.waveURL, codebook: codebook, rowsPerBlock: rowsPerBlock) { block in
                let classes = try EquivalenceClasses(quasiIdentifiers: Self.quasiIdentifiers, of: block.dataset)
                parts.mutate { $0.append(classes) }
            }
            for order in [parts.value, parts.value.reversed()] {
                var merged = EquivalenceClasses(quasiIdentifiers: Self.quasiIdentifiers)
                for part in order { try merged.add(part) }
                XCTAssertEqual(merged, whole, "\(rowsPerBlock) rows per block")
            }
        }
        // pycanon 1.3.6 on the same file (Tests/Fixtures/k-anonymity/reference.txt).
        XCTAssertEqual(whole.kAnonymity(k: 5), KAnonymityResult(quasiIdentifiers: Self.quasiIdentifiers, k: 5, respondents: 200, classes: 107,
                                                                 smallestClass: 1, classesBelowK: 104, respondentsBelowK: 185))
    }

    func testPartsOverOtherQuasiIdentifiersDoNotMerge() {
        var classes = EquivalenceClasses(quasiIdentifiers: ["gender"])
        XCTAssertThrowsError(try classes.add(EquivalenceClasses(quasiIdentifiers: ["region"])))
    }

    func testAWaveWithoutRowsHasNoSmallestClass() {
        XCTAssertNil(EquivalenceClasses(quasiIdentifiers: ["gender"]).kAnonymity(k: 5).smallestClass)
    }
}

/// A value shared by the blocks' threads.
private final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    init(_ value: Value) { stored = value }
    var value: Value { lock.lock(); defer { lock.unlock() }; return stored }
    func mutate(_ body: (inout Value) -> Void) { lock.lock(); defer { lock.unlock() }; body(&stored) }
}
