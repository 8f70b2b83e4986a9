/// How often a theme occurs: coded segments and prevalence, the share of participants who mention it.
public struct ThemeFrequency: Sendable, Equatable, Codable {
    public var themeID: String
    public var label: String
    /// 0 for a top-level theme, 1 for its sub-themes …
    public var depth: Int
    /// Segments coded to the theme or a descendant.
    public var segments: Int
    /// Participants with at least one such segment.
    public var participants: Int
    /// `participants / number of interviewees × 100`.
    public var prevalencePercent: Double
}

extension CodingResult {
    /// Frequency and prevalence of every theme, in outline order.
    public func themeFrequencies() -> [ThemeFrequency] {
        var segmentCounts: [String: Int] = [:]
        var mentioning: [String: Set<String>] = [:]
        for segment in segments {
            for theme in aggregatedThemes(of: segment) {
                segmentCounts[theme, default: 0] += 1
                mentioning[theme, default: []].insert(segment.segment.participantID)
            }
        }
        let total = participants.count
        return codebook.outline.map { entry in
            let count = mentioning[entry.theme.id]?.count ?? 0
            return ThemeFrequency(themeID: entry.theme.id, label: entry.theme.label, depth: entry.depth,
                                  segments: segmentCounts[entry.theme.id] ?? 0, participants: count,
                                  prevalencePercent: total == 0 ? 0 : Double(count) / Double(total) * 100)
        }
    }
}
