import SurveyData

/// The hashes of the respondent IDs of each ID column, which a merge of summaries made apart
/// checks for respondents summarised twice (overlapping parts or shards). The loader hashes the IDs
/// as it reads them (``WaveSummary/init(plan:reading:codebook:delimiter:shard:collectingIDHashes:rowsPerBlock:progress:)``
/// with `collectingIDHashes`), so a block's summary has none; no result comes of them.
struct RespondentIDAnalysis: BlockAnalysis {
    static let key = "idHashes"
    static let title = "ID columns"
    let idColumns: [String]

    init(_ settings: NoSettings, codebook: Codebook) {
        idColumns = codebook.variables.filter { $0.kind == .id }.map(\.name)
    }

    func summarize(_ block: WaveVariables) -> RespondentIDHashes { RespondentIDHashes(columns: []) }

    /// Per ID column of the codebook, a list of at most `rows` hashes (ascending and distinct,
    /// checked as it is decoded: ``RespondentHashes``).
    func validate(_ summary: RespondentIDHashes, shape: RespondentIDHashes, _ check: SummaryChecker) throws {
        let key = Self.key
        try check.sameCount(summary.columns.count, idColumns.count, at: key, of: "hash lists (one per ID column of the codebook)")
        for (i, (hashes, name)) in zip(summary.columns, idColumns).enumerated() {
            try check.sameName(hashes.name, name, at: "\(key)[\(i)]")
            guard hashes.summary.hashes.count <= check.rows else {
                throw WaveSummaryError.invalid(at: "\(key)[\(i)] (\(name)).summary",
                                               expected: "at most the \(check.rows) rows' hashes (one per respondent), found \(hashes.summary.hashes.count)")
            }
        }
    }

    func finish(_ summary: RespondentIDHashes, of wave: WaveSummary, into result: inout WaveResult) {}

    func drop(_ columns: Set<String>, from result: inout WaveResult) -> [String] { [] }
}

/// Per ID column, the hashes of its respondent IDs (none when not collected).
public struct RespondentIDHashes: Sendable, Equatable, Codable, MergeableSummary {
    public var columns: [WaveSummary.Named<RespondentHashes>]

    public init(columns: [WaveSummary.Named<RespondentHashes>]) {
        self.columns = columns
    }

    /// The union of both, per column.
    /// - Throws: ``WaveSummaryError/repeatedRespondents(column:count:hash:)`` when both hold an ID.
    public mutating func add(_ other: RespondentIDHashes) throws {
        try requireSameShape(other.columns.count, columns.count, "ID columns")
        columns = try zip(columns, other.columns).map { a, b in
            guard a.name == b.name else { throw WaveSummaryError.mismatch("'\(a.name.bounded())' vs. '\(b.name.bounded())'") }
            let (union, repeated, firstRepeat) = a.summary.union(b.summary)
            if let firstRepeat { throw WaveSummaryError.repeatedRespondents(column: a.name, count: repeated, hash: firstRepeat) }
            return WaveSummary.Named(name: a.name, summary: union)
        }
    }

    /// Whether the column `name` holds the hash `hash`.
    func contains(_ hash: UInt64, in name: String) -> Bool {
        columns.contains { $0.name == name && $0.summary.contains(hash) }
    }

    public init(from decoder: Decoder) throws {
        columns = try decoder.singleValueContainer().decode([WaveSummary.Named<RespondentHashes>].self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(columns)
    }
}
