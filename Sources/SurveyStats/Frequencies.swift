/// Frequency tables: counts, percentages of all rows and of valid rows, cumulative valid
/// percentages, missing rows by kind, and the top-2-box share of a Likert item.
///
///     percent_j            = 100·count_j / N            (N = valid + all missing rows)
///     valid_percent_j      = 100·count_j / n            (n = valid rows)
///     cumulative_percent_j = 100·(count_1 + … + count_j) / n
///     top-2-box            = 100·(count_{k−1} + count_k) / n   (k levels in ascending order)
///
/// as SPSS FREQUENCIES prints them (Valid Percent, Cumulative Percent). Two entry points: counts
/// already tallied (e.g. from one-byte Likert codes) and values counted here. Tests: R 4.2.2
/// `table()`, `prop.table()`, `cumsum()` on `Fixtures/descriptives/likert.csv`.
public enum Frequencies {
    /// A declared level or user-missing code of a numeric-coded variable, for ``table(name:kind:values:levels:userMissing:)``.
    public struct Code: Sendable, Equatable {
        public var value: Double
        public var label: String

        public init(value: Double, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// A level with its label, for ``table(name:kind:levels:counts:systemMissing:userMissing:)``.
    public struct Level: Sendable, Equatable {
        /// The value as coded in the data.
        public var value: String
        public var label: String

        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    /// A user-missing code, its label and how many rows hold it.
    public struct MissingCount: Sendable, Equatable {
        public var code: String
        public var label: String
        public var count: Int

        public init(code: String, label: String, count: Int) {
            self.code = code
            self.label = label
            self.count = count
        }
    }

    /// The table from counts already tallied: `counts[j]` rows answered `levels[j]` (levels in their
    /// declared order, lowest first for Likert), `systemMissing` rows are blank, and each
    /// `userMissing` entry gives a user-missing code with its count. Every level and every
    /// user-missing code gets a row; the system-missing row appears when its count is above zero.
    public static func table(name: String, kind: FrequencyTableResult.Kind, levels: [Level], counts: [Int],
                             systemMissing: Int = 0, userMissing: [MissingCount] = []) throws -> FrequencyTableResult {
        guard levels.count == counts.count else {
            throw FrequencyError.countMismatch(variable: name, levels: levels.count, counts: counts.count)
        }
        if let bad = (counts + [systemMissing] + userMissing.map(\.count)).first(where: { $0 < 0 }) {
            throw FrequencyError.negativeCount(variable: name, count: bad)
        }
        let valid = counts.reduce(0, +)
        let missingCount = systemMissing + userMissing.reduce(0) { $0 + $1.count }
        let total = valid + missingCount
        func share(_ count: Int, of whole: Int) -> Double? {
            whole > 0 ? 100 * Double(count) / Double(whole) : nil
        }
        var cumulative = 0
        let rows = zip(levels, counts).map { level, count -> FrequencyTableResult.LevelRow in
            cumulative += count
            return FrequencyTableResult.LevelRow(
                value: level.value, label: level.label, count: count,
                percent: share(count, of: total), validPercent: share(count, of: valid),
                cumulativePercent: share(cumulative, of: valid))
        }
        var missingRows = userMissing.map {
            FrequencyTableResult.MissingRow(code: $0.code, label: $0.label, count: $0.count,
                                            percent: share($0.count, of: total))
        }
        if systemMissing > 0 {
            missingRows.append(FrequencyTableResult.MissingRow(
                code: nil, label: "System missing", count: systemMissing, percent: share(systemMissing, of: total)))
        }
        let topTwoBox = kind == .likert && counts.count >= 2
            ? share(counts[counts.count - 1] + counts[counts.count - 2], of: valid) : nil
        return FrequencyTableResult(name: name, kind: kind, total: total, n: valid, levels: rows,
                                    missing: missingRows, topTwoBox: topTwoBox)
    }

    /// The table from raw values: `Double.nan` is system-missing, a value equal to a `userMissing`
    /// code counts as that code, any other value must be one of `levels`.
    /// - Throws: ``FrequencyError/undeclaredValue(variable:value:row:)`` for the first value that is
    ///   neither a level nor a missing code (`row` is zero-based).
    public static func table(name: String, kind: FrequencyTableResult.Kind, values: [Double], levels: [Code],
                             userMissing: [Code] = []) throws -> FrequencyTableResult {
        var index = [Double: Int]()
        for (position, level) in levels.enumerated() { index[level.value] = position }
        var missingIndex = [Double: Int]()
        for (position, code) in userMissing.enumerated() { missingIndex[code.value] = position }
        var counts = [Int](repeating: 0, count: levels.count)
        var missingCounts = [Int](repeating: 0, count: userMissing.count)
        var blank = 0
        for (row, x) in values.enumerated() {
            if x.isNaN {
                blank += 1
            } else if let j = index[x] {
                counts[j] += 1
            } else if let j = missingIndex[x] {
                missingCounts[j] += 1
            } else {
                throw FrequencyError.undeclaredValue(variable: name, value: x, row: row)
            }
        }
        return try table(
            name: name, kind: kind,
            levels: levels.map { Level(value: display($0.value), label: $0.label) }, counts: counts,
            systemMissing: blank,
            userMissing: zip(userMissing, missingCounts).map {
                MissingCount(code: display($0.value), label: $0.label, count: $1)
            })
    }

    /// A code as written in data: `4` rather than `4.0`.
    private static func display(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
