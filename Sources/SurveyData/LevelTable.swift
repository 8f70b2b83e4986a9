import Foundation

/// Finds the level of a categorical cell from its bytes without building a `String`: the keys (every
/// level's value and label, with the sequential reader's precedence when one text is both) sit in
/// an open-addressing table (at most ¼ full, linear probing) by a hash of their length and first
/// eight bytes, and a cell is compared with a key eight bytes at a time. The table owns its
/// memory; ``lookup`` reads it without reference counting, for the fast path's inner loop.
final class LevelTable: @unchecked Sendable {
    fileprivate struct Slot {
        /// 0 for an empty slot.
        var length = 0
        /// The first eight bytes (fewer for a shorter key, the rest zero).
        var head: UInt64 = 0
        /// The last eight bytes, for a key of 9–16 bytes.
        var tail: UInt64 = 0
        /// Where the bytes after the first eight are in the pool, for a key longer than 16 bytes.
        var rest = 0
        var code: Int32 = 0
    }

    let lookup: Lookup
    private let slots: UnsafeMutableBufferPointer<Slot>
    private let pool: UnsafeMutableBufferPointer<UInt8>

    init(_ levels: [Level]) {
        var codes: [String: Int32] = [:]
        for (index, level) in levels.enumerated().reversed() {
            codes[level.label] = Int32(index)
            codes[level.value] = Int32(index)
        }
        var pool: [UInt8] = []
        var bits = 4
        while 1 << bits < 4 * codes.count { bits += 1 }
        var slots = [Slot](repeating: Slot(), count: 1 << bits)
        for (text, code) in codes.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) where !text.isEmpty {
            let bytes = Array(text.utf8) + [UInt8](repeating: 0, count: 8)
            let length = bytes.count - 8
            let key = bytes.withUnsafeBytes { raw in
                Slot(length: length, head: Lookup.head(raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length),
                     tail: length > 8 && length <= 16 ? raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) : 0,
                     rest: pool.count, code: code)
            }
            if length > 16 { pool += bytes[8..<length] }
            var slot = Lookup.slot(head: key.head, count: length, bits: bits)
            while slots[slot].length != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = key
        }
        self.slots = .allocate(capacity: slots.count)
        _ = self.slots.initialize(from: slots)
        self.pool = .allocate(capacity: max(1, pool.count))
        _ = self.pool.initialize(from: pool)
        lookup = Lookup(slots: UnsafePointer(self.slots.baseAddress!), bits: bits, pool: UnsafePointer(self.pool.baseAddress!))
    }

    deinit {
        slots.deallocate()
        pool.deallocate()
    }

    /// The table's lookup, valid while the table lives.
    struct Lookup {
        fileprivate let slots: UnsafePointer<Slot>
        fileprivate let bits: Int
        fileprivate let pool: UnsafePointer<UInt8>

        /// The first `count` bytes at `cell` as a little-endian word, zero beyond the cell.
        /// Reads eight bytes: the caller guarantees that many are readable.
        @inline(__always)
        fileprivate static func head(_ cell: UnsafePointer<UInt8>, count: Int) -> UInt64 {
            let word = UInt64(littleEndian: UnsafeRawPointer(cell).loadUnaligned(as: UInt64.self))
            return count >= 8 ? word : word & ((1 << (8 * UInt64(count))) - 1)
        }

        @inline(__always)
        fileprivate static func slot(head: UInt64, count: Int, bits: Int) -> Int {
            Int(truncatingIfNeeded: ((head ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> (64 - UInt64(bits)))
        }

        /// The level index of the `count` (≥ 1) bytes at `cell`, or `nil` if they are no level's
        /// value or label. Eight bytes from `cell` must be readable.
        @inline(__always)
        func code(_ cell: UnsafePointer<UInt8>, count: Int) -> Int32? {
            let head = Self.head(cell, count: count)
            let mask = (1 << bits) - 1
            var index = Self.slot(head: head, count: count, bits: bits)
            while true {
                let slot = slots[index]
                if slot.length == 0 { return nil }
                if slot.length == count && slot.head == head {
                    if count <= 8 { return slot.code }
                    if count <= 16 {
                        if UInt64(littleEndian: UnsafeRawPointer(cell + count - 8).loadUnaligned(as: UInt64.self)) == slot.tail { return slot.code }
                    } else if memcmp(cell + 8, pool + slot.rest, count - 8) == 0 {
                        return slot.code
                    }
                }
                index = (index + 1) & mask
            }
        }
    }
}
