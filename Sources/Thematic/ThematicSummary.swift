/// The tables of a thematic analysis as plain values, computed once from a ``CodingResult``: theme
/// frequencies and prevalence, theme × attribute matrices, co-occurrence of the top-level themes,
/// exemplar quotes, and (with a human coding) agreement. The `code` command and study runs both
/// report this value.
public struct ThematicSummary: Sendable, Encodable {
    public var unit: SegmentationUnit
    public var participants: [Participant]
    public var themes: [ThemeFrequency]
    public var matrices: [ThemeAttributeMatrix]
    public var cooccurrence: ThemeCooccurrence
    /// Exemplar quotes by theme id.
    public var exemplars: [String: [ThemeExemplar]]
    public var segments: [CodedSegment]
    public var agreement: AgreementResult?
    /// Agreement among several human coders (when more than one coding is given).
    public var panel: CoderPanelResult?
    /// Learned coding's cross-validation against a human coding (`--train`), set by the caller.
    public var learned: LearnedCodingEvaluation?

    /// - Parameters:
    ///   - attributes: participant attributes to cross with the themes; `nil` means every attribute
    ///     that groups participants, however many values it has: all but those whose every value
    ///     belongs to one participant (an identifier, a name or a free-text note, whose matrix would
    ///     single each person out). An attribute no participant has is an error (a misspelt `--by`
    ///     would otherwise give a matrix of "(missing)").
    ///   - human: a human coding of the same segments, for the agreement table.
    ///   - coders: several human codings instead: agreement among them (``CoderPanelResult``), and the
    ///     automatic coding compared with their majority.
    public init(_ result: CodingResult, attributes: [String]? = nil, human: HumanCoding? = nil, coders: [HumanCoding] = []) throws {
        let crossed = attributes ?? result.attributeNames.filter { name in
            let values = result.participants.compactMap { $0[name] }
            return Set(values).count < values.count
        }
        if let unknown = crossed.first(where: { !result.attributeNames.contains($0) }) {
            throw ThematicInputError.unknownAttribute(name: unknown, known: result.attributeNames)
        }
        unit = result.unit
        participants = result.participants
        themes = result.themeFrequencies()
        matrices = crossed.map(result.matrix)
        cooccurrence = result.cooccurrence(of: result.codebook.children(of: nil))
        exemplars = result.exemplars()
        segments = result.segments
        if coders.count >= 2 {
            let (panel, majority) = try result.panel(coders)
            self.panel = panel
            agreement = try result.agreement(with: majority)
        } else {
            agreement = try (human ?? coders.first).map(result.agreement)
        }
    }

    enum CodingKeys: String, CodingKey {
        case unit, participants, themes, matrices, cooccurrence, exemplars, segments, agreement, panel, learned
    }

    /// Exemplars are encoded as one list in theme order, so the JSON does not depend on hash order.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(unit, forKey: .unit)
        try container.encode(participants, forKey: .participants)
        try container.encode(themes, forKey: .themes)
        try container.encode(matrices, forKey: .matrices)
        try container.encode(cooccurrence, forKey: .cooccurrence)
        try container.encode(themes.flatMap { exemplars[$0.themeID] ?? [] }, forKey: .exemplars)
        try container.encode(segments, forKey: .segments)
        try container.encodeIfPresent(agreement, forKey: .agreement)
        try container.encodeIfPresent(panel, forKey: .panel)
        try container.encodeIfPresent(learned, forKey: .learned)
    }
}
