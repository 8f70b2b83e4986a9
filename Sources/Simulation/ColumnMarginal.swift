import Foundation
import SurveyData
import SurveyStats

/// One column of a real wave as ``SyntheticLikeWave`` reproduces it: its answered values (ordered
/// categories with their counts, or the sorted numbers), its missing cells by kind (blank and each
/// user-missing code), and its cells coarsened to at most ``Polychoric``'s ten ordered categories
/// for estimating its latent correlations with the other columns.
///
/// Synthetic cells are matched to the margin by rank, not drawn from it: of n synthetic cells,
/// the missing kinds and the answered categories get their real shares by cumulative rounding
/// (``apportion(_:among:)``), which rows are missing is a seeded shuffle (missing completely at
/// random), and the answered rows take the categories (or the empirical quantiles) in the order of
/// their latent normal values. So every share is the real one to within 1/n, and the latent
/// correlations carry over through the ranks (the Gaussian copula with empirical margins).
struct ColumnMarginal {
    enum Values {
        /// Ordered categories as written in the data, with their counts among the answered cells.
        case ordinal(written: [String], counts: [Int])
        /// The answered numbers, ascending, and the most decimals any of them is written with.
        case numeric(sorted: [Double], decimals: Int)
    }

    let name: String
    let values: Values
    /// Blank cells, then each user-missing code (as written) with its count.
    let blankCount: Int
    let missingCodes: [(written: String, count: Int)]
    /// Per real row: the coarsened category (0-based, ascending), `nil` when missing.
    let estimationCategories: [Int?]
    let estimationCategoryCount: Int

    /// The decimals written for a numeric column are capped here (a value like 1/3 in a file).
    static let maximumDecimals = 6

    /// The margin of `column`, or `nil` for a column that the copula does not reproduce (text other
    /// than a flag, an ID). Flags (read as text) are ordered categories of their distinct values.
    init?(_ column: DataColumn, variable: Variable) {
        name = column.name
        blankCount = column.missing.blank
        missingCodes = column.missing.userMissing.map { ($0.code.written, $0.count) }
        let keys: [Double?]
        switch column.values {
        case .likert(let likert):
            values = .ordinal(written: likert.scale.range.map(String.init), counts: likert.counts)
            keys = likert.codes.map { $0 == LikertValues.missing ? nil : Double($0) }
        case .categorical(let categorical):
            values = .ordinal(written: categorical.levels.map(\.value), counts: categorical.counts)
            keys = categorical.codes.map { $0 == CategoricalValues.missing ? nil : Double($0) }
        case .numeric(let numbers):
            let answered = numbers.filter { !$0.isNaN }.sorted()
            values = .numeric(sorted: answered, decimals: answered.map(Self.decimals).max() ?? 0)
            keys = numbers.map { $0.isNaN ? nil : $0 }
        case .text(let texts):
            guard variable.kind == .flag else { return nil }
            let written = Set(texts.filter { !$0.isEmpty }).sorted()
            let index = Dictionary(uniqueKeysWithValues: written.enumerated().map { ($1, $0) })
            var counts = [Int](repeating: 0, count: written.count)
            for text in texts { if let i = index[text] { counts[i] += 1 } }
            values = .ordinal(written: written, counts: counts)
            keys = texts.map { index[$0].map(Double.init) }
        }
        (estimationCategories, estimationCategoryCount) = Self.coarsened(keys)
    }

    /// Decimals of `value` as the reader's shortest form writes it (`2.5` → 1), at most ``maximumDecimals``.
    static func decimals(_ value: Double) -> Int {
        let written = MissingCode.format(value)
        guard let point = written.firstIndex(of: "."), !written.contains("e") else { return written.contains("e") ? maximumDecimals : 0 }
        return min(maximumDecimals, written.distance(from: point, to: written.endIndex) - 1)
    }

