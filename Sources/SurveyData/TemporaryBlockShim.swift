import Foundation
// TEMPORARY until the loader branch lands (replaced by the streaming block loader).
public struct DatasetBlock: Sendable { public let index: Int; public let firstLine: Int; public let dataset: Dataset }
public struct BlockLoadSummary: Sendable { public let file: String; public let rowCount: Int; public let blockCount: Int; public let warnings: [String] }
extension Dataset {
    public static func forEachBlock(contentsOf url: URL, codebook: Codebook, delimiter: UInt8? = nil,
                                    rowsPerBlock: Int = 65_536,
                                    concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                                    progress: LoadProgress? = nil,
                                    _ body: @Sendable (DatasetBlock) throws -> Void) throws -> BlockLoadSummary {
        let d = try load(contentsOf: url, codebook: codebook, delimiter: delimiter, concurrency: concurrency, progress: progress)
        try body(DatasetBlock(index: 0, firstLine: 2, dataset: d))
        return BlockLoadSummary(file: d.file, rowCount: d.rowCount, blockCount: 1, warnings: d.warnings)
    }
}
