/// Segment-level co-occurrence: `counts[i][j]` is the number of segments coded to both theme i and
/// theme j (aggregated, so a parent co-occurs with its sub-themes); the diagonal is each theme's
/// segment count.
public struct ThemeCooccurrence: Sendable, Equatable, Codable {
    /// Theme ids in outline order.
    public var themeIDs: [String]
    public var counts: [[Int]]
}

extension CodingResult {
    /// The co-occurrence matrix of all themes, or of `themes` only (in outline order).
    public func cooccurrence(of themes: [String]? = nil) -> ThemeCooccurrence {
        let ids = themes.map { selected in themeOrder.filter(selected.contains) } ?? themeOrder
        let index = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
        var counts = [[Int]](repeating: [Int](repeating: 0, count: ids.count), count: ids.count)
        for segment in segments {
            let present = aggregatedThemes(of: segment).compactMap { index[$0] }
            for i in present { for j in present { counts[i][j] += 1 } }
        }
        return ThemeCooccurrence(themeIDs: ids, counts: counts)
    }
}
