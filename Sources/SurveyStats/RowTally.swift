/// Exact counts of the distinct complete rows of a set of columns: the mergeable summary from which
/// an ordinary least-squares regression — by QR, with HC3 — is recovered exactly
/// (``Regression/fit(_:tally:)``).
///
/// A row is the response followed by each term's raw value (a categorical term's level code), so a
/// survey regression on Likert items and a few factors has few distinct rows however many
/// respondents answer; tallies of the parts of a wave merge by adding counts. Cases with a missing
/// value are counted in `excluded` only.
///
/// Stored compactly: per column the ascending distinct values of the complete cases (its
/// dictionary, −0 stored as +0; a value seen only in excluded cases is not kept), and per distinct
/// row its codes (indices into the dictionaries) packed into one 64-bit key — several when the
/// columns' codes need more than 64 bits (``PackedRowLayout``) — with the keys ascending, which is
/// the lexicographic order of the rows' values (a survey model's row of 9 values takes 8 bytes
/// instead of 72). Two tallies of the same cases are therefore equal and encode identically
/// whatever the order or the chunking of the cases.
public struct RowTally: Sendable, Equatable {
    /// Per column, its dictionary: the ascending distinct values of the complete cases.
    public private(set) var columnValues: [[Double]]
    /// Where each column's code lies in a row's key.
    private(set) var layout: PackedRowLayout
    /// The distinct rows' keys, `layout.wordsPerRow` words per row, ascending (word 0 first).
    private(set) var keys: [UInt64]
    /// `counts[i]` cases have row i; every count is positive.
    public private(set) var counts: [Int]
    /// Cases with a missing value in some column.
    public private(set) var excluded: Int

    /// Values per row (the response and one per term).
    public var columnCount: Int { columnValues.count }
    /// Number of distinct complete rows.
    public var rowCount: Int { counts.count }
    /// Number of complete cases, Σ counts.
    public var caseCount: Int { counts.reduce(0, +) }

    /// The code of row `row` in column `column`: its value is `columnValues[column][code]`.
    public func code(row: Int, column: Int) -> Int {
        precondition(row >= 0 && row < rowCount && column >= 0 && column < columnCount, "row or column out of range")
        return keys.withUnsafeBufferPointer { layout.code($0, start: row * layout.wordsPerRow, column: column) }
    }

    /// A tally from its parts, which must already satisfy the invariants.
    init(columnValues: [[Double]], keys: [UInt64], counts: [Int], excluded: Int) {
        self.columnValues = columnValues
        layout = PackedRowLayout(valueCounts: columnValues.map(\.count))
        self.keys = keys
        self.counts = counts
        self.excluded = excluded
    }

