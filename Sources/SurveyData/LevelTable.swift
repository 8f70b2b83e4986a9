import Foundation

/// Finds the level of a categorical cell from its bytes without building a `String`: the keys (every
/// level's value and label, with the sequential reader's precedence when one text is both; not `NA`,
/// which is missing before it is a level) sit in
/// an open-addressing table (at most half full, linear probing) by a hash of their length and
/// first eight bytes, and a cell is compared with a key eight bytes at a time. The slots are 16
/// bytes (the longer keys' other bytes aside), so that a column's table spans a few cache lines.
/// The table owns its memory; ``lookup`` reads it without reference counting, for the fast path's
/// inner loop.
///
/// Beside it, a guess per cell start (``Lookup/guessedKey(_:at:end:)``): 64 entries indexed by a hash of a
/// cell's first two bytes (a one-byte key's are the key and the delimiter), each holding one key as
/// masked words, so that the fast path matches a level — and finds where its cell ends — with two
/// word comparisons and no search for the delimiter. Keys that share an entry after the first, keys
/// of more than 16 bytes, and keys that the reader would trim or that hold a delimiter, quote or
/// line end are not guessed: their cells take the search and the table.
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

    /// A key of 1–16 bytes as the fast path compares it with a cell: the cell's first word masked
    /// to the key's first (up to) eight bytes, and its word ending where the key ends masked to the
    /// key's bytes after the eighth (nothing for a key of at most eight).
    fileprivate struct Guess {
        var head: UInt64 = 0
        var headMask: UInt64 = 0
        var last: UInt64 = 0
        var lastMask: UInt64 = 0
        /// 0 for an empty entry.
        var length = 0
        var code: Int32 = 0
    }

    let lookup: Lookup
    private let slots: UnsafeMutableBufferPointer<Slot>
    private let tails: UnsafeMutableBufferPointer<Tail>
    private let pool: UnsafeMutableBufferPointer<UInt8>
    private let guesses: UnsafeMutableBufferPointer<Guess>

    /// The table of `levels`' values and labels, with guesses for cells followed by `delimiter`.
    init(_ levels: [Level], delimiter: UInt8) {
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
        var guesses = [Guess](repeating: Guess(), count: Lookup.guessCount)
        let unguessable: Set<UInt8> = [delimiter, CSVReader.quote, CSVReader.newline, CSVReader.carriageReturn]
        let blanks: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t")]
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

            // Its guess, indexed by its first two bytes as a cell begins (a one-byte key, then the delimiter).
            guard length <= 16, !bytes[..<length].contains(where: unguessable.contains),
                  !blanks.contains(bytes[0]), !blanks.contains(bytes[length - 1]) else { continue }
            let entry = Lookup.guessIndex(length > 1 ? head : head | UInt64(delimiter) << 8)
            guard guesses[entry].length == 0 else { continue }
            guesses[entry] = Guess(head: head, headMask: length >= 8 ? ~0 : (1 << (8 * UInt64(length))) - 1,
                                   last: last, lastMask: length > 8 ? ~0 : 0, length: length, code: code)
        }
        self.guesses = .allocate(capacity: guesses.count)
        _ = self.guesses.initialize(from: guesses)
        self.slots = .allocate(capacity: slots.count)
        _ = self.slots.initialize(from: slots)
        self.tails = .allocate(capacity: tails.count)
        _ = self.tails.initialize(from: tails)
        self.pool = .allocate(capacity: max(1, pool.count))
        _ = self.pool.initialize(from: pool)
        lookup = Lookup(slots: UnsafePointer(self.slots.baseAddress!), tails: UnsafePointer(self.tails.baseAddress!),
                        bits: bits, pool: UnsafePointer(self.pool.baseAddress!), guesses: UnsafePointer(self.guesses.baseAddress!))
    }

    deinit {
        guesses.deallocate()
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
        fileprivate let guesses: UnsafePointer<Guess>

        fileprivate static let guessCount = 64

        /// The guess entry of a cell whose first bytes are `word`'s: the top six bits of the first two
        /// bytes times a large odd number.
        @inline(__always)
        fileprivate static func guessIndex(_ word: UInt64) -> Int {
            Int(truncatingIfNeeded: ((UInt32(truncatingIfNeeded: word) & 0xFFFF) &* 0x9E37_79B1) >> 26)
        }

        /// The code and length of the key guessed from the first two bytes at `base + position`, if
        /// the bytes there begin with it and a byte follows it before `end` (the caller checks that
        /// this byte ends the cell). Reads eight bytes from `base + position`.
        @inline(__always)
        func guessedKey(_ base: UnsafePointer<UInt8>, at position: Int, end: Int) -> (code: Int32, length: Int)? {
            func word(_ offset: Int) -> UInt64 { UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)) }
            let first = word(position)
            let guess = guesses[Self.guessIndex(first)]
            guard guess.length > 0, position &+ guess.length < end else { return nil }
            let tail = word(position &+ max(guess.length, 8) &- 8)
            guard ((first & guess.headMask) ^ guess.head) | ((tail & guess.lastMask) ^ guess.last) == 0 else { return nil }
            return (guess.code, guess.length)
        }

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
