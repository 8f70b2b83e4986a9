/// An open-addressing hash table that numbers distinct keys of a fixed number of 64-bit words in
/// order of first appearance: the dictionary encoding of a column (``RowTally/CodedColumn``) and
/// the grouping of a regression's rows by level combination (``Regression/Sample``).
///
/// Linear probing on Fibonacci hashing (Knuth, *TAOCP* vol. 3, §6.4: multiply by 2⁶⁴/φ, keep the
/// top bits), at most half full, doubled when needed. A slot is its key's words followed by the
/// key's number + 1 (0 marks an empty slot) in one run of memory, so that a lookup touches one
/// cache line and allocates nothing. The slots are manually managed memory (freed with the table),
/// so that the hot loop of lookups pays no copy-on-write check; a table is used by one owner.
struct PackedKeyTable {
    /// Words per key.
    let width: Int
    /// Distinct keys so far; they are numbered 0..<count.
    private(set) var count = 0
    private var capacityBits = 6
    /// capacity × (width + 1) words, owned by `storage`.
    private var slots: UnsafeMutablePointer<UInt64>
    private var storage: Storage

    /// Owns the slots' memory.
    private final class Storage {
        let slots: UnsafeMutablePointer<UInt64>
        init(words: Int) {
            slots = .allocate(capacity: words)
            slots.initialize(repeating: 0, count: words)
        }
        deinit { slots.deallocate() }
    }

    init(width: Int) {
        precondition(width >= 1, "a key has at least one word")
        self.width = width
        storage = Storage(words: (1 << capacityBits) * (width + 1))
        slots = storage.slots
    }

    /// The number of `key` (`width` words), numbering it `count` if it is new.
    @inline(__always)
    mutating func number(of key: UnsafePointer<UInt64>) -> Int {
        if 2 * (count + 1) > 1 << capacityBits { grow() }   // room for one more key
        let stride = width + 1, mask = (1 << capacityBits) - 1
        var slot = Self.hash(key, width, capacityBits)
        while true {
            let base = slot &* stride
            let number = slots[base &+ width]
            if number == 0 {
                for w in 0..<width { slots[base &+ w] = key[w] }
                count += 1
                slots[base &+ width] = UInt64(count)
                return count - 1
            }
            var equal = true
            for w in 0..<width where slots[base &+ w] != key[w] { equal = false; break }
            if equal { return Int(number &- 1) }
            slot = (slot &+ 1) & mask
        }
    }

    private mutating func grow() {
        let old = storage, stride = width + 1, oldCapacity = 1 << capacityBits
        capacityBits += 1
        let mask = (1 << capacityBits) - 1
        storage = Storage(words: (1 << capacityBits) * stride)
        slots = storage.slots
        for o in 0..<oldCapacity where old.slots[o * stride + width] != 0 {
            var slot = Self.hash(old.slots + o * stride, width, capacityBits)
            while slots[slot * stride + width] != 0 { slot = (slot + 1) & mask }
            (slots + slot * stride).update(from: old.slots + o * stride, count: stride)
        }
    }

    @inline(__always)
    private static func hash(_ key: UnsafePointer<UInt64>, _ width: Int, _ bits: Int) -> Int {
        var h: UInt64 = 0
        for w in 0..<width { h = (h ^ key[w]) &* 0x9E37_79B9_7F4A_7C15 }
        return Int(truncatingIfNeeded: h &>> UInt64(UInt64.bitWidth - bits))
    }
}