    /// The tally of the cases of coded columns (equal numbers of cases; at least one column).
    ///
    /// One pass over the cases, a block of 2,048 at a time: each column's codes are or-ed into the
    /// block's keys (code order is value order, so key order is row order), then each complete
    /// case's key is counted — directly in a table indexed by the key when rows have at most 16
    /// bits (a few predictors with few values: the rows come out in order), otherwise by keeping
    /// the keys, sorting them by ``RadixSort`` (a pass per ≤ 9 bits that vary) and counting equal
    /// neighbours. No hashing and no allocation per case; O(n·columns). Dictionary values that no
    /// complete case uses are then dropped (an increasing renumbering, which keeps the keys sorted
    /// and distinct), so that equal case sets give equal tallies whatever dictionaries the columns
    /// came with.
    public init(codedColumns columns: [CodedColumn]) {
        precondition(!columns.isEmpty, "a row tally needs at least one column")
        let n = columns[0].codes.count
        precondition(columns.allSatisfy { $0.codes.count == n }, "every column needs one code per case")
        for column in columns {
            precondition(column.values.allSatisfy(\.isFinite), "dictionary values must be finite")
            precondition(zip(column.values, column.values.dropFirst()).allSatisfy { $0 < $1 },
                         "dictionary values must be ascending and distinct")
        }
        let full = PackedRowLayout(valueCounts: columns.map(\.values.count))
        let width = full.wordsPerRow

        // Pack the complete cases' keys, a block of cases at a time (the block's keys stay in cache),
        // and count them directly or keep them.
        let direct = width == 1 && full.bitsPerRow <= 16
        var histogram = [Int](repeating: 0, count: direct ? 1 << full.bitsPerRow : 0)
        var keys = [UInt64](repeating: 0, count: direct ? 0 : n * width)
        var complete = 0
        let block = 2048
        var blockKeys = [UInt64](repeating: 0, count: block * width)
        var signs = [UInt32](repeating: 0, count: block)   // bit 31 set: a missing code (−1)
        keys.withUnsafeMutableBufferPointer { keys in
            histogram.withUnsafeMutableBufferPointer { histogram in
                blockKeys.withUnsafeMutableBufferPointer { k in
                    signs.withUnsafeMutableBufferPointer { signs in
                        for start in stride(from: 0, to: n, by: block) {
                            let size = min(block, n - start)
                            for i in 0..<(size * width) { k[i] = 0 }
                            for i in 0..<size { signs[i] = 0 }
                            for (j, column) in columns.enumerated() {
                                let word = full.word[j], shift = full.shift[j]
                                var largest: UInt32 = 0   // of code + 1: in 0...limit iff the code is in −1..<limit
                                column.codes.withUnsafeBufferPointer { codes in
                                    for i in 0..<size {
                                        let code = codes[start &+ i]
                                        k[i &* width &+ word] |= UInt64(truncatingIfNeeded: code) &<< shift
                                        signs[i] |= UInt32(bitPattern: code)
                                        largest = max(largest, UInt32(bitPattern: code &+ 1))
                                    }
                                }
                                precondition(largest <= column.values.count, "a code outside -1..<\(column.values.count) in column \(j)")
                            }
                            for i in 0..<size where signs[i] >> 31 == 0 {
                                if direct {
                                    histogram[Int(truncatingIfNeeded: k[i])] &+= 1
                                } else {
                                    for w in 0..<width { keys[complete &* width &+ w] = k[i &* width &+ w] }
                                }
                                complete &+= 1
                            }
                        }
                    }
                }
            }
        }
        var counts: [Int] = []
        if direct {
            for (key, count) in histogram.enumerated() where count > 0 {
                keys.append(UInt64(key))
                counts.append(count)
            }
        } else {
            keys.removeLast((n - complete) * width)
            RadixSort.sort(&keys, width: width)

            // Count equal neighbours, keeping the first of each run.
            counts = [Int](repeating: 0, count: complete)
            var rows = 0
            keys.withUnsafeMutableBufferPointer { k in
                var i = 0
                while i < complete {
                    var j = i + 1
                    next: while j < complete {
                        for w in 0..<width where k[j &* width &+ w] != k[i &* width &+ w] { break next }
                        j += 1
                    }
                    for w in 0..<width { k[rows &* width &+ w] = k[i &* width &+ w] }
                    counts[rows] = j - i
                    rows += 1
                    i = j
                }
            }
            keys.removeLast((complete - rows) * width)
            counts.removeLast(complete - rows)
        }
        let rows = counts.count

        // Drop the values no complete case uses.
        let offsets = columns.reduce(into: [0]) { $0.append($0[$0.count - 1] + $1.values.count) }
        var used = [Bool](repeating: false, count: offsets[columns.count])
        keys.withUnsafeBufferPointer { k in
            used.withUnsafeMutableBufferPointer { used in
                for j in columns.indices {
                    let word = full.word[j], shift = full.shift[j], mask = full.mask[j], offset = offsets[j]
                    for row in 0..<rows { used[offset &+ Int(truncatingIfNeeded: (k[row &* width &+ word] &>> shift) & mask)] = true }
                }
            }
        }
        let values = columns.indices.map { j in
            columns[j].values.indices.filter { used[offsets[j] + $0] }.map { columns[j].values[$0] + 0 }   // −0 → +0
        }
        if values.map(\.count) != columns.map(\.values.count) {
            let remap = columns.indices.map { j in
                var next = 0
                return (offsets[j]..<offsets[j + 1]).map { u -> Int in defer { if used[u] { next += 1 } }; return used[u] ? next : -1 }
            }
            keys = PackedRowLayout(valueCounts: values.map(\.count)).repacked(keys, from: full, remap: remap)
        }
        self.init(columnValues: values, keys: keys, counts: counts, excluded: n - complete)
    }

    /// The tally of the rows of `columns` (equal lengths; `Double.nan` = missing, other values
    /// finite): each column dictionary-encoded (``CodedColumn/init(_:)``), then tallied.
    public init(columns: [[Double]]) {
        self.init(codedColumns: columns.map(CodedColumn.init))
    }

