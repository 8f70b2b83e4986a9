/// Exact counts of the distinct values of a variable and of its missing cases: the mergeable
/// summary from which every order- and moment-based univariate statistic is recovered exactly.
///
/// Survey answers take few distinct values (a 5-point item five, a mean of three such items
/// thirteen), so a tally is tiny however many respondents there are, and two tallies of parts of
/// a wave merge by adding counts. Medians, ranks and frequencies are read from the counts;
/// moments are the corrected two-pass sums over the distinct values (``Moments/init(values:counts:)``).
public struct ValueTally: Sendable, Equatable, Codable {
    /// The distinct valid values, ascending.
    public private(set) var values: [Double]
    /// `counts[j]` cases have the value `values[j]`; every count is positive.
    public private(set) var counts: [Int]
    /// Cases without a valid value.
    public private(set) var missing: Int

    private enum CodingKeys: String, CodingKey { case values, counts, missing }

    /// The tally of no cases.
    public init() {
        values = []
        counts = []
        missing = 0
    }

    /// The tally of `values`; `Double.nan` counts as missing. The distinct values are counted in an
    /// open-addressing hash table keyed by their bit patterns (−0 counted as +0), then sorted: O(n)
    /// for the few distinct values of survey answers, where sorting every value would be O(n log n).
    public init<C: Collection>(_ values: C) where C.Element == Double {
        self.init()
        var keys = [UInt64](repeating: 0, count: 64)
        var slotCounts = [Int](repeating: 0, count: 64)
        var distinct = 0
        func insert(_ key: UInt64, _ count: Int, keys: inout [UInt64], counts: inout [Int]) {
            let mask = keys.count - 1
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
            while counts[slot] > 0 && keys[slot] != key { slot = (slot + 1) & mask }
            if counts[slot] == 0 { keys[slot] = key; distinct += 1 }
            counts[slot] += count
        }
        for value in values {
            if value.isNaN { missing += 1; continue }
            insert((value + 0).bitPattern, 1, keys: &keys, counts: &slotCounts)
            if distinct * 2 > keys.count {  // keep the table at most half full
                let (oldKeys, oldCounts) = (keys, slotCounts)
                keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
                slotCounts = [Int](repeating: 0, count: oldKeys.count * 2)
                distinct = 0
                for (key, count) in zip(oldKeys, oldCounts) where count > 0 { insert(key, count, keys: &keys, counts: &slotCounts) }
            }
        }
        for (key, count) in zip(keys, slotCounts).filter({ $0.1 > 0 }).sorted(by: { Double(bitPattern: $0.0) < Double(bitPattern: $1.0) }) {
            self.values.append(Double(bitPattern: key))
            counts.append(count)
        }
    }

    /// The tally of `counts[j]` cases equal to `values[j]` (any order; repeated values are added,
    /// zero counts and NaN values dropped) and `missing` cases without a value.
    public init(values: [Double], counts: [Int], missing: Int = 0) {
        precondition(values.count == counts.count, "one count per value")
        precondition(counts.allSatisfy { $0 >= 0 } && missing >= 0, "counts cannot be negative")
        self.init()
        self.missing = missing
        for (value, count) in zip(values, counts).filter({ !$0.0.isNaN && $0.1 > 0 }).sorted(by: { $0.0 < $1.0 }) {
            if self.values.last == value { self.counts[self.counts.count - 1] += count }
            else { self.values.append(value); self.counts.append(count) }
        }
    }

    /// Decodes a tally and checks its invariants, so that no tally read from a file can break the
    /// statistics computed from it: one count per value, values finite, ascending and distinct,
    /// counts positive, `missing` 0 or more, and all cases together within `Int`'s range.
    /// - Throws: `DecodingError.dataCorrupted` at the offending key, saying what was expected.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        values = try container.decode([Double].self, forKey: .values)
        counts = try container.decode([Int].self, forKey: .counts)
        missing = try container.decode(Int.self, forKey: .missing)
        func invalid(_ key: CodingKeys, _ reason: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: container, debugDescription: reason)
        }
        guard counts.count == values.count else {
            throw invalid(.counts, "expected one count per value (\(values.count)), found \(counts.count)")
        }
        if let bad = values.first(where: { !$0.isFinite }) { throw invalid(.values, "expected finite values, found \(bad)") }
        if let i = values.indices.dropFirst().first(where: { !(values[$0 - 1] < values[$0]) }) {
            throw invalid(.values, "expected ascending distinct values, found \(values[i]) after \(values[i - 1])")
        }
        if let bad = counts.first(where: { $0 <= 0 }) { throw invalid(.counts, "expected positive counts, found \(bad)") }
        guard missing >= 0 else { throw invalid(.missing, "expected 0 or more missing cases, found \(missing)") }
        guard (counts + [missing]).checkedSum() != nil else {
            throw invalid(.counts, "expected at most \(Int.max) cases in all, found more")
        }
    }

    /// Number of valid cases.
    public var count: Int { counts.reduce(0, +) }

    /// Adds the cases of `other` (a merge of sorted lists, O(distinct values)).
    public mutating func merge(_ other: ValueTally) {
        var mergedValues: [Double] = [], mergedCounts: [Int] = []
        mergedValues.reserveCapacity(values.count + other.values.count)
        mergedCounts.reserveCapacity(values.count + other.values.count)
        var i = 0, j = 0
        while i < values.count || j < other.values.count {
            if j == other.values.count || (i < values.count && values[i] < other.values[j]) {
                mergedValues.append(values[i]); mergedCounts.append(counts[i]); i += 1
            } else if i == values.count || other.values[j] < values[i] {
                mergedValues.append(other.values[j]); mergedCounts.append(other.counts[j]); j += 1
            } else {
                mergedValues.append(values[i]); mergedCounts.append(counts[i] + other.counts[j]); i += 1; j += 1
            }
        }
        values = mergedValues
        counts = mergedCounts
        missing += other.missing
    }

    /// The tally of the cases of both.
    public static func + (lhs: ValueTally, rhs: ValueTally) -> ValueTally {
        var sum = lhs
        sum.merge(rhs)
        return sum
    }

    /// Count, mean and central sums of powers of the valid cases.
    public var moments: Moments { Moments(values: values, counts: counts) }

    /// The valid value at zero-based position `rank` in ascending order.
    public func orderStatistic(_ rank: Int) -> Double {
        precondition(rank >= 0 && rank < count, "rank outside 0..<count")
        var seen = 0
        for (value, count) in zip(values, counts) {
            seen += count
            if rank < seen { return value }
        }
        return values[values.count - 1]
    }

    /// The middle valid value, or the mean of the two middle ones (R `median`, SPSS); `nil` without
    /// valid cases.
    public var median: Double? {
        let n = count
        guard n > 0 else { return nil }
        if n % 2 == 1 { return orderStatistic(n / 2) }
        let (lower, upper) = (orderStatistic(n / 2 - 1), orderStatistic(n / 2))
        return lower + (upper - lower) / 2
    }
}
