import Foundation

/// Finds the level of a categorical cell from its bytes without building a `String`: the keys (every
/// level's value and label, with the sequential reader's precedence when one text is both; not `NA`,
/// which is missing before it is a level) sit in
/// an open-addressing table (at most half full, linear probing) by a hash of their length and
/// first eight bytes, and a cell is compared with a key eight bytes at a time. The slots are 16
/// bytes (the longer keys' other bytes aside), so that a column's table spans a few cache lines.
/// The table owns its memory; ``lookup`` reads it without reference counting, for the fast path's
/// inner loop.
final class LevelTable: @unchecked Sendable {
    fileprivate struct Slot {
        /// The first eight bytes (fewer for a shorter key, the rest zero).
        var head: UInt64 = 0
        /// 0 for an empty slot.
        var length: Int32 = 0
        var code: Int32 = 0
    }

    /// The rest of a key longer than eight bytes, beside its slot.
    fileprivate struct Tail {
        /// The last eight bytes, for a key of 9–16 bytes.
        var last: UInt64 = 0
        /// Where the bytes after the first eight are in the pool, for a key longer than 16 bytes.
        var rest = 0
    }

    let lookup: Lookup
    private let slots: UnsafeMutableBufferPointer<Slot>
    private let tails: UnsafeMutableBufferPointer<Tail>
    private let pool: UnsafeMutableBufferPointer<UInt8>

    init(_ levels: [Level]) {
        var codes: [String: Int32] = [:]
        for (index, level) in levels.enumerated().reversed() {
            codes[level.label] = Int32(index)
            codes[level.value] = Int32(index)
        }
        var pool: [UInt8] = []
        var bits = 2
        while 1 << bits < 2 * codes.count { bits += 1 }
        var slots = [Slot](repeating: Slot(), count: 1 << bits)
        var tails = [Tail](repeating: Tail(), count: 1 << bits)
        for (text, code) in codes.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) where !text.isEmpty && text != "NA" {
            let bytes = Array(text.utf8) + [UInt8](repeating: 0, count: 8)
            let length = bytes.count - 8
            let (head, last) = bytes.withUnsafeBytes { raw in
                (Lookup.head(raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: length),
                 length > 8 ? raw.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) : 0)
            }
            var slot = Lookup.slot(head: head, count: length, bits: bits)
            while slots[slot].length != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Slot(head: head, length: Int32(length), code: code)
            tails[slot] = Tail(last: last, rest: pool.count)
            if length > 16 { pool += bytes[8..<length] }
        }
        self.slots = .allocate(capacity: slots.count)
        _ = self.slots.initialize(from: slots)
        self.tails = .allocate(capacity: tails.count)
        _ = self.tails.initialize(from: tails)
        self.pool = .allocate(capacity: max(1, pool.count))
        _ = self.pool.initialize(from: pool)
        lookup = Lookup(slots: UnsafePointer(self.slots.baseAddress!), tails: UnsafePointer(self.tails.baseAddress!),
                        bits: bits, pool: UnsafePointer(self.pool.baseAddress!))
    }

    deinit {
        slots.deallocate()
        tails.deallocate()
        pool.deallocate()
    }

    /// The table's lookup, valid while the table lives.
    struct Lookup {
        fileprivate let slots: UnsafePointer<Slot>
        fileprivate let tails: UnsafePointer<Tail>
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
                    let tail = tails[index]
                    if count <= 16 {
                        if UInt64(littleEndian: UnsafeRawPointer(cell + count - 8).loadUnaligned(as: UInt64.self)) == tail.last { return slot.code }
                    } else if memcmp(cell + 8, pool + tail.rest, count - 8) == 0 {
                        return slot.code
                    }
                }
                index = (index + 1) & mask
            }
        }
    }
}
