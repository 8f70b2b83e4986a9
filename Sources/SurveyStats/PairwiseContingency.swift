/// The cross-tabulations of every pair of p ordinal items over their complete cases (listwise
/// deletion): the mergeable summary that polychoric correlations (``Polychoric``) are estimated
/// from. Counts add, so summaries of parts of a file merge by ``merge(_:)`` into the summary of the
/// whole, exactly. In a summary file it is checked as it is decoded (``init(from:)``).
///
/// Each item has its response categories (``levels``, ascending codes, e.g. 1…5); a category that
/// no one chose has a zero margin, which the estimator allows.
public struct PairwiseContingency: Sendable, Equatable {
    /// The category codes of each item, ascending.
    public let levels: [[Double]]
    /// Complete cases: rows where every item holds a value.
    public internal(set) var count: Int
    /// Rows excluded (listwise) because at least one item was missing.
    public internal(set) var excluded: Int
    /// Per item, the count of each category over the complete cases.
    public internal(set) var margins: [[Int]]
    /// Per pair i < j (in the order (0,1), (0,2), …, (1,2), …), the levels[i].count × levels[j].count
    /// table of counts, row-major.
    public internal(set) var tables: [[Int]]

    public var itemCount: Int { levels.count }

    /// The summary of no rows of items with the given categories.
    public init(levels: [[Double]]) {
        self.levels = levels
        count = 0
        excluded = 0
        margins = levels.map { [Int](repeating: 0, count: $0.count) }
        var tables: [[Int]] = []
        for i in levels.indices {
            for j in levels.indices where j > i { tables.append([Int](repeating: 0, count: levels[i].count * levels[j].count)) }
        }
        self.tables = tables
    }

    /// The summary of `columns` (one per item, of one length, `Double.nan` for missing), each item's
    /// categories being the distinct values of its complete cases, in O(n·p²) time.
    /// - Throws: ``PolychoricError/tooManyCategories(item:count:)`` for an item with more than
    ///   ``Polychoric/maxCategories`` distinct values (not an ordinal item).
    public init(columns: [[Double]], names: [String]) throws {
        let rowCount = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rowCount } && names.count == columns.count, "one name per column, columns of one length")
        let complete = (0..<rowCount).filter { r in columns.allSatisfy { !$0[r].isNaN } }
        let levels = try zip(columns, names).map { column, name -> [Double] in
            let distinct = Set(complete.map { column[$0] }).sorted()
            guard distinct.count <= Polychoric.maxCategories else {
                throw PolychoricError.tooManyCategories(item: name, count: distinct.count)
            }
            return distinct
        }
        self.init(levels: levels)
        let codes = zip(columns, levels).map { column, levels in
            complete.map { r in levels.firstIndex(of: column[r]) ?? 0 }
        }
        for row in complete.indices { add(codes.map { $0[row] }) }
        excluded = rowCount - complete.count
    }

    /// The summary of rows given per item as category indices into `levels` (`nil` for missing), in
    /// O(n·p²) time: complete rows counted, the others as incomplete.
    public init(levels: [[Double]], categories: [[Int?]]) {
        precondition(categories.count == levels.count && zip(categories, levels).allSatisfy { column, levels in
            column.allSatisfy { $0.map { levels.indices.contains($0) } ?? true }
        }, "one column of category indices per item")
        self.init(levels: levels)
        let rowCount = categories.first?.count ?? 0
        var row = [Int](repeating: 0, count: levels.count)
        rows: for r in 0..<rowCount {
            for i in categories.indices {
                guard let category = categories[i][r] else { excluded += 1; continue rows }
                row[i] = category
            }
            add(row)
        }
    }

    /// Counts one complete case given as each item's category index.
    mutating func add(_ categories: [Int]) {
        count += 1
        for (i, c) in categories.enumerated() { margins[i][c] += 1 }
        var pair = 0
        for i in levels.indices {
            for j in levels.indices where j > i {
                tables[pair][categories[i] * levels[j].count + categories[j]] += 1
                pair += 1
            }
        }
    }

    /// The table of items i < j, levels[i].count × levels[j].count, row-major.
    public func table(_ i: Int, _ j: Int) -> [Int] {
        precondition(i < j && j < itemCount, "pairs are i < j")
        let p = itemCount
        return tables[i * (2 * p - i - 1) / 2 + (j - i - 1)]
    }

    /// Adds the counts of `other`, a summary of other rows of the same items and categories.
    public mutating func merge(_ other: PairwiseContingency) {
        precondition(levels == other.levels, "merged contingency summaries must have the same items and categories")
        count += other.count
        excluded += other.excluded
        for i in margins.indices { for c in margins[i].indices { margins[i][c] += other.margins[i][c] } }
        for t in tables.indices { for c in tables[t].indices { tables[t][c] += other.tables[t][c] } }
    }
}
