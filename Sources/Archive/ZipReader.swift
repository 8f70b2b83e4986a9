import CZlib
import Foundation
import MessageText

/// Reads entries of a ZIP archive from untrusted bytes: stored or deflated entries, no encryption,
/// no ZIP64, every inflated byte counted against a budget so that a ZIP bomb stops with an error
/// rather than filling memory.
///
/// Format: PKWARE APPNOTE.TXT 6.3.10 — the end-of-central-directory record (§4.3.16) is found in the
/// last 65,557 bytes, the central directory (§4.3.12) lists the entries, and each entry's data follows
/// its local file header (§4.3.7). Deflated data (method 8, RFC 1951) is inflated by zlib in raw mode.
/// An entry's CRC-32 and its declared size are checked: an entry may not inflate beyond the size its
/// directory record declares, nor the archive beyond ``maximumInflatedBytes`` in all.
public struct ZipReader {
    /// One entry of the central directory.
    public struct Entry: Sendable, Equatable {
        /// The name as stored, with `\` (written by some Windows tools) turned into `/`.
        public var name: String
        var method: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// The file the bytes came from, for messages.
    public let file: String
    public let entries: [Entry]
    /// Bytes all reads together may inflate to.
    public let maximumInflatedBytes: Int
    private let bytes: [UInt8]
    private var inflatedBytes = 0

    /// 1 GiB: far beyond any project of transcripts, far below what a ZIP bomb inflates to.
    public static let defaultMaximumInflatedBytes = 1 << 30

    public init(data: Data, file: String, maximumInflatedBytes: Int = ZipReader.defaultMaximumInflatedBytes) throws {
        self.file = file
        self.bytes = [UInt8](data)
        self.maximumInflatedBytes = maximumInflatedBytes
        self.entries = try Self.centralDirectory(of: bytes, file: file)
    }

