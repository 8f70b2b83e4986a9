import Foundation

/// One block of consecutive data rows of a file, as a dataset of just those rows.
public struct DatasetBlock: Sendable {
    /// 0-based position of the block in the file.
    public let index: Int
    /// The file line of the block's first row (of its first line, if it has no rows).
    public let firstLine: Int
    /// The block's rows, with the columns (codebook order, kinds, levels, positions) that
    /// ``Dataset/load(contentsOf:codebook:delimiter:concurrency:progress:)`` gives and their missing
    /// counts over these rows. Its warnings are empty: the file's are in the ``BlockLoadSummary``.
    public let dataset: Dataset
}

/// What ``Dataset/forEachBlock(contentsOf:codebook:delimiter:shard:rowsPerBlock:concurrency:keepingTextCells:collectingIDHashes:progress:_:)`` delivered.
public struct BlockLoadSummary: Sendable, Equatable {
    /// The file, as named in errors and in the blocks' datasets.
    public let file: String
    /// Data rows in all blocks.
    public let rowCount: Int
    public let blockCount: Int
    /// The file's warnings (e.g. columns not in the codebook), as ``Dataset/warnings``.
    public let warnings: [String]
    /// Per ID column, the hashes of its IDs, if asked for (`collectingIDHashes`); else empty.
    public let idHashes: [IDColumnHashes]
}

extension Dataset {
    /// The default block size: 16,384 lines hold a few MB of a typical wave (2 MB at 50 columns),
    /// small enough that the blocks being read stay in the processor's caches and peak memory low,
    /// large enough that the per-block costs do not show.
    public static let defaultRowsPerBlock = 16_384

    /// Reads a CSV file block by block, checking every cell against the codebook as
    /// ``load(contentsOf:codebook:delimiter:concurrency:progress:)`` does, without ever holding the
    /// whole file or the whole dataset: peak memory is about `concurrency` blocks (their bytes and
    /// columns) plus 8 bytes per respondent ID for the duplicate check.
    ///
    /// `body` is called once per block, from up to `concurrency` threads at a time and in any
    /// order. A block holds the rows of `rowsPerBlock` consecutive lines of the file (fewer at its
    /// end; blank lines count as lines but are no rows, so a block may even have none). Taken in
    /// index order, the blocks' rows are exactly those of `load` (``init(concatenating:file:warnings:)``
    /// gives its dataset). From the first block that holds a quote (which may join lines into one
    /// record) on, the rest of the file comes as one last block, read by the sequential reader;
    /// a file whose header needs that reader (quotes, a blank first line) comes whole as block 0.
    ///
    /// Errors are `load`'s, with the same file, line, column and value, among them a respondent ID
    /// that repeats one in any other block and a file without data rows; to locate them exactly,
    /// the sequential reader then reads the whole file (holding it in memory, on that path only).
    /// Blocks may have been delivered before an error is thrown: callers discard them. An error
    /// thrown by `body` stops the load (blocks being parsed are not delivered) and is rethrown.
    ///
    /// With `shard`, only the header line and that shard's lines are read (``DataShard``), as if
    /// they were the file: a shard may have no rows (no error, no block). The lines of its errors
    /// are the real file's, found by counting the line ends before the shard when an error is thrown
    /// (one more read of those bytes, on that path only). A `"` in the shard's lines is refused
    /// (``DataError/Kind/quoteInShard``): a quoted field may hold a line end, which the cuts
    /// would split. So if every shard of a file is read without error, the file holds no quote
    /// after its header and every cut was at the end of a record.
    /// - Parameters:
    ///   - rowsPerBlock: lines per block.
    ///   - keepingTextCells: `false` leaves the cells of text and ID columns out of the blocks (their
    ///     `values` are empty; blank counts, checks and errors as usual), for callers that only
    ///     count: it saves a `String` per ID.
    ///   - collectingIDHashes: whether the summary carries the hashes of the respondent IDs (``BlockLoadSummary/idHashes``).
    ///   - progress: called (from any thread) with the bytes read so far and the file's size.
    /// - Returns: the rows and blocks delivered and the file's warnings.
    public static func forEachBlock(contentsOf url: URL, codebook: Codebook, delimiter: UInt8? = nil, shard: DataShard? = nil,
                                    rowsPerBlock: Int = defaultRowsPerBlock,
                                    concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                                    keepingTextCells: Bool = true, collectingIDHashes: Bool = false, progress: LoadProgress? = nil,
                                    _ body: @Sendable (DatasetBlock) throws -> Void) throws -> BlockLoadSummary {
        let source = try CSVSource(contentsOf: url, delimiter: delimiter, shard: shard)
        do {
            return try forEachBlock(source: source, codebook: codebook, rowsPerBlock: rowsPerBlock, concurrency: concurrency,
                                    keepingTextCells: keepingTextCells, collectingIDHashes: collectingIDHashes, progress: progress, body)
        } catch let error as DataError where error.line != nil {
            guard let shard = source.shard else { throw error }
            let headerLines = try source.prefix(shard.headerEnd).reduce(0) { $0 + ($1 == CSVReader.newline ? 1 : 0) }
            throw error.shifted(by: try source.lineEndsBeforeShard(), after: headerLines)
        }
    }

