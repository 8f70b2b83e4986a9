/// A theme × participant-attribute matrix (as NVivo's matrix coding query): for each theme and each
/// value of one attribute (e.g. role), how many participants with that value mention the theme and
/// in how many segments.
public struct ThemeAttributeMatrix: Sendable, Equatable, Codable {
    public var attribute: String
    /// The attribute's values, sorted; participants without the attribute are grouped under "(missing)".
    public var values: [String]
    /// Number of participants with each value.
    public var groupSizes: [Int]
    public var rows: [Row]

    public struct Row: Sendable, Equatable, Codable {
        public var themeID: String
        public var label: String
        public var depth: Int
        /// Per value (same order as `values`): participants mentioning the theme.
        public var participants: [Int]
        /// Per value: segments coded to the theme.
        public var segments: [Int]
    }

    static let missingValue = "(missing)"
}

extension CodingResult {
    /// The theme × `attribute` matrix, themes in outline order.
    public func matrix(by attribute: String) -> ThemeAttributeMatrix {
        let valueOf: (String) -> String = { self.participant($0)?[attribute] ?? ThemeAttributeMatrix.missingValue }
        let values = Set(participants.map { valueOf($0.id) }).sorted()
        let column = Dictionary(uniqueKeysWithValues: values.enumerated().map { ($1, $0) })
        var groupSizes = [Int](repeating: 0, count: values.count)
        for participant in participants { groupSizes[column[valueOf(participant.id)]!] += 1 }
        var mentioning: [String: [Set<String>]] = [:]
        var segmentCounts: [String: [Int]] = [:]
        for segment in segments {
            let participantID = segment.segment.participantID
            let index = column[valueOf(participantID)] ?? 0
            for theme in aggregatedThemes(of: segment) {
                mentioning[theme, default: Array(repeating: [], count: values.count)][index].insert(participantID)
                segmentCounts[theme, default: Array(repeating: 0, count: values.count)][index] += 1
            }
        }
        let rows = codebook.outline.map { entry in
            ThemeAttributeMatrix.Row(
                themeID: entry.theme.id, label: entry.theme.label, depth: entry.depth,
                participants: mentioning[entry.theme.id]?.map(\.count) ?? Array(repeating: 0, count: values.count),
                segments: segmentCounts[entry.theme.id] ?? Array(repeating: 0, count: values.count))
        }
        return ThemeAttributeMatrix(attribute: attribute, values: values, groupSizes: groupSizes, rows: rows)
    }

    /// Attribute names present for the participants, in first-seen order.
    public var attributeNames: [String] {
        var names: [String] = []
        for participant in participants { for attribute in participant.attributes where !names.contains(attribute.name) { names.append(attribute.name) } }
        return names
    }
}
