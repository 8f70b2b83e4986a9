import Foundation

/// The 64-bit hashes of the respondent IDs loaded so far, for the duplicate check across blocks
/// without keeping the IDs: an open-addressing table (linear probing) of 8-byte slots, at most ¾
/// full, 11–21 bytes per ID. Equal IDs have equal hashes; two different IDs share one with
/// probability 2⁻⁶⁴, so a hash that is already there marks a likely duplicate, for the caller to
/// confirm with the sequential reader.
final class IDHashSet: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: UnsafeMutablePointer<UInt64>
    private var capacityBits: Int
    private var count = 0

    /// A table sized for about `expected` IDs, an estimate (at most 50 million: it grows beyond
    /// that). Growing holds both tables for a moment, so an estimate close to the count saves memory.
    init(expected: Int) {
        capacityBits = 10
        while (1 << capacityBits) * 3 / 4 < expected && capacityBits < 26 { capacityBits += 1 }
        slots = Self.emptySlots(1 << capacityBits)
    }

    deinit { free(slots) }

    /// Zeroed by `calloc`, so that the pages of a table larger than needed are never touched.
    private static func emptySlots(_ count: Int) -> UnsafeMutablePointer<UInt64> {
        calloc(count, MemoryLayout<UInt64>.stride)!.assumingMemoryBound(to: UInt64.self)
    }

    /// Adds `hashes` (from ``hash(_:)``; 0, for a blank ID, is skipped); whether any of them was
    /// there already. Safe to call from several threads.
    func insert(_ hashes: [UInt64]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        var seen = false
        for hash in hashes where hash != 0 {
            if (count + 1) * 4 > (1 << capacityBits) * 3 { grow() }
            if !place(hash) { seen = true } else { count += 1 }
        }
        return seen
    }

    /// Puts `hash` in its slot (by its top bits) or the next free one; `false` if it was there.
    @inline(__always)
    private func place(_ hash: UInt64) -> Bool {
        let mask = (1 << capacityBits) - 1
        var slot = Int(truncatingIfNeeded: hash >> UInt64(64 - capacityBits))
        while slots[slot] != 0 {
            if slots[slot] == hash { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = hash
        return true
    }

    private func grow() {
        let old = slots, oldCount = 1 << capacityBits
        capacityBits += 1
        slots = Self.emptySlots(1 << capacityBits)
        for slot in 0..<oldCount where old[slot] != 0 { _ = place(old[slot]) }
        free(old)
    }

    /// The hash of an ID's bytes: eight bytes at a time multiplied in, then MurmurHash3's 64-bit
    /// finalizer; never 0 (the empty slot).
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
                var tail: UInt64 = 0
                for k in i..<count { tail |= UInt64(base[k]) << (8 * UInt64(k - i)) }
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
}
