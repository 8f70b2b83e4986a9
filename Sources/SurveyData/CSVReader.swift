import Foundation

/// A byte-level RFC 4180 reader: quoted fields with delimiters, doubled quotes and line breaks
/// inside, CRLF or LF line ends, a UTF-8 byte-order mark, a missing final newline, blank lines
/// skipped. The delimiter (comma, semicolon or tab) is detected from the header line unless given.
///
/// The whole file is validated as UTF-8 once, then scanned byte by byte without building a
/// `String` per cell: records are handed to a closure as spans into the file's bytes.
public struct CSVReader: Sendable {
    public let file: String
    public let delimiter: UInt8
    let bytes: [UInt8]
    /// Offset of the first byte after a byte-order mark.
    let start: Int
    /// The file line of the first byte: 1, or later for a reader of lines cut from a file.
    let firstLine: Int

    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")

    /// Reads the file at `url`.
    public init(contentsOf url: URL, delimiter: UInt8? = nil) throws {
        let display = url.path
        guard let bytes = Self.contents(of: url.path) else {
            throw DataError(file: display, kind: .unreadable(reason: "no such file, or no permission to read it"))
        }
        try self.init(bytes: bytes, file: display, delimiter: delimiter)
    }

    /// The file's bytes, read straight into one array (no intermediate `Data`, so a big file is held
    /// once); a big file in pieces on all cores, so that the fresh pages are zeroed and filled in parallel.
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(status.st_size)
        let pieces = max(1, min(ProcessInfo.processInfo.activeProcessorCount, size / (16 << 20)))
        let bounds = (0...pieces).map { size * $0 / pieces }
        // Bytes read from the start of each piece (fewer than its length when the file ended early), -1 on an error.
        var got = [Int](repeating: 0, count: pieces)
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            got.withUnsafeMutableBufferPointer { results in
                nonisolated(unsafe) let slots = results
                DispatchQueue.concurrentPerform(iterations: pieces) { piece in
                    var done = 0
                    while bounds[piece] + done < bounds[piece + 1] {
                        let read = pread(descriptor, base + bounds[piece] + done, bounds[piece + 1] - bounds[piece] - done, off_t(bounds[piece] + done))
                        if read < 0 { done = -1 }
                        if read <= 0 { break }
                        done += read
                    }
                    slots[piece] = done
                }
            }
            guard !got.contains(-1) else { return }
            // The bytes up to the first piece that ended early, as one pass reading to the end would get.
            for piece in 0..<pieces {
                count = bounds[piece] + got[piece]
                if count < bounds[piece + 1] { break }
            }
        }
        return got.contains(-1) ? nil : bytes
    }

    /// The first line's fields (trimmed) and the offset after its line end, for a first line that
    /// is not blank, has no quotes and is valid UTF-8; `nil` otherwise (then only ``forEachRecord(_:)``
    /// of a reader of the whole file reads it right). `bytes` holds at least that line and its line end.
    static func plainFirstLine(of bytes: [UInt8], from start: Int, delimiter: UInt8) -> (fields: [String], end: Int)? {
        var end = start
        while end < bytes.count && bytes[end] != newline && bytes[end] != carriageReturn {
            if bytes[end] == quote { return nil }
            end += 1
        }
        let valid = bytes.withUnsafeBufferPointer { firstInvalidUTF8Offset(UnsafeBufferPointer(rebasing: $0[start..<end])) == nil }
        guard valid else { return nil }
        let fields = bytes[start..<end].split(separator: delimiter, omittingEmptySubsequences: false).map {
            String(decoding: $0.drop { $0 == 0x20 || $0 == 0x09 }.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed(), as: UTF8.self)
        }
        guard fields.count > 1 || !(fields.first ?? "").isEmpty else { return nil }
        if end < bytes.count && bytes[end] == carriageReturn { end += 1 }
        if end < bytes.count && bytes[end] == newline { end += 1 }
        return (fields, end)
    }

    /// - Parameters:
    ///   - bytes: the file's content.
    ///   - file: the name used in error messages.
    ///   - delimiter: `,`, `;` or tab; detected from the header line when `nil`.
    public init(bytes: [UInt8], file: String, delimiter: UInt8? = nil) throws {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        try Self.validateUTF8(bytes, from: start, file: file, delimiter: delimiter ?? UInt8(ascii: ","), firstLine: 1)
        if bytes[start...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == Self.newline || $0 == Self.carriageReturn }) {
            throw DataError(file: file, kind: .emptyFile)
        }
        self.init(validated: bytes, file: file, delimiter: delimiter ?? Self.detectDelimiter(bytes, from: start), start: start, firstLine: 1)
    }

    /// A reader of whole lines cut from a file after its header (no byte-order mark, possibly only
    /// blank lines), numbering them from `firstLine`, the file line of the first byte.
    init(lines bytes: [UInt8], file: String, delimiter: UInt8, firstLine: Int) throws {
        try Self.validateUTF8(bytes, from: 0, file: file, delimiter: delimiter, firstLine: firstLine)
        self.init(validated: bytes, file: file, delimiter: delimiter, start: 0, firstLine: firstLine)
    }

    private init(validated bytes: [UInt8], file: String, delimiter: UInt8, start: Int, firstLine: Int) {
        self.file = file
        self.bytes = bytes
        self.delimiter = delimiter
        self.start = start
        self.firstLine = firstLine
    }

    /// Throws ``DataError/Kind/invalidUTF8`` at the line and field of the first byte that is not UTF-8.
    private static func validateUTF8(_ bytes: [UInt8], from start: Int, file: String, delimiter: UInt8, firstLine: Int) throws {
        guard let invalid = bytes.withUnsafeBufferPointer({ firstInvalidUTF8Offset($0) }) else { return }
        let (line, column) = lineAndField(of: invalid, in: bytes, from: start, delimiter: delimiter, firstLine: firstLine)
        throw DataError(file: file, line: line, column: column, kind: .invalidUTF8)
    }

    /// The candidate (comma, semicolon, tab) that occurs most often outside quotes in the first line.
    static func detectDelimiter(_ bytes: [UInt8], from start: Int) -> UInt8 {
        let candidates: [UInt8] = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var inQuotes = false
        for byte in bytes[start...] {
            if byte == quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if byte == newline || byte == carriageReturn { break }
            if let k = candidates.firstIndex(of: byte) { counts[k] += 1 }
        }
        let best = counts.indices.max { counts[$0] < counts[$1] }!
        return counts[best] > 0 ? candidates[best] : candidates[0]
    }

    /// The 1-based line and field of byte `offset`, for messages about bytes the scanner never reached.
    private static func lineAndField(of offset: Int, in bytes: [UInt8], from start: Int, delimiter: UInt8, firstLine: Int) -> (Int, Int) {
        var line = firstLine, field = 1, inQuotes = false
        for byte in bytes[start..<offset] {
            if byte == quote { inQuotes.toggle() }
            if byte == newline { line += 1; if !inQuotes { field = 1 } }
            if byte == delimiter && !inQuotes { field += 1 }
        }
        return (line, field)
    }

    /// Calls `body` once per record (header included), in file order. The record's spans are valid
    /// only during the call.
    public func forEachRecord(_ body: (CSVRecord) throws -> Void) throws {
        _ = try forEachRecord(from: firstRecord) { record in
            try body(record)
            return true
        }
    }

    /// Where the first record starts: after a byte-order mark, on the reader's first line.
    public var firstRecord: CSVPosition { CSVPosition(offset: start, line: firstLine) }

    /// Calls `body` once per record from `origin` (where a record starts) up to byte offset `limit`
    /// (the file's end when `nil`), in file order, while `body` returns `true`; returns the position
    /// after the last record read. The bytes up to `limit` are read as if the file ended there: a
    /// quoted field still open at `limit` is an unterminated quote.
    public func forEachRecord(from origin: CSVPosition, to limit: Int? = nil, while body: (CSVRecord) throws -> Bool) throws -> CSVPosition {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return origin }
            let end = min(limit ?? buffer.count, buffer.count)
            let delimiter = self.delimiter
            var spans: [CSVRecord.Span] = []
            spans.reserveCapacity(64)
            var line = origin.line
            var position = origin.offset
            while position < end {
                let recordLine = line
                spans.removeAll(keepingCapacity: true)
                fields: while true {
                    let fieldLine = line
                    if position < end && base[position] == Self.quote {
                        position += 1
                        let fieldStart = position
                        var escaped = false
                        while true {
                            guard position < end else {
                                throw DataError(file: file, line: fieldLine, column: spans.count + 1, kind: .unterminatedQuote)
                            }
                            let byte = base[position]
                            if byte == Self.quote {
                                if position + 1 < end && base[position + 1] == Self.quote {
                                    escaped = true
                                    position += 2
                                    continue
                                }
                                break
                            }
                            if byte == Self.newline { line += 1 }
                            position += 1
                        }
                        spans.append(.init(start: fieldStart, end: position, line: fieldLine, quoted: true, escaped: escaped))
                        position += 1
                        while position < end && (base[position] == 0x20 || base[position] == 0x09) && base[position] != delimiter { position += 1 }
                        if position < end, base[position] != delimiter, base[position] != Self.newline, base[position] != Self.carriageReturn {
                            var stop = position
                            while stop < end && base[stop] != delimiter && base[stop] != Self.newline && base[stop] != Self.carriageReturn { stop += 1 }
                            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<stop]), as: UTF8.self)
                            throw DataError(file: file, line: line, column: spans.count, kind: .textAfterClosingQuote(text))
                        }
                    } else {
                        let fieldStart = position
                        while position < end {
                            let byte = base[position]
                            if byte == delimiter || byte == Self.newline || byte == Self.carriageReturn { break }
                            position += 1
                        }
                        spans.append(.init(start: fieldStart, end: position, line: fieldLine, quoted: false, escaped: false))
                    }
                    if position < end && base[position] == delimiter {
                        position += 1
                        continue fields
                    }
                    break fields
                }
                if position < end && base[position] == Self.carriageReturn { position += 1 }
                if position < end && base[position] == Self.newline { position += 1 }
                line += 1
                if spans.count == 1 && !spans[0].quoted && Self.isBlank(base, spans[0]) { continue }
                let goesOn = try spans.withUnsafeBufferPointer { spanBuffer in
                    try body(CSVRecord(base: base, spans: spanBuffer, line: recordLine))
                }
                if !goesOn { return CSVPosition(offset: position, line: line) }
            }
            return CSVPosition(offset: position, line: line)
        }
    }

    private static func isBlank(_ base: UnsafePointer<UInt8>, _ span: CSVRecord.Span) -> Bool {
        (span.start..<span.end).allSatisfy { base[$0] == 0x20 || base[$0] == 0x09 }
    }
}