    public init(contentsOf url: URL, maximumInflatedBytes: Int = ZipReader.defaultMaximumInflatedBytes) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ZipError.unreadable(file: url.path, reason: FileManager.default.fileExists(atPath: url.path) ? "not readable" : "no such file")
        }
        try self.init(data: data, file: url.path, maximumInflatedBytes: maximumInflatedBytes)
    }

    /// The entry named `name`, compared exactly and then ignoring case (tools differ on `sources/` vs `Sources/`).
    public func entry(named name: String) -> Entry? {
        entries.first { $0.name == name } ?? entries.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The inflated bytes of `entry`, its CRC-32 checked.
    public mutating func contents(of entry: Entry) throws -> Data {
        let header = entry.localHeaderOffset
        guard let signature = Self.uint32(bytes, at: header), signature == 0x04034B50,
              let nameLength = Self.uint16(bytes, at: header + 26), let extraLength = Self.uint16(bytes, at: header + 28) else {
            throw ZipError.corrupt(file: file, entry: entry.name, expected: "a local file header at byte \(header)")
        }
        let start = header + 30 + Int(nameLength) + Int(extraLength)
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else {
            throw ZipError.corrupt(file: file, entry: entry.name, expected: "\(entry.compressedSize) bytes of data after its header (the archive is truncated)")
        }
        let budget = maximumInflatedBytes - inflatedBytes
        guard entry.uncompressedSize <= budget else {
            throw ZipError.tooLarge(file: file, entry: entry.name, limit: maximumInflatedBytes)
        }
        let compressed = bytes[start..<(start + entry.compressedSize)]
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw ZipError.corrupt(file: file, entry: entry.name, expected: "equal sizes for a stored entry")
            }
            output = Array(compressed)
        case 8:
            output = try inflate(compressed, entry: entry)
        default:
            throw ZipError.unsupported(file: file, entry: entry.name, feature: "compression method \(entry.method) (only stored and deflate are read)")
        }
        guard CRC32.checksum(output) == entry.crc else {
            throw ZipError.corrupt(file: file, entry: entry.name, expected: "data matching its CRC-32")
        }
        inflatedBytes += output.count
        return Data(output)
    }

    /// Raw inflate of `input` in 64 KiB steps, refusing output beyond the entry's declared size.
    private func inflate(_ input: ArraySlice<UInt8>, entry: Entry) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ZipError.corrupt(file: file, entry: entry.name, expected: "zlib to start (out of memory)")
        }
        defer { inflateEnd(&stream) }
        var input = Array(input)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status = Z_OK
        input.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = UInt32(source.count)
            // Stops at the end of the stream, on an error, or once the output passes the declared size.
            while status == Z_OK && output.count <= entry.uncompressedSize {
                status = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = UInt32(target.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                output += chunk[0..<(chunk.count - Int(stream.avail_out))]
            }
        }
        if output.count > entry.uncompressedSize {
            throw ZipError.corrupt(file: file, entry: entry.name, expected: "at most the \(entry.uncompressedSize) bytes its directory record declares")
        }
        guard status == Z_STREAM_END else {
            let reason = status == Z_DATA_ERROR ? "valid deflate data" : "complete deflate data (the entry is truncated)"
            throw ZipError.corrupt(file: file, entry: entry.name, expected: reason)
        }
        guard output.count == entry.uncompressedSize else {
            throw ZipError.corrupt(file: file, entry: entry.name, expected: "the \(entry.uncompressedSize) bytes its directory record declares, got \(output.count)")
        }
        return output
    }

    private static func centralDirectory(of bytes: [UInt8], file: String) throws -> [Entry] {
        // The end record is 22 bytes plus a comment of at most 65,535 bytes.
        let lowest = max(0, bytes.count - 22 - 65_535)
        var end: Int?
        var position = bytes.count - 22
        while position >= lowest {
            if uint32(bytes, at: position) == 0x06054B50 { end = position; break }
            position -= 1
        }
        guard let end, let count = uint16(bytes, at: end + 10), let size = uint32(bytes, at: end + 12),
              let offset = uint32(bytes, at: end + 16) else {
            throw ZipError.notAnArchive(file: file)
        }
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            throw ZipError.unsupported(file: file, entry: nil, feature: "ZIP64 (an archive of more than 65,535 entries or 4 GiB)")
        }
        guard Int(offset) <= bytes.count, Int(size) <= bytes.count - Int(offset) else {
            throw ZipError.corrupt(file: file, entry: nil, expected: "a central directory inside the file (the archive is truncated)")
        }
        var entries: [Entry] = []
        var record = Int(offset)
        for _ in 0..<Int(count) {
            guard uint32(bytes, at: record) == 0x02014B50, let flags = uint16(bytes, at: record + 8),
                  let method = uint16(bytes, at: record + 10), let crc = uint32(bytes, at: record + 16),
                  let compressed = uint32(bytes, at: record + 20), let uncompressed = uint32(bytes, at: record + 24),
                  let nameLength = uint16(bytes, at: record + 28), let extraLength = uint16(bytes, at: record + 30),
                  let commentLength = uint16(bytes, at: record + 32), let local = uint32(bytes, at: record + 42),
                  record + 46 + Int(nameLength) <= bytes.count else {
                throw ZipError.corrupt(file: file, entry: nil, expected: "central directory record \(entries.count + 1) of \(count) at byte \(record)")
            }
            let name = String(decoding: bytes[(record + 46)..<(record + 46 + Int(nameLength))], as: UTF8.self)
                .replacingOccurrences(of: "\\", with: "/")
            if flags & 1 != 0 { throw ZipError.unsupported(file: file, entry: name, feature: "encryption") }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw ZipError.unsupported(file: file, entry: name, feature: "ZIP64 (an entry of 4 GiB or more)")
            }
            entries.append(Entry(name: name, method: method, crc: crc, compressedSize: Int(compressed),
                                 uncompressedSize: Int(uncompressed), localHeaderOffset: Int(local)))
            record += 46 + Int(nameLength) + Int(extraLength) + Int(commentLength)
        }
        return entries
    }

    private static func uint16(_ bytes: [UInt8], at offset: Int) -> UInt16? {
        guard offset >= 0, offset <= bytes.count - 2 else { return nil }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    private static func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32? {
        guard offset >= 0, offset <= bytes.count - 4 else { return nil }
        return (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[offset + $1]) << (8 * $1) }
    }
}

/// A ZIP archive that cannot be read.
public enum ZipError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    /// No end-of-central-directory record: not a ZIP archive.
    case notAnArchive(file: String)
    case corrupt(file: String, entry: String?, expected: String)
    case unsupported(file: String, entry: String?, feature: String)
    /// Inflating would pass the reader's budget (a ZIP bomb, or an archive far larger than any project).
    case tooLarge(file: String, entry: String, limit: Int)

    public var description: String {
        func place(_ file: String, _ entry: String?) -> String { entry.map { "\(file): entry '\(Excerpt.excerpt($0))'" } ?? file }
        switch self {
        case let .unreadable(file, reason): return "\(file): \(reason)"
        case let .notAnArchive(file): return "\(file): not a ZIP archive (no end-of-central-directory record), expected a .qdpx project"
        case let .corrupt(file, entry, expected): return "\(place(file, entry)): damaged archive, expected \(expected)"
        case let .unsupported(file, entry, feature): return "\(place(file, entry)): \(feature) is not supported"
        case let .tooLarge(file, entry, limit):
            return "\(place(file, entry)): inflates beyond \(limit / (1 << 20)) MiB for the whole archive, refused (a ZIP bomb or not a project)"
        }
    }
}
