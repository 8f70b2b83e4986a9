import Foundation

/// The fast path of ``Dataset/load(reader:codebook:concurrency:progress:)`` for well-formed files:
/// the data rows are cut into chunks at line breaks, and the chunks are parsed on all cores straight
/// into column buffers (Likert cells one byte each), without spans, closures or `String`s per cell.
///
/// It handles what survey exports usually hold: unquoted fields, LF or CRLF line ends, blank lines,
/// blank/`NA` cells, whole-number Likert answers, user-missing codes, categorical levels as written,
/// plain numbers, respondent IDs. Anything else — a quote anywhere in the file, a Likert answer
/// written as its label, a ragged row, an invalid value, a duplicate ID — makes it return `nil`, and
/// the caller reads the file again with the sequential reader, which gives the exact error (file,
/// line, column, value) or the same dataset. Without quotes every line break ends a record, so the
/// chunks start at record boundaries and their order is the file's.
struct ParallelColumnLoader {
    let reader: CSVReader
    let header: [String]
    let variables: [Variable?]
    let concurrency: Int

    static let minimumChunkBytes = 1 << 20

    /// How one column of the file is decoded (a class, so that the hot loop passes a reference
    /// instead of copying its arrays cell by cell).
    final class Plan: @unchecked Sendable {
        enum Kind { case skip, likert, numeric, categorical, text, id }
        var kind: Kind
        var missingValues: [Double]
        var range: ClosedRange<Int> = 0...0
        /// For a one-byte Likert cell: its code, or −1 to take the general path.
        var oneByteCode = [Int8](repeating: -1, count: 256)
        /// The digits `"a"…"b"` whose one-byte code is their value, when those are all of them
        /// (e.g. `"1"…"5"`): such cells can be checked and decoded several at a time.
        var digitRange: ClosedRange<UInt8>?
        /// Categorical level keys (values and labels as bytes) with their level index.
        var levelKeys: [([UInt8], Int32)] = []

        init(_ variable: Variable?) {
            missingValues = variable?.missingCodes.map(\.value) ?? []
            switch variable?.kind {
            case nil: kind = .skip
            case .likert(let scale):
                kind = .likert
                range = scale.range
                let digits = scale.range.filter { (0...9).contains($0) && !missingValues.contains(Double($0)) }
                for value in digits { oneByteCode[48 + value] = Int8(value) }
                if let first = digits.first, let last = digits.last, digits.count == last - first + 1 {
                    digitRange = UInt8(48 + first)...UInt8(48 + last)
                }
            case .numeric: kind = .numeric
            case .categorical(let levels, _):
                kind = .categorical
                var lookup: [String: Int32] = [:]  // the sequential reader's precedence
                for (index, level) in levels.enumerated().reversed() {
                    lookup[level.label] = Int32(index)
                    lookup[level.value] = Int32(index)
                }
                levelKeys = lookup.map { (Array($0.key.utf8), $0.value) }.sorted { $0.1 < $1.1 }
            case .id: kind = .id
            case .text: kind = .text
            }
        }
    }

    /// Reads the data rows (after the header, which ends at `dataStart`), or `nil` if the file needs
    /// the sequential reader.
    func load(dataStart: Int, progress: LoadProgress?) -> (rowCount: Int, columns: [Int: DataColumn])? {
        reader.bytes.withUnsafeBufferPointer { buffer -> (Int, [Int: DataColumn])? in
            guard let base = buffer.baseAddress else { return nil }
            let end = buffer.count
            if dataStart < end, memchr(base + dataStart, Int32(CSVReader.quote), end - dataStart) != nil { return nil }
            let plans = variables.map(Plan.init)
            let bounds = chunkBounds(base, from: dataStart, to: end)
            let chunkCount = bounds.count - 1
            let chunks = UnsafeMutableBufferPointer<ChunkColumns?>.allocate(capacity: chunkCount)
            chunks.initialize(repeating: nil)
            defer { chunks.deinitialize(); chunks.deallocate() }
            let done = ProgressCounter(total: end - reader.start, progress: progress)
            done.add(dataStart - reader.start)
            DispatchQueue.concurrentPerform(iterations: chunkCount) { k in
                chunks[k] = ChunkColumns.parse(base, from: bounds[k], to: bounds[k + 1], plans: plans, delimiter: reader.delimiter)
                done.add(bounds[k + 1] - bounds[k])
            }
            let parsed = chunks.compactMap { $0 }
            guard parsed.count == chunkCount else { return nil }
            return assemble(parsed, plans: plans)
        }
    }

