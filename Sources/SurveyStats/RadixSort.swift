/// Radix sort of keys of one or more 64-bit words (Knuth, *TAOCP* vol. 3, §5.2.5): the order of a
/// ``RowTally``'s packed rows.
///
/// A key is `width` consecutive words; keys compare word by word as unsigned integers, word 0
/// first. Only the bits that vary between keys are sorted on (an OR and an AND over the keys find
/// them; a packed row of 25 bits is sorted on ≤ 25 bits, not 64), in digits of at most 9 bits. A large input is first split by its most significant digit (one counting and one
/// scatter pass), then each part — small enough to stay in cache — is sorted on the remaining
/// digits from the least significant up, every pass a stable counting sort. Stable overall;
/// O(n·width) per digit, no comparison, no allocation per key.
enum RadixSort {
    /// A digit: `bits` bits of key word `word` from bit `shift`.
    private struct Digit { let word: Int; let shift: Int; let bits: Int }

    static func sort(_ keys: inout [UInt64], width: Int) {
        precondition(width >= 1, "keys of at least one word")
        let n = keys.count / width
        guard n > 1 else { return }
        // The varying bits of each key word, cut into digits, least significant first.
        var digits: [Digit] = []
        keys.withUnsafeBufferPointer { r in
            for word in stride(from: width - 1, through: 0, by: -1) {
                var or: UInt64 = 0, and = UInt64.max
                for i in 0..<n { or |= r[i * width + word]; and &= r[i * width + word] }
                let varying = or ^ and
                guard varying != 0 else { continue }
                let low = varying.trailingZeroBitCount, high = UInt64.bitWidth - varying.leadingZeroBitCount
                let count = (high - low + 8) / 9
                var shift = low
                for d in 0..<count {
                    let bits = (high - shift) / (count - d)
                    digits.append(Digit(word: word, shift: shift, bits: bits))
                    shift += bits
                }
            }
        }
        guard !digits.isEmpty else { return }
        var spare = [UInt64](repeating: 0, count: keys.count)
        var histogram = [Int](repeating: 0, count: 1 << 9)
        keys.withUnsafeMutableBufferPointer { r in
            spare.withUnsafeMutableBufferPointer { s in
                histogram.withUnsafeMutableBufferPointer { h in
                    if n < 1 << 14 || digits.count == 1 {
                        if leastSignificantFirst(r, s, 0..<n, width, digits[...], h) { copy(s, to: r, 0..<n, width) }
                        return
                    }
                    // Split by the most significant digit into s, then sort each part back into r.
                    let top = digits[digits.count - 1]
                    countingPass(r, s, 0..<n, width, top, h)
                    var starts = [Int](repeating: 0, count: (1 << top.bits) + 1)
                    for d in 0..<(1 << top.bits) { starts[d + 1] = h[d] }   // after the pass: each part's end
                    for d in 0..<(1 << top.bits) where starts[d + 1] > starts[d] {
                        let part = starts[d]..<starts[d + 1]
                        if !leastSignificantFirst(s, r, part, width, digits.dropLast(), h) { copy(s, to: r, part, width) }
                    }
                }
            }
        }
    }

    /// Sorts keys `range` of `a` on `digits` from the first (least significant), ping-ponging
    /// with the same range of `b`; true if the result ended in `b`.
    private static func leastSignificantFirst(_ a: UnsafeMutableBufferPointer<UInt64>, _ b: UnsafeMutableBufferPointer<UInt64>,
                                              _ range: Range<Int>, _ width: Int, _ digits: ArraySlice<Digit>,
                                              _ histogram: UnsafeMutableBufferPointer<Int>) -> Bool {
        var inB = false
        for digit in digits {
            if inB { countingPass(b, a, range, width, digit, histogram) } else { countingPass(a, b, range, width, digit, histogram) }
            inB.toggle()
        }
        return inB
    }

    /// Stable counting sort of keys `range` of `source` into the same range of `target` on one
    /// digit; leaves in `histogram[d]` the end (absolute index) of digit d's keys.
    @inline(__always)
    private static func countingPass(_ source: UnsafeMutableBufferPointer<UInt64>, _ target: UnsafeMutableBufferPointer<UInt64>,
                                     _ range: Range<Int>, _ width: Int, _ digit: Digit,
                                     _ histogram: UnsafeMutableBufferPointer<Int>) {
        let buckets = 1 << digit.bits, mask = UInt64(buckets - 1), shift = UInt64(digit.shift), word = digit.word
        for d in 0..<buckets { histogram[d] = 0 }
        for i in range { histogram[Int(truncatingIfNeeded: (source[i &* width &+ word] &>> shift) & mask)] &+= 1 }
        var total = range.lowerBound
        for d in 0..<buckets { let c = histogram[d]; histogram[d] = total; total &+= c }
        if width == 1 {
            for i in range {
                let x = source[i]
                let d = Int(truncatingIfNeeded: (x &>> shift) & mask)
                target[histogram[d]] = x
                histogram[d] &+= 1
            }
        } else {
            for i in range {
                let d = Int(truncatingIfNeeded: (source[i &* width &+ word] &>> shift) & mask)
                let to = histogram[d] &* width, from = i &* width
                for w in 0..<width { target[to &+ w] = source[from &+ w] }
                histogram[d] &+= 1
            }
        }
    }

    private static func copy(_ source: UnsafeMutableBufferPointer<UInt64>, to target: UnsafeMutableBufferPointer<UInt64>,
                             _ range: Range<Int>, _ width: Int) {
        for i in (range.lowerBound * width)..<(range.upperBound * width) { target[i] = source[i] }
    }
}
