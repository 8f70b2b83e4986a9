/// The JSON form of the cross-tabulations: `{levels, count, incomplete, margins, tables}` as the
/// properties hold them (`incomplete`: ``PairwiseContingency/excluded``). Decoding checks every
/// invariant — levels ascending, distinct and finite, at most ``Polychoric/maxCategories`` per
/// item; as many margins and tables (of the right sizes) as the items give; counts 0 or more; each
/// item's margins adding up to `count`; each table's row and column sums equal to its items'
/// margins — and reports a violation as `DecodingError.dataCorrupted` naming it. (That the counts
/// add up to a wave's rows is the wave summary's check.)
extension PairwiseContingency: Codable {
    private enum CodingKeys: String, CodingKey { case levels, count, excluded = "incomplete", margins, tables }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(levels, forKey: .levels)
        try container.encode(count, forKey: .count)
        try container.encode(excluded, forKey: .excluded)
        try container.encode(margins, forKey: .margins)
        try container.encode(tables, forKey: .tables)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func invalid(_ key: CodingKeys, _ reason: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: container, debugDescription: reason)
        }
        let levels = try container.decode([[Double]].self, forKey: .levels)
        for itemLevels in levels {
            guard itemLevels.count <= Polychoric.maxCategories, itemLevels.allSatisfy(\.isFinite),
                  zip(itemLevels, itemLevels.dropFirst()).allSatisfy({ $0 < $1 }) else {
                throw invalid(.levels, "expected per item at most \(Polychoric.maxCategories) finite categories in ascending order")
            }
        }
        self.init(levels: levels)
        let count = try container.decode(Int.self, forKey: .count)
        let excluded = try container.decode(Int.self, forKey: .excluded)
        let margins = try container.decode([[Int]].self, forKey: .margins)
        let tables = try container.decode([[Int]].self, forKey: .tables)
        guard count >= 0, excluded >= 0 else { throw invalid(.count, "expected complete and incomplete cases 0 or more") }
        guard margins.map(\.count) == self.margins.map(\.count) else { throw invalid(.margins, "expected one count per category of each item") }
        guard tables.map(\.count) == self.tables.map(\.count) else { throw invalid(.tables, "expected one table per pair of items, a count per pair of categories") }
        guard margins.allSatisfy({ $0.allSatisfy { $0 >= 0 } && $0.checkedSum() == count }) else {
            throw invalid(.margins, "expected each item's counts 0 or more, adding up to the \(count) complete cases")
        }
        var pair = 0
        for i in levels.indices {
            for j in levels.indices where j > i {
                let table = tables[pair], columns = levels[j].count
                guard table.allSatisfy({ $0 >= 0 }),
                      levels[i].indices.allSatisfy({ row in table[(row * columns)..<((row + 1) * columns)].checkedSum() == margins[i][row] }),
                      levels[j].indices.allSatisfy({ column in stride(from: column, to: table.count, by: columns).map { table[$0] }.checkedSum() == margins[j][column] })
                else { throw invalid(.tables, "expected the table of items \(i + 1) and \(j + 1) to hold counts 0 or more adding up to their margins") }
                pair += 1
            }
        }
        self.count = count
        self.excluded = excluded
        self.margins = margins
        self.tables = tables
    }
}