    static func forEachBlock(source: CSVSource, codebook: Codebook, rowsPerBlock: Int, concurrency: Int, keepingTextCells: Bool = true,
                             collectingIDHashes: Bool = false, progress: LoadProgress?,
                             _ body: @Sendable (DatasetBlock) throws -> Void) throws -> BlockLoadSummary {
        var head = try source.prefix(1 << 16)
        while head.count < source.size && !head.dropLast().contains(where: { $0 == CSVReader.newline || $0 == CSVReader.carriageReturn }) {
            head = try source.prefix(head.count * 2)
        }
        let start = head.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let delimiter = source.delimiter ?? CSVReader.detectDelimiter(head, from: start)
        let counter = ProgressCounter(total: source.size - start, progress: progress)
        guard let header = CSVReader.plainFirstLine(of: head, from: start, delimiter: delimiter) else {
            return try readSequentially(source, codebook: codebook, collectingIDHashes: collectingIDHashes, counter: counter, body)
        }
        var warnings: [String] = []
        try checkHeader(header.fields, codebook: codebook, file: source.file, warnings: &warnings)
        counter.add(header.end - start)
        let sampleLines = head[header.end...].reduce(0) { $0 + ($1 == CSVReader.newline ? 1 : 0) }
        let loader = BlockLoader(source: source, codebook: codebook, header: header.fields, dataStart: header.end, delimiter: delimiter,
                                 rowsPerBlock: rowsPerBlock, keepingTextCells: keepingTextCells, bytesPerLine: Double(head.count - header.end) / Double(max(1, sampleLines)),
                                 progress: counter)
        let (rowCount, blockCount) = try loader.run(concurrency: concurrency, body)
        return BlockLoadSummary(file: source.file, rowCount: rowCount, blockCount: blockCount, warnings: warnings,
                                idHashes: collectingIDHashes ? loader.sortedIDHashes() : [])
    }

    /// A file whose header needs the sequential reader (quotes, a blank first line), read whole as
    /// block 0. A shard's lines after the header must hold no quote; a shard without rows gives no block.
    private static func readSequentially(_ source: CSVSource, codebook: Codebook, collectingIDHashes: Bool, counter: ProgressCounter,
                                         _ body: @Sendable (DatasetBlock) throws -> Void) throws -> BlockLoadSummary {
        let reader = try source.wholeFile()
        if let shard = source.shard, let quote = reader.bytes[shard.headerEnd...].firstIndex(of: CSVReader.quote) {
            let line = reader.bytes[..<quote].reduce(1) { $0 + ($1 == CSVReader.newline ? 1 : 0) }
            throw DataError(file: source.file, line: line, kind: .quoteInShard)
        }
        let dataset: Dataset, firstLine: Int
        do {
            (dataset, firstLine) = try readSequentially(reader: reader, codebook: codebook)
        } catch let error as DataError where error.kind == .headerOnly && source.shard != nil {
            counter.add(counter.total)
            return BlockLoadSummary(file: source.file, rowCount: 0, blockCount: 0, warnings: [],
                                    idHashes: collectingIDHashes ? sortedIDHashes(of: Dataset(noRowsOf: codebook, file: source.file), codebook: codebook) : [])
        }
        var rows = dataset
        rows.warnings = []
        try body(DatasetBlock(index: 0, firstLine: firstLine, dataset: rows))
        counter.add(counter.total)
        return BlockLoadSummary(file: source.file, rowCount: dataset.rowCount, blockCount: 1, warnings: dataset.warnings,
                                idHashes: collectingIDHashes ? sortedIDHashes(of: dataset, codebook: codebook) : [])
    }

    /// Per ID column of `dataset` (read with its text), the hashes of its IDs, ascending: what
    /// `collectingIDHashes` collects, for a dataset loaded whole.
    public static func sortedIDHashes(of dataset: Dataset, codebook: Codebook) -> [IDColumnHashes] {
        zip(codebook.variables, dataset.columns).filter { $0.0.kind == .id }.map { variable, column in
            IDColumnHashes(name: variable.name, hashes: IDHashes.hashes(of: column).sorted())
        }
    }

    /// The rows of `blocks` one after the other (the blocks of one file, in index order): columns
    /// joined, missing counts added.
    public init(concatenating blocks: [Dataset], file: String, warnings: [String]) {
        self.init(file: file, rowCount: 0, columns: [], warnings: warnings)
        for block in blocks { append(rowsOf: block) }
    }

    /// Appends the rows of `other`, which has the same columns (the next block of the same file):
    /// values joined, missing counts added.
    public mutating func append(rowsOf other: Dataset) {
        if columns.isEmpty {
            columns = other.columns
        } else {
            for index in columns.indices { columns[index].append(rowsOf: other.columns[index]) }
        }
        rowCount += other.rowCount
    }
}

extension DataColumn {
    /// Appends the cells of the same column of the next block.
    fileprivate mutating func append(rowsOf other: DataColumn) {
        precondition(name == other.name && values.kindName == other.values.kindName, "\(other.name) is not the next block of \(name)")
        // Each case takes the storage out of `values` first, so that it is held once and grows in place.
        switch values {
        case .likert(var mine):
            values = .text([])
            if case .likert(let theirs) = other.values { mine.codes += theirs.codes }
            values = .likert(mine)
        case .numeric(var mine):
            values = .text([])
            if case .numeric(let theirs) = other.values { mine += theirs }
            values = .numeric(mine)
        case .categorical(var mine):
            values = .text([])
            if case .categorical(let theirs) = other.values { mine.codes += theirs.codes }
            values = .categorical(mine)
        case .text(var mine):
            values = .text([])
            if case .text(let theirs) = other.values { mine += theirs }
            values = .text(mine)
        }
        missing.blank += other.missing.blank
        for k in missing.userMissing.indices { missing.userMissing[k].count += other.missing.userMissing[k].count }
        if firstTextCell == nil { firstTextCell = other.firstTextCell }
    }
}
