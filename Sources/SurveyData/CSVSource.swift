import Foundation

/// The bytes of a CSV file as the block loader reads them: piece by piece from the file (`pread`,
/// so that the file is never held whole), or from a ``CSVReader`` that already holds them.
///
/// A source of one ``DataShard`` of a file presents its header line followed by the shard's bytes
/// as one virtual file, so that the loader reads a shard as it reads a whole file.
final class CSVSource: @unchecked Sendable {
    /// The name used in error messages.
    let file: String
    /// The size of the (virtual) file.
    let size: Int
    /// The delimiter given by the caller (or the reader's), `nil` to detect it from the header line.
    let delimiter: UInt8?
    /// For a shard: where its bytes are in the real file.
    let shard: ShardRange?
    private let storage: Storage

    private enum Storage {
        case file(descriptor: Int32, url: URL)
        case memory(CSVReader)
    }

    /// A shard's place in the real file: the header is `0..<headerEnd`, the shard `start..<end`.
    /// Virtual offset v is real offset v in the header, `start + (v − headerEnd)` after it.
    struct ShardRange {
        let shard: DataShard
        let headerEnd: Int
        let start: Int
        let end: Int
    }

    /// Opens the file at `url`; a missing or unreadable file is the same error as ``CSVReader/init(contentsOf:delimiter:)``'s.
    /// With `shard`, the source is the header line and that shard's bytes (``DataShard``); the
    /// header ends at its first line end outside quotes. (A file whose lines end in a lone CR has
    /// no LF to cut at: its first shard holds every line.)
    init(contentsOf url: URL, delimiter: UInt8?, shard: DataShard? = nil) throws {
        file = url.path
        self.delimiter = delimiter
        let descriptor = open(url.path, O_RDONLY)
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            if descriptor >= 0 { close(descriptor) }
            throw DataError(file: url.path, kind: .unreadable(reason: "no such file, or no permission to read it"))
        }
        storage = .file(descriptor: descriptor, url: url)
        let fileSize = Int(status.st_size)
        guard let shard else {
            size = fileSize
            self.shard = nil
            return
        }
        do {
            func lineEnd(from offset: Int, header: Bool) throws -> Int {
                try Self.lineEnd(descriptor: descriptor, file: url.path, size: fileSize, from: offset, header: header)
            }
            let headerEnd = try lineEnd(from: 0, header: true)
            func cut(_ k: Int) throws -> Int {
                try shard.cut(k, size: fileSize, headerEnd: headerEnd) { try lineEnd(from: $0, header: false) }
            }
            let range = ShardRange(shard: shard, headerEnd: headerEnd, start: try cut(shard.index - 1), end: try cut(shard.index))
            self.shard = range
            size = headerEnd + range.end - range.start
        } catch {
            close(descriptor)
            throw error
        }
    }

    init(reader: CSVReader) {
        file = reader.file
        size = reader.bytes.count
        delimiter = reader.delimiter
        shard = nil
        storage = .memory(reader)
    }

    deinit {
        if case .file(let descriptor, _) = storage { close(descriptor) }
    }

    /// Copies the bytes from `offset` into `target`, as many as fit and exist (fewer only at the end of the file).
    func read(into target: UnsafeMutableRawBufferPointer, at offset: Int) throws -> Int {
        let wanted = min(target.count, max(0, size - offset))
        guard wanted > 0 else { return 0 }
        switch storage {
        case .memory(let reader):
            reader.bytes.withUnsafeBytes { target.baseAddress!.copyMemory(from: $0.baseAddress! + offset, byteCount: wanted) }
        case .file:
            guard let shard else {
                try readFile(into: target.baseAddress!, count: wanted, at: offset)
                break
            }
            let fromHeader = max(0, min(wanted, shard.headerEnd - offset))
            if fromHeader > 0 { try readFile(into: target.baseAddress!, count: fromHeader, at: offset) }
            if wanted > fromHeader {
                try readFile(into: target.baseAddress! + fromHeader, count: wanted - fromHeader,
                             at: shard.start + offset + fromHeader - shard.headerEnd)
            }
        }
        return wanted
    }

    /// Reads exactly `count` bytes of the real file from `offset`.
    private func readFile(into target: UnsafeMutableRawPointer, count: Int, at offset: Int) throws {
        guard case .file(let descriptor, _) = storage else { return }
        try Self.readFile(descriptor: descriptor, file: file, into: target, count: count, at: offset)
    }

    private static func readFile(descriptor: Int32, file: String, into target: UnsafeMutableRawPointer, count wanted: Int, at offset: Int) throws {
        var count = 0
        while count < wanted {
            let got = pread(descriptor, target + count, wanted - count, off_t(offset + count))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else {
                throw DataError(file: file, kind: .unreadable(reason: got < 0 ? String(cString: strerror(errno)) : "the file became shorter while it was read"))
            }
            count += got
        }
    }

    /// The offset just after the first LF at or after `offset` of a file of `size` bytes, or `size`
    /// if there is none. For the `header` (from offset 0): the first line end outside quotes, CR LF,
    /// LF or a lone CR (as ``CSVReader`` ends lines). Reads 64 KiB at a time.
    private static func lineEnd(descriptor: Int32, file: String, size: Int, from offset: Int, header: Bool) throws -> Int {
        var buffer = [UInt8](repeating: 0, count: (1 << 16) + 1)
        var position = offset, quoted = false
        while position < size {
            // One byte more than is scanned, to see whether a CR is followed by an LF.
            let count = min(buffer.count, size - position)
            try buffer.withUnsafeMutableBytes { try readFile(descriptor: descriptor, file: file, into: $0.baseAddress!, count: count, at: position) }
            let scanned = min(count, buffer.count - 1)
            for index in 0..<scanned {
                let byte = buffer[index]
                if byte == CSVReader.newline && !quoted { return position + index + 1 }
                guard header else { continue }
                if byte == CSVReader.quote { quoted.toggle() }
                if byte == CSVReader.carriageReturn && !quoted {
                    return position + index + (index + 1 < count && buffer[index + 1] == CSVReader.newline ? 2 : 1)
                }
            }
            position += scanned
        }
        return size
    }

    /// The LFs of the real file between the header and the shard's first byte: what a line number
    /// past the header in the shard's virtual file is shifted by to be the real file's. Reads those
    /// bytes once (64 KiB at a time, `memchr` over them), for error messages only.
    func lineEndsBeforeShard() throws -> Int {
        guard let shard else { return 0 }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var position = shard.headerEnd, lines = 0
        while position < shard.start {
            let count = min(buffer.count, shard.start - position)
            try buffer.withUnsafeMutableBytes { raw in
                try readFile(into: raw.baseAddress!, count: count, at: position)
                var next = raw.baseAddress!
                let end = next + count
                while next < end, let found = memchr(next, Int32(CSVReader.newline), end - next) {
                    lines += 1
                    next = found + 1
                }
            }
            position += count
        }
        return lines
    }

    /// The first `count` bytes (fewer if the file is shorter).
    func prefix(_ count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: min(count, size)) { buffer, initialized in
            initialized = try read(into: UnsafeMutableRawBufferPointer(buffer), at: 0)
        }
    }

    /// A reader of the whole (virtual) file, for the sequential reader (this holds it in memory).
    func wholeFile() throws -> CSVReader {
        switch storage {
        case .memory(let reader): return reader
        case .file(_, let url):
            guard shard != nil else { return try CSVReader(contentsOf: url, delimiter: delimiter) }
            return try CSVReader(bytes: prefix(size), file: file, delimiter: delimiter)
        }
    }
}
