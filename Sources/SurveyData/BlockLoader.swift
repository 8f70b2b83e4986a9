import Foundation

/// The engine of ``Dataset/forEachBlock(contentsOf:codebook:delimiter:shard:rowsPerBlock:concurrency:keepingTextCells:collectingIDHashes:progress:_:)``
/// once the header has been read and checked: the data lines are cut into blocks in file order, and
/// `concurrency` workers each read their block into a window of their own, parse it and hand it on,
/// so that the file is never held whole.
///
/// A block is parsed by the fast path (``ChunkParser``); if that declines, by the sequential reader
/// over just the block's lines. Without quotes every line break ends a record, so blocks start at
/// record boundaries; from the first block that holds a quote on, the rest of the file is one last
/// block for the sequential reader. Respondent IDs are checked across blocks by their hashes
/// (``IDHashes``), once every block is in. A block the sequential reader rejects, and a repeated ID hash, are settled by
/// the sequential reader over the whole file, so that the error thrown is exactly
/// ``Dataset/load(contentsOf:codebook:delimiter:concurrency:progress:)``'s.
final class BlockLoader: @unchecked Sendable {
    private let source: CSVSource
    private let codebook: Codebook
    private let header: [String]
    private let delimiter: UInt8
    private let rowsPerBlock: Int
    private let keepingTextCells: Bool
    /// Per column of the file: its variable (`nil` if not in the codebook) and how the fast path decodes it.
    private let variables: [Variable?]
    private let plans: [ColumnPlan]
    /// The file column of each codebook variable, in codebook order.
    private let order: [Int]
    /// Per ID column: its file column, its position in a block's dataset, the hashes of the blocks so far.
    private let idColumns: [(column: Int, position: Int, seen: IDHashes)]
    private let progress: ProgressCounter

    /// Where the next block starts, its number, and what the blocks so far came to; under `lock`.
    private let lock = NSLock()
    private var nextOffset: Int
    private var nextLine: Int
    private var nextIndex = 0
    private var bytesPerLine: Double
    private var stopped = false
    private var failure: Error?
    private var rowCount = 0
    private var blockCount = 0

    /// The sequential reader's verdict on the whole file, asked at most once; under `verdictLock`.
    private let verdictLock = NSLock()
    private var verdict: Result<Void, Error>?

    /// - Parameters:
    ///   - dataStart: offset of the first byte after the header line.
    ///   - bytesPerLine: an estimate of the data lines' length (for the first window).
    init(source: CSVSource, codebook: Codebook, header: [String], dataStart: Int, delimiter: UInt8,
         rowsPerBlock: Int, keepingTextCells: Bool, bytesPerLine: Double, progress: ProgressCounter) {
        self.source = source
        self.codebook = codebook
        self.header = header
        self.delimiter = delimiter
        self.rowsPerBlock = max(1, rowsPerBlock)
        self.keepingTextCells = keepingTextCells
        self.bytesPerLine = max(1, bytesPerLine)
        self.progress = progress
        let variables = header.map { codebook.variable(named: $0)?.asRead }
        let order = codebook.variables.map { variable in header.firstIndex(of: variable.name)! }
        self.variables = variables
        self.order = order
        plans = variables.map { ColumnPlan($0, delimiter: delimiter) }
        idColumns = order.enumerated().filter { variables[$0.element]?.kind == .id }.map { position, column in
            (column, position, IDHashes())
        }
        nextOffset = dataStart
        nextLine = 2
    }

    /// Delivers every block to `body` from `concurrency` threads; the rows and blocks delivered.
    func run(concurrency: Int, _ body: @Sendable (DatasetBlock) throws -> Void) throws -> (rowCount: Int, blockCount: Int) {
        DispatchQueue.concurrentPerform(iterations: max(1, concurrency)) { _ in work(body) }
        if let failure { throw failure }
        if idColumns.contains(where: { $0.seen.containsRepeat(concurrency: concurrency) }), let error = sequentialError() { throw error }
        guard rowCount > 0 || source.shard != nil else { throw sequentialError() ?? DataError(file: source.file, line: 1, kind: .headerOnly) }
        return (rowCount, blockCount)
    }

