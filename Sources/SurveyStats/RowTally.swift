/// Exact counts of the distinct complete rows of a set of columns: the mergeable summary from which
/// an ordinary least-squares regression — by QR, with HC3 — is recovered exactly
/// (``Regression/fit(_:tally:)``).
///
/// A row is the response followed by each term's raw value (a categorical term's level code), so a
/// survey regression on Likert items and a few factors has few distinct rows however many
/// respondents answer; tallies of the parts of a wave merge by adding counts. Rows with a missing
/// value (NaN) are counted in `excluded` only. The distinct rows are kept in ascending
/// lexicographic order (−0 stored as +0), so two tallies of the same cases are equal and encode
/// identically whatever the order or chunking of the cases.
public struct RowTally: Sendable, Equatable, Codable {
    /// Values per row (p: the response and one per term).
    public let columnCount: Int
    /// The distinct complete rows, row-major (`rowCount × columnCount`), lexicographically ascending.
    public private(set) var values: [Double]
    /// `counts[i]` cases have row i; every count is positive.
    public private(set) var counts: [Int]
    /// Cases with a missing value in some column.
    public private(set) var excluded: Int

    private enum CodingKeys: String, CodingKey { case columnCount = "columns", values, counts, excluded }

    /// The tally of no cases.
    public init(columnCount: Int) {
        precondition(columnCount >= 1, "a row tally needs at least one column")
        self.columnCount = columnCount
        values = []
        counts = []
        excluded = 0
    }

    /// The tally of the rows of `columns` (equal lengths; `Double.nan` = missing).
    ///
    /// One pass over the cases with an open-addressing hash table (linear probing, load ≤ ½) keyed
    /// on the rows' bit patterns, comparing a case with the stored distinct rows in place (no
    /// per-case allocation), then one sort of the distinct rows.
    public init(columns: [[Double]]) {
        self.init(columnCount: columns.count)
        let n = columns[0].count
        precondition(columns.allSatisfy { $0.count == n }, "every column needs one value per case")
        let p = columnCount
        var distinct: [Double] = []
        var tallies: [Int] = []
        var table = [Int](repeating: -1, count: 64)
        var mask = table.count - 1
        func slot(_ hash: UInt64, matching row: (Int) -> Double) -> Int {
            var s = Int(truncatingIfNeeded: hash) & mask
            while table[s] >= 0 {
                let base = table[s] * p
                var equal = true
                for j in 0..<p where distinct[base + j] != row(j) { equal = false; break }
                if equal { return s }
                s = (s + 1) & mask
            }
            return s
        }
        for i in 0..<n {
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15
            var complete = true
            for j in 0..<p {
                let v = columns[j][i]
                if v.isNaN { complete = false; break }
                hash = Self.mix(hash ^ (v == 0 ? 0 : v.bitPattern))
            }
            guard complete else { excluded += 1; continue }
            let s = slot(hash) { columns[$0][i] == 0 ? 0 : columns[$0][i] }
            if table[s] >= 0 { tallies[table[s]] += 1; continue }
            table[s] = tallies.count
            for j in 0..<p { let v = columns[j][i]; distinct.append(v == 0 ? 0 : v) }
            tallies.append(1)
            if 2 * tallies.count > table.count {   // grow and rehash
                table = [Int](repeating: -1, count: table.count * 2)
                mask = table.count - 1
                for r in tallies.indices {
                    var h: UInt64 = 0x9E37_79B9_7F4A_7C15
                    for j in 0..<p { h = Self.mix(h ^ distinct[r * p + j].bitPattern) }
                    var t = Int(truncatingIfNeeded: h) & mask
                    while table[t] >= 0 { t = (t + 1) & mask }
                    table[t] = r
                }
            }
        }
        let order = tallies.indices.sorted { Self.precedes(distinct, $0, distinct, $1, p) }
        values.reserveCapacity(distinct.count)
        for r in order { values.append(contentsOf: distinct[(r * p)..<(r * p + p)]) }
        counts = order.map { tallies[$0] }
    }

    /// Number of distinct complete rows.
    public var rowCount: Int { counts.count }
    /// Number of complete cases, Σ counts.
    public var caseCount: Int { counts.reduce(0, +) }

    /// Column `j` of the distinct rows.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columnCount, "column outside 0..<columnCount")
        return (0..<rowCount).map { values[$0 * columnCount + j] }
    }

    /// Adds the cases of `other` (a merge of sorted row lists, O(distinct rows)).
    public mutating func merge(_ other: RowTally) {
        precondition(other.columnCount == columnCount, "tallies of different columns")
        let p = columnCount
        var mergedValues: [Double] = [], mergedCounts: [Int] = []
        mergedValues.reserveCapacity(values.count + other.values.count)
        var i = 0, j = 0
        while i < rowCount || j < other.rowCount {
            if j == other.rowCount || (i < rowCount && Self.precedes(values, i, other.values, j, p)) {
                mergedValues.append(contentsOf: values[(i * p)..<(i * p + p)]); mergedCounts.append(counts[i]); i += 1
            } else if i == rowCount || Self.precedes(other.values, j, values, i, p) {
                mergedValues.append(contentsOf: other.values[(j * p)..<(j * p + p)]); mergedCounts.append(other.counts[j]); j += 1
            } else {
                mergedValues.append(contentsOf: values[(i * p)..<(i * p + p)]); mergedCounts.append(counts[i] + other.counts[j])
                i += 1; j += 1
            }
        }
        values = mergedValues
        counts = mergedCounts
        excluded += other.excluded
    }

    /// The tally of the cases of both.
    public static func + (lhs: RowTally, rhs: RowTally) -> RowTally {
        var sum = lhs
        sum.merge(rhs)
        return sum
    }

    /// Whether row `a` of `x` sorts before row `b` of `y` (lexicographic on the values).
    private static func precedes(_ x: [Double], _ a: Int, _ y: [Double], _ b: Int, _ p: Int) -> Bool {
        for j in 0..<p where x[a * p + j] != y[b * p + j] { return x[a * p + j] < y[b * p + j] }
        return false
    }

    /// A 64-bit mixing step (the finalizer of SplitMix64; Steele, Lea & Flood 2014, "Fast
    /// splittable pseudorandom number generators", OOPSLA).
    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension RowTally {
    /// The tally of a model's cases: the response, then each term's values (a categorical term's
    /// level code; code −1 is missing). The model must have one case per row (`caseCounts` nil).
    /// - Throws: ``RegressionError/lengthMismatch(term:expected:actual:)``.
    public init(_ model: LinearModel) throws {
        precondition(model.caseCounts == nil, "tally a model of single cases")
        let n = model.response.count
        var columns = [model.response]
        for term in model.terms {
            switch term {
            case let .numeric(name, values):
                guard values.count == n else { throw RegressionError.lengthMismatch(term: name, expected: n, actual: values.count) }
                columns.append(values)
            case let .categorical(name, codes, _, _):
                guard codes.count == n else { throw RegressionError.lengthMismatch(term: name, expected: n, actual: codes.count) }
                columns.append(codes.map { $0 == -1 ? .nan : Double($0) })
            }
        }
        self.init(columns: columns)
    }
}
