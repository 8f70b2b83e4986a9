import Foundation

extension CSVReader {
    /// A reader of the header line and one shard's lines of the file at `url` (``DataShard``, cut as
    /// ``Dataset/forEachBlock(contentsOf:codebook:delimiter:shard:rowsPerBlock:concurrency:keepingTextCells:collectingIDHashes:progress:_:)``
    /// cuts it), held whole: for a caller that needs the shard's records in memory (a screened
    /// shard). A `"` in the shard's lines is refused, as there.
    /// - Returns: the reader and how its line numbers map to the file's: a line after the first
    ///   `headerLines` is `lineShift` lines later in the file (``DataError/shifted(by:after:)``).
    /// - Throws: `DataError` at the file's line.
    public static func shard(_ shard: DataShard, of url: URL, delimiter: UInt8?) throws -> (reader: CSVReader, headerLines: Int, lineShift: Int) {
        let source = try CSVSource(contentsOf: url, delimiter: delimiter, shard: shard)
        let bytes = try source.prefix(source.size)
        let headerEnd = source.shard?.headerEnd ?? bytes.count
        let headerLines = bytes[..<headerEnd].reduce(0) { $0 + ($1 == newline ? 1 : 0) }
        let lineShift = try source.lineEndsBeforeShard()
        if let quote = bytes[headerEnd...].firstIndex(of: Self.quote) {
            let line = bytes[..<quote].reduce(1) { $0 + ($1 == newline ? 1 : 0) }
            throw DataError(file: url.path, line: line, kind: .quoteInShard).shifted(by: lineShift, after: headerLines)
        }
        do {
            return (try CSVReader(bytes: bytes, file: url.path, delimiter: delimiter), headerLines, lineShift)
        } catch let error as DataError {
            throw error.shifted(by: lineShift, after: headerLines)
        }
    }
}