    /// Ordered keys (`nil` for missing) as at most ``Polychoric/maxCategories`` ordered categories:
    /// the distinct keys themselves when there are few enough, otherwise each key in the bin of its
    /// mid-rank, ⌊10 · (keys below + ½ · its count)/answered⌋, bins renumbered from 0.
    static func coarsened(_ keys: [Double?]) -> (categories: [Int?], count: Int) {
        var counts: [Double: Int] = [:]
        for key in keys { if let key { counts[key, default: 0] += 1 } }
        let distinct = counts.keys.sorted()
        let binCount = Polychoric.maxCategories
        var bin: [Double: Int] = [:]
        if distinct.count <= binCount {
            for (index, key) in distinct.enumerated() { bin[key] = index }
        } else {
            let answered = Double(keys.count - keys.filter { $0 == nil }.count)
            var below = 0
            for key in distinct {
                let count = counts[key] ?? 0
                bin[key] = min(binCount - 1, Int(Double(binCount) * (Double(below) + Double(count) / 2) / answered))
                below += count
            }
            let used = Set(bin.values).sorted()
            let renumbered = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1, $0) })
            for key in distinct { bin[key] = renumbered[bin[key] ?? 0] }
        }
        return (keys.map { $0.flatMap { bin[$0] } }, Set(bin.values).count)
    }

    /// `counts` (summing to T > 0) scaled to sum to `n` by cumulative rounding: part k ends at
    /// round(n · (c₁ + … + c_k) / T), so each part is within 1 of its exact share and the parts sum to n.
    static func apportion(_ counts: [Int], among n: Int) -> [Int] {
        let total = counts.reduce(0, +)
        guard total > 0 else { return counts.map { _ in 0 } }
        var cumulative = 0, previousEnd = 0
        return counts.map { count in
            cumulative += count
            let end = Int((Double(n) * Double(cumulative) / Double(total)).rounded())
            defer { previousEnd = end }
            return end - previousEnd
        }
    }

    /// The synthetic cells of this column as written, one per entry of `latent` (the row's latent
    /// normal value); which rows are missing is shuffled with `generator`.
    func cells(latent: [Double], generator: inout SplitMix64) -> [String] {
        let n = latent.count
        let answeredCount: Int
        switch values {
        case .ordinal(_, let counts): answeredCount = counts.reduce(0, +)
        case .numeric(let sorted, _): answeredCount = sorted.count
        }
        let parts = Self.apportion([blankCount] + missingCodes.map(\.count) + [answeredCount], among: n)
        var order = Array(0..<n)
        generator.shuffle(&order)
        var cells = [String](repeating: "", count: n)
        var next = parts[0]
        for (code, count) in zip(missingCodes, parts.dropFirst()) {
            for row in order[next..<(next + count)] { cells[row] = code.written }
            next += count
        }
        let answered = order[next...].sorted { latent[$0] != latent[$1] ? latent[$0] < latent[$1] : $0 < $1 }
        switch values {
        case .ordinal(let written, let counts):
            var rank = 0
            for (level, count) in zip(written, Self.apportion(counts, among: answered.count)) {
                for row in answered[rank..<(rank + count)] { cells[row] = level }
                rank += count
            }
        case .numeric(let sorted, let decimals):
            for (rank, row) in answered.enumerated() {
                cells[row] = Self.written(Self.quantile(sorted, at: (Double(rank) + 0.5) / Double(answered.count)), decimals: decimals)
            }
        }
        return cells
    }

    /// The empirical quantile of `sorted` at `q` ∈ (0, 1), interpolated linearly between order
    /// statistics at position q·(k − 1) (Hyndman & Fan 1996, type 7, R's default).
    static func quantile(_ sorted: [Double], at q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let low = Int(position)
        guard low + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[low] + (position - Double(low)) * (sorted[low + 1] - sorted[low])
    }

    /// `value` with `decimals` decimals (`-0` written as `0`).
    static func written(_ value: Double, decimals: Int) -> String {
        let text = String(format: "%.*f", decimals, value)
        return Double(text) == 0 ? String(format: "%.*f", decimals, 0.0) : text
    }
}
