/// Agreement among several human coders of the same segments, theme by theme, and their majority
/// coding (what the automatic coding is compared with when there are several coders).
public struct CoderPanelResult: Sendable, Equatable, Codable {
    /// The coding files, in the order given.
    public var coders: [String]
    /// Segments every coder coded (Fleiss' κ and the majority use these; α uses every segment coded by two or more).
    public var segments: Int
    public var themes: [PanelThemeAgreement]
}

/// Agreement of the coders on one theme (a segment counts for a theme when it is coded to the theme
/// or a sub-theme).
public struct PanelThemeAgreement: Sendable, Equatable, Codable {
    public var themeID: String
    public var label: String
    /// Segments the majority codes to the theme.
    public var majoritySegments: Int
    public var fleissKappa: Double?
    /// Krippendorff's α (nominal) across the coders.
    public var alpha: Double?
}

extension CodingResult {
    /// Agreement among `codings` (two or more) and their majority: a segment every coder coded is in
    /// the majority coding of a theme when more than half of the coders assigned it (or a sub-theme).
    public func panel(_ codings: [HumanCoding]) throws -> (result: CoderPanelResult, majority: HumanCoding) {
        let known = Set(segments.map(\.segment.id))
        for coding in codings {
            try checkUnit(of: coding)
            if let unknown = coding.segmentIDs.first(where: { !known.contains($0) }) {
                throw AgreementError.unknownSegment(file: coding.source, line: coding.lines[unknown] ?? 0, segmentID: unknown)
            }
        }
        let aggregatedCodings = codings.map { coding in coding.themes.mapValues { Set(aggregated($0)) } }
        let common = codings.first?.segmentIDs.filter { id in aggregatedCodings.allSatisfy { $0[id] != nil } } ?? []
        var everySegment: [String] = []
        var seen: Set<String> = []
        for coding in codings { for id in coding.segmentIDs where seen.insert(id).inserted { everySegment.append(id) } }
        var majorityThemes: [String: Set<String>] = [:]
        for id in common { majorityThemes[id] = [] }
        var themes: [PanelThemeAgreement] = []
        for entry in codebook.outline {
            let id = entry.theme.id
            let counts = common.map { segment -> [Int] in
                let coded = aggregatedCodings.filter { $0[segment]?.contains(id) ?? false }.count
                return [codings.count - coded, coded]
            }
            for (segment, count) in zip(common, counts) where 2 * count[1] > codings.count { majorityThemes[segment]?.insert(id) }
            let units = everySegment.map { segment in aggregatedCodings.map { coding in coding[segment].map { $0.contains(id) ? 1 : 0 } } }
            themes.append(PanelThemeAgreement(themeID: id, label: entry.theme.label,
                                              majoritySegments: counts.filter { 2 * $0[1] > codings.count }.count,
                                              fleissKappa: Agreement.fleissKappa(counts), alpha: Agreement.krippendorffAlphaNominal(units)))
        }
        let majority = HumanCoding(segmentIDs: common, themes: majorityThemes,
                                   source: "majority of " + codings.map(\.source).joined(separator: ", "))
        return (CoderPanelResult(coders: codings.map(\.source), segments: common.count, themes: themes), majority)
    }
}
