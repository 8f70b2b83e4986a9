/// Agreement of two codings over the same segments: per theme and overall (see ``Agreement``).
public struct AgreementResult: Sendable, Equatable, Codable {
    /// Number of segments compared.
    public var segments: Int
    public var themes: [ThemeAgreement]
    /// Agreement over all (segment, theme) pairs, in percent.
    public var percentAgreement: Double?
    /// Krippendorff's α (nominal) over all (segment, theme) pairs.
    public var alpha: Double?
}

/// Agreement on one theme.
public struct ThemeAgreement: Sendable, Equatable, Codable {
    public var themeID: String
    public var label: String
    public var confusion: ConfusionCounts
    public var percentAgreement: Double?
    public var kappa: Double?
    public var pabak: Double?
    public var alpha: Double?
}

/// Agreement input that does not fit the coded result.
public enum AgreementError: Error, CustomStringConvertible, Equatable {
    /// The coding names a segment that the automatic coding does not have (other unit, other transcripts).
    case unknownSegment(file: String, line: Int, segmentID: String)

    public var description: String {
        switch self {
        case let .unknownSegment(file, line, id):
            return "\(file):\(line): unknown segment '\(id)', expected an id of a coded segment (same transcripts and --unit)"
        }
    }
}

extension CodingResult {
    /// Agreement of this automatic coding (first coder) with `human` (second coder) on the segments `human` coded.
    public func agreement(with human: HumanCoding) throws -> AgreementResult {
        var automatic: [String: Set<String>] = [:]
        for segment in segments { automatic[segment.segment.id] = Set(aggregatedThemes(of: segment)) }
        var gold: [String: Set<String>] = [:]
        for id in human.segmentIDs {
            guard automatic[id] != nil else {
                throw AgreementError.unknownSegment(file: human.source, line: human.lines[id] ?? 0, segmentID: id)
            }
            gold[id] = Set(aggregated(human.themes[id] ?? []))
        }
        let themes = codebook.outline.map { (id: $0.theme.id, label: $0.theme.label) }
        return Agreement.compare(automatic, gold, segments: human.segmentIDs, themes: themes)
    }
}
