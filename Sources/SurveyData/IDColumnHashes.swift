/// The 64-bit hashes (``IDHashes/hash(_:)``) of the non-blank respondent IDs of one ID column of a
/// file or shard, ascending: what a summary carries so that respondents summarised twice (in two
/// shards or parts) are caught when the summaries are merged, without carrying the IDs.
public struct IDColumnHashes: Sendable, Equatable {
    public let name: String
    public let hashes: [UInt64]

    public init(name: String, hashes: [UInt64]) {
        self.name = name
        self.hashes = hashes
    }
}
