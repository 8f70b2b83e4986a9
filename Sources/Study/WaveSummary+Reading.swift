import Foundation
import SurveyData

extension WaveSummary {
    /// The summary of a wave's data file for `plan`, read block by block: each block of rows is
    /// parsed and summarised on its own (on all cores), and the block summaries are merged, so the
    /// whole wave is never in memory — a wave of ten million respondents needs no more than one of
    /// ten thousand beyond its summary.
    ///
    /// Blocks are merged in a fixed binary tree over their positions in the file (block 2k with
    /// 2k + 1, then pairs of those, …), so the rounding of the merged co-moments does not depend on
    /// which thread finished first: the same file gives the same summary, bit for bit.
    ///
    /// With `shard`, only that shard of the file is read (``DataShard``); a shard without rows
    /// gives the summary of no rows. With `collectingIDHashes`, the summary carries the hashes of
    /// its respondent IDs (``RespondentIDAnalysis``), for a merge to check that no respondent is in two parts.
    /// - Parameter rowsPerBlock: rows summarised at a time (fewer rows, less memory; more blocks,
    ///   more merging).
    /// - Parameter eachBlock: also given every block, whose text cells are then kept (e.g. to
    ///   collect the answers to open-ended questions as the wave is read).
    /// - Throws: the loader's `DataError` (file, line, column) for a cell that does not fit the
    ///   codebook, and the errors of ``init(plan:dataset:codebook:)``.
    public init(plan: AnalysisPlan, reading file: FileReference, codebook: Codebook, delimiter: UInt8?, shard: DataShard? = nil,
                collectingIDHashes: Bool = false, rowsPerBlock: Int = 65_536, progress: LoadProgress? = nil,
                eachBlock: (@Sendable (DatasetBlock) throws -> Void)? = nil) throws {
        let analyses = PlanAnalyses.make(plan, codebook: codebook)
        let tree = MergeTree()
        let loaded = try Dataset.forEachBlock(contentsOf: file.url, codebook: codebook, delimiter: delimiter, shard: shard,
                                              rowsPerBlock: rowsPerBlock, keepingTextCells: eachBlock != nil, collectingIDHashes: collectingIDHashes,
                                              progress: progress) { block in
            try eachBlock?(block)
            try tree.insert(WaveSummary(analyses, dataset: block.dataset, codebook: codebook, firstLine: block.firstLine), at: block.index)
        }
        if let root = try tree.root() {
            self = root
        } else if shard != nil {
            self = try WaveSummary(analyses, dataset: Dataset(noRowsOf: codebook, file: file.written), codebook: codebook)
        } else {
            throw StudyError.analysisFailed(analysis: "reading \(file.written)", reason: "no data rows")
        }
        warnings = loaded.warnings
        self[RespondentIDAnalysis.self] = RespondentIDHashes(columns: loaded.idHashes.map { Named(name: $0.name, summary: RespondentHashes(sorted: $0.hashes)) })
    }
}

/// Block summaries merged pairwise as they arrive: node (level l, index i) holds the merge of
/// blocks i·2ˡ ..< (i + 1)·2ˡ; a node whose sibling is present is merged with it (left + right) into
/// their parent. Memory holds at most one node per level per worker.
private final class MergeTree: @unchecked Sendable {
    private struct Node: Hashable { var level: Int; var index: Int }
    private let lock = NSLock()
    private var nodes: [Node: WaveSummary] = [:]

    func insert(_ summary: WaveSummary, at index: Int) throws {
        var node = Node(level: 0, index: index)
        var summary = summary
        while true {
            let sibling = Node(level: node.level, index: node.index ^ 1)
            lock.lock()
            guard let other = nodes.removeValue(forKey: sibling) else {
                nodes[node] = summary
                lock.unlock()
                return
            }
            lock.unlock()
            if node.index & 1 == 0 { try summary.merge(other) } else { summary = try Self.merged(other, summary) }
            node = Node(level: node.level + 1, index: node.index >> 1)
        }
    }

    /// The merge of all blocks: what is left in the tree, merged from the last block backwards (a
    /// fixed order for a given block count).
    func root() throws -> WaveSummary? {
        lock.lock()
        defer { lock.unlock() }
        let remaining = nodes.sorted { ($0.key.index << $0.key.level) > ($1.key.index << $1.key.level) }.map(\.value)
        guard var whole = remaining.first else { return nil }
        for left in remaining.dropFirst() { whole = try Self.merged(left, whole) }
        return whole
    }

    private static func merged(_ left: WaveSummary, _ right: WaveSummary) throws -> WaveSummary {
        var result = left
        try result.merge(right)
        return result
    }
}