    /// Adds the cases of `other`, a tally of the same columns.
    ///
    /// The dictionaries are merged; each side's codes are mapped to the merged dictionaries — an
    /// increasing map, so its keys stay sorted (skipped for a side whose dictionaries are already
    /// the merged ones) — and the two sorted key lists are merged, adding the counts of equal rows.
    /// O(distinct rows of both).
    public mutating func merge(_ other: RowTally) {
        precondition(other.columnCount == columnCount, "tallies of different columns")
        var merged: [[Double]] = [], mine: [[Int]] = [], theirs: [[Int]] = []
        for (a, b) in zip(columnValues, other.columnValues) {
            let (union, fromA, fromB) = Self.union(a, b)
            merged.append(union); mine.append(fromA); theirs.append(fromB)
        }
        let layout = PackedRowLayout(valueCounts: merged.map(\.count))
        let a = merged == columnValues ? keys : layout.repacked(keys, from: self.layout, remap: mine)
        let b = merged == other.columnValues ? other.keys : layout.repacked(other.keys, from: other.layout, remap: theirs)
        let (mergedKeys, mergedCounts) = Self.mergeSorted(a, counts, b, other.counts, width: layout.wordsPerRow)
        self = RowTally(columnValues: merged, keys: mergedKeys, counts: mergedCounts, excluded: excluded + other.excluded)
    }

    /// The union of two ascending lists of distinct keys (`width` words each) with their counts,
    /// the counts of a key in both added. While both lists last, the next key is chosen without a
    /// branch (which list it comes from is unpredictable); the arrays are written once, without
    /// zero-filling.
    private static func mergeSorted(_ a: [UInt64], _ countsA: [Int], _ b: [UInt64], _ countsB: [Int],
                                    width w: Int) -> (keys: [UInt64], counts: [Int]) {
        let m = countsA.count, n = countsB.count
        var rows = 0
        var keys: [UInt64] = []
        let counts = [Int](unsafeUninitializedCapacity: m + n) { counts, countsWritten in
            keys = [UInt64](unsafeUninitializedCapacity: (m + n) * w) { keys, keysWritten in
                a.withUnsafeBufferPointer { a in
                    b.withUnsafeBufferPointer { b in
                        countsA.withUnsafeBufferPointer { countsA in
                            countsB.withUnsafeBufferPointer { countsB in
                                var i = 0, j = 0
                                while i < m && j < n {
                                    var order = 0   // −1: a's key first, 1: b's, 0: the same key
                                    for word in 0..<w where order == 0 {
                                        let x = a[i &* w &+ word], y = b[j &* w &+ word]
                                        order = (x > y ? 1 : 0) - (x < y ? 1 : 0)
                                    }
                                    let fromA = order <= 0, fromB = order >= 0
                                    let source = fromA ? a.baseAddress! + i &* w : b.baseAddress! + j &* w
                                    for word in 0..<w { keys[rows &* w &+ word] = source[word] }
                                    counts[rows] = (fromA ? countsA[i] : 0) &+ (fromB ? countsB[j] : 0)
                                    i &+= fromA ? 1 : 0
                                    j &+= fromB ? 1 : 0
                                    rows &+= 1
                                }
                                for (rest, restCounts, from) in [(a, countsA, i), (b, countsB, j)] {
                                    for r in from..<restCounts.count {
                                        for word in 0..<w { keys[rows &* w &+ word] = rest[r &* w &+ word] }
                                        counts[rows] = restCounts[r]
                                        rows &+= 1
                                    }
                                }
                            }
                        }
                    }
                }
                keysWritten = rows * w
            }
            countsWritten = rows
        }
        return (keys, counts)
    }

    /// The tally of the cases of both.
    public static func + (lhs: RowTally, rhs: RowTally) -> RowTally {
        var sum = lhs
        sum.merge(rhs)
        return sum
    }

    /// The ascending union of two ascending lists and each list's positions in it.
    private static func union(_ a: [Double], _ b: [Double]) -> (union: [Double], fromA: [Int], fromB: [Int]) {
        var union: [Double] = [], fromA: [Int] = [], fromB: [Int] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                fromA.append(union.count); union.append(a[i]); i += 1
            } else if i == a.count || b[j] < a[i] {
                fromB.append(union.count); union.append(b[j]); j += 1
            } else {
                fromA.append(union.count); fromB.append(union.count); union.append(a[i]); i += 1; j += 1
            }
        }
        return (union, fromA, fromB)
    }
}
