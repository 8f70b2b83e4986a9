import Foundation

/// The 64-bit hashes of a file's respondent IDs, collected block by block and checked for a repeat
/// once all are in: the duplicate check across blocks without keeping the IDs, 8 bytes per ID.
/// Equal IDs have equal hashes; two different IDs share one with probability 2⁻⁶⁴, so a repeated
/// hash marks a likely duplicate, for the caller to confirm with the sequential reader.
///
/// Each block's hashes are stored partitioned by their top 10 bits (a counting pass on the worker
/// that parsed the block). The check takes one partition at a time, from every block, into a
/// small open-addressing table that stays in the processor's cache: a few sequential passes over
/// the hashes instead of a million random probes into one table far larger than the caches.
final class IDHashes: @unchecked Sendable {
    private static let partitionBits: UInt64 = 10
    private static let partitions = 1 << partitionBits

    private let lock = NSLock()
    /// Per block added: its hashes ordered by partition, and where each partition starts.
    private var blocks: [(hashes: [UInt64], starts: [Int])] = []

    /// Adds one block's `hashes` (from ``hash(_:)``; 0, for a blank ID, is skipped). Safe to call
    /// from several threads.
    func add(_ hashes: [UInt64]) {
        var starts = [Int](repeating: 0, count: Self.partitions + 1)
        var ordered = [UInt64](repeating: 0, count: hashes.count)
        starts.withUnsafeMutableBufferPointer { starts in
            for hash in hashes where hash != 0 { starts[Self.partition(hash) + 1] += 1 }
            for partition in 0..<Self.partitions { starts[partition + 1] += starts[partition] }
            var next = Array(starts)
            ordered.withUnsafeMutableBufferPointer { ordered in
                for hash in hashes where hash != 0 {
                    ordered[next[Self.partition(hash)]] = hash
                    next[Self.partition(hash)] += 1
                }
            }
        }
        ordered.removeLast(hashes.count - starts[Self.partitions])
        lock.lock()
        blocks.append((ordered, starts))
        lock.unlock()
    }

    /// Whether a hash was added more than once; the partitions are checked on `concurrency` threads.
    func containsRepeat(concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) -> Bool {
        let workers = max(1, min(concurrency, Self.partitions))
        var found = [Bool](repeating: false, count: workers)
        found.withUnsafeMutableBufferPointer { found in
            let found = found
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var table: [UInt64] = []
                for partition in stride(from: worker, to: Self.partitions, by: workers) where repeats(in: partition, table: &table) {
                    found[worker] = true
                    return
                }
            }
        }
        return found.contains(true)
    }

    /// Whether a hash of `partition` repeats, by inserting every block's hashes of it into `table`
    /// (reused scratch space: linear probing on the bits below the partition's, at most half full).
    private func repeats(in partition: Int, table: inout [UInt64]) -> Bool {
        let count = blocks.reduce(0) { $0 + $1.starts[partition + 1] - $1.starts[partition] }
        guard count > 1 else { return false }
        var bits: UInt64 = 4
        while 1 << bits < 2 * count { bits += 1 }
        table.removeAll(keepingCapacity: true)
        table.append(contentsOf: repeatElement(0, count: 1 << bits))
        return table.withUnsafeMutableBufferPointer { table in
            let mask = table.count - 1
            for block in blocks {
                for index in block.starts[partition]..<block.starts[partition + 1] {
                    let hash = block.hashes[index]
                    var slot = Int(truncatingIfNeeded: hash >> (64 - Self.partitionBits - bits)) & mask
                    while table[slot] != 0 {
                        if table[slot] == hash { return true }
                        slot = (slot + 1) & mask
                    }
                    table[slot] = hash
                }
            }
            return false
        }
    }

    /// Every hash added (none for blank IDs), ascending: each partition's hashes from every block,
    /// sorted, one partition after the other (a partition is a range of the top bits).
    func sorted() -> [UInt64] {
        lock.lock()
        defer { lock.unlock() }
        var result: [UInt64] = []
        result.reserveCapacity(blocks.reduce(0) { $0 + $1.hashes.count })
        for partition in 0..<Self.partitions {
            let start = result.count
            for block in blocks { result += block.hashes[block.starts[partition]..<block.starts[partition + 1]] }
            result[start...].sort()
        }
        return result
    }

    /// The hashes of a column's non-blank IDs, for a column read with its text (``DataColumn/Values/text(_:)``); none otherwise.
    static func hashes(of column: DataColumn) -> [UInt64] {
        guard case .text(let values) = column.values else { return [] }
        return values.filter { !$0.isEmpty }.map { value in
            var id = value
            return id.withUTF8(hash)
        }
    }

    @inline(__always)
    private static func partition(_ hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> (64 - partitionBits)) }

    /// The hash of an ID's bytes: eight bytes at a time multiplied in, then MurmurHash3's 64-bit
    /// finalizer; never 0 (the mark of a blank ID).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        var i = 0
        if let base = bytes.baseAddress {
            while i + 8 <= count {
                hash = (hash ^ UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
                i += 8
            }
            if i < count {
                let tail = Self.tail(base + i, count: count - i)
                hash = (hash ^ tail) &* 0xFF51_AFD7_ED55_8CCD
                hash ^= hash >> 32
            }
        }
        hash ^= hash >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        hash ^= hash >> 33
        hash = hash &* 0xC4CE_B9FE_1A85_EC53
        hash ^= hash >> 33
        return hash == 0 ? 1 : hash
    }

    /// The `count` (1…7) bytes at `bytes` as a little-endian integer, read without a byte loop and
    /// without reading past them: two overlapping 4-byte loads (count ≥ 4), else the first, middle
    /// and last bytes (which cover 1–3 bytes; a byte read twice lands at the same place both times).
    @inline(__always)
    private static func tail(_ bytes: UnsafePointer<UInt8>, count: Int) -> UInt64 {
        let raw = UnsafeRawPointer(bytes)
        if count >= 4 {
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return low | high << (8 * UInt64(count - 4))
        }
        return UInt64(bytes[0]) | UInt64(bytes[count / 2]) << (8 * UInt64(count / 2)) | UInt64(bytes[count - 1]) << (8 * UInt64(count - 1))
    }
}