    /// Per ID column (codebook order): its name and the hashes of its non-blank IDs, ascending
    /// (``IDHashes/sorted()``); once ``run(concurrency:_:)`` is done.
    func sortedIDHashes() -> [IDColumnHashes] {
        idColumns.map { IDColumnHashes(name: header[$0.column], hashes: $0.seen.sorted()) }
    }

    /// One worker: cut, parse, check, deliver, until the file is done or the load has failed.
    private func work(_ body: @Sendable (DatasetBlock) throws -> Void) {
        let window = Window()
        while true {
            do {
                guard let block = try cut(into: window) else { return }
                let (dataset, firstLine, hashes) = try parse(block, in: window)
                for (ids, blockHashes) in zip(idColumns, hashes) { ids.seen.add(blockHashes) }
                guard !isStopped else { return }
                try body(DatasetBlock(index: block.index, firstLine: firstLine, dataset: dataset))
                lock.lock()
                rowCount += dataset.rowCount
                blockCount += 1
                lock.unlock()
                progress.add(block.count)
            } catch {
                lock.lock()
                if failure == nil { failure = error }
                stopped = true
                lock.unlock()
                return
            }
        }
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// A block's place in the file; its bytes are the first `count` of the worker's window.
    private struct Block {
        let index: Int
        /// The file line of the block's first line.
        let firstLine: Int
        let count: Int
        /// Lines begun in the block (an upper bound of its records).
        let lines: Int
        /// The rest of the file from the first block with a quote: for the sequential reader only.
        let quoted: Bool
    }

    /// Reads the next block into `window`: the next `rowsPerBlock` lines, or the rest of the file
    /// if they hold a quote; `nil` when the file is done or the load has stopped.
    private func cut(into window: Window) throws -> Block? {
        lock.lock()
        defer { lock.unlock() }
        let remaining = source.size - nextOffset
        guard !stopped, remaining > 0 else { return nil }
        var wanted = Int(min(Double(remaining), Double(rowsPerBlock) * bytesPerLine * 1.05 + 4096))
        var filled = 0, scanned = 0, resume = 0, lines = 0
        var end: Int?
        while end == nil {
            window.reserve(wanted, keeping: filled)
            filled += try source.read(into: UnsafeMutableRawBufferPointer(start: window.base + filled, count: wanted - filled),
                                      at: nextOffset + filled)
            let (found, lineEnd, next) = Self.lineEnds(window.base, from: resume, to: filled, wanted: rowsPerBlock - lines)
            lines += found
            resume = next
            if let lineEnd { scanned = lineEnd }
            if lines == rowsPerBlock {
                end = scanned
            } else if filled == remaining {
                end = filled
            } else {
                wanted = min(remaining, wanted * 2)
            }
        }
        var count = end!
        let quote = memchr(window.base, Int32(CSVReader.quote), count)
        let quoted = quote != nil
        if let quote, source.shard != nil {
            let before = Self.lineEnds(window.base, from: 0, to: UnsafeMutableRawPointer(window.base).distance(to: quote), wanted: .max).found
            throw DataError(file: source.file, line: nextLine + before, kind: .quoteInShard)
        }
        if quoted {
            window.reserve(remaining, keeping: filled)
            filled += try source.read(into: UnsafeMutableRawBufferPointer(start: window.base + filled, count: remaining - filled),
                                      at: nextOffset + filled)
            count = remaining
        }
        let block = Block(index: nextIndex, firstLine: nextLine, count: count, lines: count > scanned ? lines + 1 : lines, quoted: quoted)
        nextIndex += 1
        nextOffset += count
        nextLine += lines
        if lines > 0 { bytesPerLine = Double(scanned) / Double(lines) }
        return block
    }

    /// Counts up to `wanted` line ends (LF) in `base[start..<end]`: 256 bytes at a time (sixteen
    /// 16-byte comparisons summed in byte lanes, then once across the lanes), then byte by byte in
    /// the 256 that hold the last one wanted. Returns how many were found, the offset just past the
    /// last of them (`nil` if none), and where the scan stopped (past the last wanted one, or `end`).
    static func lineEnds(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int, wanted: Int)
        -> (found: Int, lastEnd: Int?, stop: Int) {
        let raw = UnsafeRawPointer(base), newline = SIMD16<UInt8>(repeating: CSVReader.newline)
        var position = start, found = 0
        var lastStretch: Int?   // the last 256 bytes skipped that held a line end
        while position + 256 <= end {
            var lanes = SIMD16<UInt8>.zero
            for offset in stride(from: position, to: position + 256, by: 16) {
                lanes &+= SIMD16<UInt8>.zero.replacing(with: 1, where: raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self) .== newline)
            }
            let count = Int(SIMD16<UInt16>(truncatingIfNeeded: lanes).wrappedSum())
            if found + count >= wanted { break }
            if count > 0 { lastStretch = position }
            found += count
            position += 256
        }
        var lastEnd: Int?
        while position < end && found < wanted {
            if base[position] == CSVReader.newline {
                found += 1
                lastEnd = position + 1
            }
            position += 1
        }
        if lastEnd == nil, let stretch = lastStretch {
            lastEnd = (stretch..<(stretch + 256)).last { base[$0] == CSVReader.newline }! + 1
        }
        return (found, lastEnd, position)
    }

