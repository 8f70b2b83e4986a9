import Foundation
import Study
import SurveyData

/// The k-anonymity of a wave's quasi-identifiers, counted block by block as the data path reads
/// the file (``EquivalenceClasses`` of each block, merged).
///
/// The gate reads the wave's file once more for it; when the engine carries ``EquivalenceClasses``
/// in its wave summary, a sharded or merged wave gets it from there instead.
enum KAnonymityMeasurement {
    /// - Throws: the reader's `DataError`s (file, line and column).
    static func measure(_ url: URL, codebook: Codebook, delimiter: UInt8?, quasiIdentifiers: [String], k: Int) throws -> KAnonymityResult {
        let parts = Parts(quasiIdentifiers: quasiIdentifiers)
        _ = try Dataset.forEachBlock(contentsOf: url, codebook: codebook, delimiter: delimiter) { block in
            try parts.add(EquivalenceClasses(quasiIdentifiers: quasiIdentifiers, of: block.dataset))
        }
        return parts.whole.kAnonymity(k: k)
    }

    /// The blocks' classes, merged as they arrive (from any thread; the sum does not depend on the order).
    private final class Parts: @unchecked Sendable {
        private let lock = NSLock()
        private var merged: EquivalenceClasses

        init(quasiIdentifiers: [String]) { merged = EquivalenceClasses(quasiIdentifiers: quasiIdentifiers) }

        func add(_ part: EquivalenceClasses) throws {
            lock.lock()
            defer { lock.unlock() }
            try merged.merge(part)
        }

        var whole: EquivalenceClasses {
            lock.lock()
            defer { lock.unlock() }
            return merged
        }
    }
}
