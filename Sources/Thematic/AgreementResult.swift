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
    /// The coding numbers every segment of a transcript, but as many as another unit makes: it was
    /// made for that unit, and its ids name other passages under this one.
    case unitMismatch(file: String, transcript: String, codedSegments: Int, unit: SegmentationUnit, segments: Int, likelyUnit: SegmentationUnit)

    public var description: String {
        switch self {
        case let .unitMismatch(file, transcript, coded, unit, segments, likely):
            return "\(file): codes \(coded) segments of \(transcript) (\(transcript)-001 to \(transcript)-\(coded < 100 ? String(String(coded + 1000).suffix(3)) : String(coded))), as many as --unit \(likely.rawValue) makes, "
                + "but this coding is by \(unit.rawValue) (\(segments) segments); code with --unit \(likely.rawValue) or use a human coding made for \(unit.rawValue)"
        case let .unknownSegment(file, line, id):
            return "\(file):\(line): unknown segment '\(id)', expected an id of a coded segment (same transcripts and --unit)"
        }
    }
}

extension CodingResult {
    /// Throws ``AgreementError/unitMismatch(file:transcript:codedSegments:unit:segments:likelyUnit:)``
    /// when `human` numbers every segment of a transcript (ids `<transcript>-001` to `-k`, none
    /// missing) and k is the number of segments another unit makes rather than this one: segment ids
    /// exist under every unit, so such a file would otherwise give κ ≈ 0 without a word.
    func checkUnit(of human: HumanCoding) throws {
        var highest: [String: Int] = [:], count: [String: Int] = [:]
        for id in human.segmentIDs {
            guard let dash = id.lastIndex(of: "-"), let number = Int(id[id.index(after: dash)...]) else { continue }
            let transcript = String(id[..<dash])
            highest[transcript] = max(highest[transcript] ?? 0, number)
            count[transcript, default: 0] += 1
        }
        for transcript in transcripts {
            guard let top = highest[transcript.id], count[transcript.id] == top else { continue }
            let own = Segmenter.segments(of: transcript, unit: unit).count
            guard top != own else { continue }
            for other in SegmentationUnit.allCases where other != unit && Segmenter.segments(of: transcript, unit: other).count == top {
                throw AgreementError.unitMismatch(file: human.source, transcript: transcript.id, codedSegments: top,
                                                  unit: unit, segments: own, likelyUnit: other)
            }
        }
    }

    /// Agreement of this automatic coding (first coder) with `human` (second coder) on the segments `human` coded.
    public func agreement(with human: HumanCoding) throws -> AgreementResult {
        try checkUnit(of: human)
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