    /// The block's rows, the file line of its first row, and per ID column the hashes of its IDs.
    /// Throws the file's first error if the block has one.
    private func parse(_ block: Block, in window: Window) throws -> (Dataset, Int, [[UInt64]]) {
        if !block.quoted, let chunk = ChunkParser.parse(window.base, count: block.count, lines: block.lines, plans: plans,
                                                                   delimiter: delimiter, keepingText: keepingTextCells) {
            let columns = order.map { chunk.column($0, variable: variables[$0]!) }
            return (Dataset(file: source.file, rowCount: chunk.rows, columns: columns),
                    chunk.rows > 0 ? block.firstLine + chunk.linesBeforeFirstRow : block.firstLine, idColumns.map { Array(chunk.idHashes($0.column)) })
        }
        do {
            let reader = try CSVReader(lines: Array(UnsafeBufferPointer(start: window.base, count: block.count)),
                                       file: source.file, delimiter: delimiter, firstLine: block.firstLine)
            let (dataset, firstLine) = try Dataset.readRecords(reader: reader, header: header, codebook: codebook)
            let hashes = idColumns.map { IDHashes.hashes(of: dataset.columns[$0.position]) }
            return (dataset, firstLine ?? block.firstLine, hashes)
        } catch {
            throw sequentialError() ?? error
        }
    }

    /// The whole file's first error by the sequential reader, or `nil` if it has none. Asked once
    /// (it holds the whole file in memory), on the rare paths that need it.
    private func sequentialError() -> Error? {
        verdictLock.lock()
        defer { verdictLock.unlock() }
        if verdict == nil {
            verdict = Result { _ = try Dataset.loadSequentially(reader: source.wholeFile(), codebook: codebook) }
        }
        if case .failure(let error) = verdict { return error }
        return nil
    }

    /// A worker's buffer for its block's bytes, with eight readable bytes beyond its capacity.
    private final class Window {
        private(set) var base = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
        private var capacity = 0

        deinit { base.deallocate() }

        /// Room for `count` bytes, keeping the first `kept`.
        func reserve(_ count: Int, keeping kept: Int) {
            guard count > capacity else { return }
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: count + 8)
            larger.initialize(from: base, count: kept)
            (larger + kept).initialize(repeating: 0, count: count + 8 - kept)
            base.deallocate()
            base = larger
            capacity = count
        }
    }
}