    /// Chunk starts: about `concurrency × 4` equal pieces, each moved to just after a line break.
    private func chunkBounds(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int) -> [Int] {
        let pieces = concurrency <= 1 ? 1 : max(1, min(concurrency * 4, (end - start) / Self.minimumChunkBytes))
        var bounds = [start]
        for k in 1..<max(pieces, 1) {
            var position = max(start + (end - start) * k / pieces, bounds.last!)
            if let newline = memchr(base + position, Int32(CSVReader.newline), end - position) {
                position = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            } else {
                position = end
            }
            if position > bounds.last! && position < end { bounds.append(position) }
        }
        bounds.append(end)
        return bounds
    }

    /// Joins the chunks' buffers into one column per variable; `nil` on a duplicate respondent ID.
    private func assemble(_ chunks: [ChunkColumns], plans: [Plan]) -> (Int, [Int: DataColumn])? {
        let rowCount = chunks.reduce(0) { $0 + $1.rows }
        var columns: [Int: DataColumn] = [:]
        for (index, plan) in plans.enumerated() where plan.kind != .skip {
            let variable = variables[index]!
            func joined<T>(_ buffers: (ChunkColumns) -> UnsafeMutablePointer<T>?) -> [T] {
                [T](unsafeUninitializedCapacity: rowCount) { target, count in
                    for chunk in chunks {
                        (target.baseAddress! + count).initialize(from: buffers(chunk)!, count: chunk.rows)
                        count += chunk.rows
                    }
                }
            }
            let texts = plan.kind == .text || plan.kind == .id ? chunks.flatMap { $0.texts[index] } : []
            if plan.kind == .id, !Self.allDistinct(texts, hashes: chunks.flatMap { $0.idHashes }) { return nil }
            let values = ColumnValues(
                variable.kind,
                likert: plan.kind == .likert ? joined { $0.likert[index] } : [],
                numbers: plan.kind == .numeric ? joined { $0.numbers[index] } : [],
                levels: plan.kind == .categorical ? joined { $0.levels[index] } : [],
                texts: texts)
            let userMissing = chunks.reduce(into: [Int](repeating: 0, count: plan.missingValues.count)) { sum, chunk in
                for (k, count) in chunk.userMissing[index].enumerated() { sum[k] += count }
            }
            columns[index] = DataColumn(variable: variable, position: index + 1, values: values,
                                        blank: chunks.reduce(0) { $0 + $1.blank[index] }, userMissing: userMissing)
        }
        return (rowCount, columns)
    }

    /// Whether the non-blank IDs are distinct: an open-addressing table of row numbers keyed by the
    /// IDs' FNV-1a hashes, strings compared only when hashes agree.
    static func allDistinct(_ ids: [String], hashes: [UInt64]) -> Bool {
        var size = 16
        while size < ids.count * 2 { size <<= 1 }
        var table = [Int32](repeating: -1, count: size)
        let mask = UInt64(size - 1)
        for row in ids.indices where !ids[row].isEmpty {
            var slot = Int(hashes[row] & mask)
            while table[slot] >= 0 {
                let other = Int(table[slot])
                if hashes[other] == hashes[row] && ids[other] == ids[row] { return false }
                slot = (slot + 1) & Int(mask)
            }
            table[slot] = Int32(row)
        }
        return true
    }
}

/// Progress of loading: bytes read so far and the file's size; called from worker threads.
public typealias LoadProgress = @Sendable (_ bytesRead: Int, _ totalBytes: Int) -> Void

/// Sums the bytes the chunks have read and reports the total.
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var read = 0
    let total: Int
    let progress: LoadProgress?

    init(total: Int, progress: LoadProgress?) {
        self.total = total
        self.progress = progress
    }

    func add(_ bytes: Int) {
        guard let progress else { return }
        lock.lock()
        read += bytes
        let now = read
        lock.unlock()
        progress(now, total)
    }
}
