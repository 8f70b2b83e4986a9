/// Where each column's code lies in the integer key of a row of a ``RowTally``: the codes of a
/// row packed into as few 64-bit words as hold them, so that comparing keys word by word (each word
/// as an unsigned integer) compares the rows' codes lexicographically.
///
/// Column j, whose codes are 0..<nⱼ, takes bⱼ = ⌈log₂ nⱼ⌉ bits (0 bits for a single value). The
/// columns fill word 0, then word 1, … in order, a column never straddling two words (a code has
/// at most 31 bits), and within a word an earlier column takes more significant bits than a later
/// one. One word per row whenever Σbⱼ ≤ 64, the usual case (a survey model of a response, factors
/// and scale scores needs 20–30 bits). The layout is a function of the nⱼ only, so tallies with
/// equal dictionaries have equal layouts.
struct PackedRowLayout: Sendable, Equatable {
    /// Words per row.
    let wordsPerRow: Int
    /// Bits per row (Σbⱼ).
    let bitsPerRow: Int
    /// Per column: its word, the shift of its lowest bit, and the mask of its width (at the bottom).
    let word: [Int]
    let shift: [UInt64]
    let mask: [UInt64]

    /// The layout for columns with `valueCounts[j]` possible codes each (0 or more).
    init(valueCounts: [Int]) {
        let widths = valueCounts.map { $0 <= 1 ? 0 : UInt64.bitWidth - UInt64($0 - 1).leadingZeroBitCount }
        var word: [Int] = [], used: [Int] = [0]   // bits used so far in each word
        for width in widths {
            if used[used.count - 1] + width > UInt64.bitWidth { used.append(0) }
            word.append(used.count - 1)
            used[used.count - 1] += width
        }
        // Within a word the later columns take the lower bits: a column's shift is the width of the
        // columns after it in its word.
        var shift = [UInt64](repeating: 0, count: widths.count)
        var below = [Int](repeating: 0, count: used.count)
        for j in widths.indices.reversed() {
            shift[j] = UInt64(below[word[j]])
            below[word[j]] += widths[j]
        }
        wordsPerRow = used.count
        bitsPerRow = widths.reduce(0, +)
        self.word = word
        self.shift = shift
        mask = widths.map { $0 == 0 ? 0 : UInt64.max >> UInt64(UInt64.bitWidth - $0) }
    }

    /// The code of `column` in the row whose key starts at `keys[start]`.
    @inline(__always)
    func code(_ keys: UnsafeBufferPointer<UInt64>, start: Int, column: Int) -> Int {
        Int(truncatingIfNeeded: (keys[start + word[column]] >> shift[column]) & mask[column])
    }

    /// The key (`wordsPerRow` words, appended to `keys`) of a row given its codes.
    func appendKey(codes: (Int) -> Int, to keys: inout [UInt64]) {
        let start = keys.count
        keys.append(contentsOf: repeatElement(0, count: wordsPerRow))
        for j in word.indices { keys[start + word[j]] |= UInt64(codes(j)) << shift[j] }
    }

    /// Keys in this layout of the rows whose keys in `source`'s layout start every
    /// `source.wordsPerRow` words of `keys`, each code replaced by `remap[column][code]`.
    /// An increasing remap keeps sorted keys sorted. A column whose codes and bits stay put is
    /// copied as a bit field; the others are looked up.
    func repacked(_ keys: [UInt64], from source: PackedRowLayout, remap: [[Int]]) -> [UInt64] {
        let rows = keys.count / source.wordsPerRow, w = wordsPerRow, v = source.wordsPerRow
        var kept = [UInt64](repeating: 0, count: w)   // per word, the bits copied as they are
        var moved: [Int] = []
        for j in word.indices {
            let identity = remap[j].indices.allSatisfy { remap[j][$0] == $0 }
            if identity, word[j] == source.word[j], shift[j] == source.shift[j], mask[j] == source.mask[j] {
                kept[word[j]] |= mask[j] << shift[j]
            } else {
                moved.append(j)
            }
        }
        let offsets = remap.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.count) }
        let table = remap.flatMap { $0.map { UInt64(truncatingIfNeeded: $0) } }   // −1 (an unused code) is never looked up
        var result = [UInt64](repeating: 0, count: rows * w)
        keys.withUnsafeBufferPointer { old in
            result.withUnsafeMutableBufferPointer { new in
                table.withUnsafeBufferPointer { table in
                    for row in 0..<rows {
                        for x in 0..<min(w, v) { new[row &* w &+ x] = old[row &* v &+ x] & kept[x] }
                        for j in moved {
                            let code = Int(truncatingIfNeeded: (old[row &* v &+ source.word[j]] &>> source.shift[j]) & source.mask[j])
                            new[row &* w &+ word[j]] |= table[offsets[j] &+ code] &<< shift[j]
                        }
                    }
                }
            }
        }
        return result
    }
}