/// A place in a CSV file where a record starts: its byte offset and its file line.
public struct CSVPosition: Sendable, Equatable {
    public let offset: Int
    public let line: Int

    public init(offset: Int, line: Int) {
        self.offset = offset
        self.line = line
    }
}

/// One record of a CSV file: spans into the file's bytes, valid only inside ``CSVReader/forEachRecord(_:)``.
public struct CSVRecord {
    // Usable from inlinable code: importers call the accessors below for every cell.
    @usableFromInline
    struct Span {
        @usableFromInline var start: Int
        @usableFromInline var end: Int
        var line: Int
        @usableFromInline var quoted: Bool
        /// Contains doubled quotes that must be collapsed.
        @usableFromInline var escaped: Bool
    }

    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let spans: UnsafeBufferPointer<Span>
    /// 1-based line on which the record starts.
    public let line: Int

    public var count: Int { spans.count }

    /// 1-based line on which field `index` starts (differs from ``line`` after a quoted line break).
    public func line(ofField index: Int) -> Int { spans[index].line }

    /// The field's bytes with surrounding spaces removed (quotes already stripped). For fields with
    /// doubled quotes use ``string(_:)``.
    @inlinable
    public func trimmedBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        let span = spans[index]
        var lower = span.start, upper = span.end
        while lower < upper && (base[lower] == 0x20 || base[lower] == 0x09) { lower += 1 }
        while upper > lower && (base[upper - 1] == 0x20 || base[upper - 1] == 0x09) { upper -= 1 }
        return UnsafeBufferPointer(start: base + lower, count: upper - lower)
    }

    /// The longest run of plain fields from `index` up to `limit` — unquoted, holding no quote and
    /// no surrounding spaces, so that their bytes as the file holds them, delimiters included, are
    /// their texts exactly —: those bytes and the index after the run (`index`, and no bytes, when
    /// field `index` is not plain).
    public func plainRun(from index: Int, upTo limit: Int) -> (bytes: UnsafeBufferPointer<UInt8>, end: Int) {
        var end = index
        while end < min(limit, spans.count) {
            let span = spans[end]
            if span.quoted { break }
            if span.end > span.start {
                let first = base[span.start], last = base[span.end - 1]
                if first == 0x20 || first == 0x09 || last == 0x20 || last == 0x09 { break }
            }
            end += 1
        }
        guard end > index else { return (UnsafeBufferPointer(start: base, count: 0), index) }
        let start = spans[index].start
        // A quote in an unquoted field ends the run before that field.
        if let quote = memchr(base + start, Int32(CSVReader.quote), spans[end - 1].end - start) {
            let offset = base.distance(to: quote.assumingMemoryBound(to: UInt8.self))
            end = index
            while spans[end].end < offset { end += 1 }
            guard end > index else { return (UnsafeBufferPointer(start: base, count: 0), index) }
        }
        return (UnsafeBufferPointer(start: base + start, count: spans[end - 1].end - start), end)
    }

    /// A quoted field's text as bytes (those between its quotes), when it holds no doubled quotes
    /// to collapse; `nil` for an unquoted field (its text is ``trimmedBytes(_:)``) or one with them.
    @inlinable
    public func quotedBytes(_ index: Int) -> UnsafeBufferPointer<UInt8>? {
        let span = spans[index]
        guard span.quoted && !span.escaped else { return nil }
        return UnsafeBufferPointer(start: base + span.start, count: span.end - span.start)
    }

    /// Whether the field holds doubled quotes (so ``trimmedBytes(_:)`` is not its text).
    public func hasEscapedQuotes(_ index: Int) -> Bool { spans[index].escaped }

    /// Whether the field was quoted (so its surrounding spaces are part of its text).
    @inlinable
    public func isQuoted(_ index: Int) -> Bool { spans[index].quoted }

    /// The field as text: doubled quotes collapsed; unquoted fields trimmed of surrounding spaces.
    public func string(_ index: Int) -> String {
        let span = spans[index]
        let raw = span.quoted ? UnsafeBufferPointer(start: base + span.start, count: span.end - span.start) : trimmedBytes(index)
        let text = String(decoding: raw, as: UTF8.self)
        return span.escaped ? text.replacingOccurrences(of: "\"\"", with: "\"") : text
    }
}
