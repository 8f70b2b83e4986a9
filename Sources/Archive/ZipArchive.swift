import CZlib
import Foundation

/// A ZIP archive of stored (uncompressed) entries, written byte for byte reproducibly: entries in
/// the order added, every time stamp 1980-01-01 00:00, UTF-8 names flagged.
///
/// Format: PKWARE APPNOTE.TXT 6.3.10 — per entry a local file header (§4.3.7), the data, then the
/// central directory (§4.3.12) and the end-of-central-directory record (§4.3.16). Sizes must stay
/// below 4 GiB (no ZIP64).
public struct ZipArchive: Sendable, Equatable {
    public private(set) var entries: [(name: String, data: Data)] = []

    public init() {}

    public mutating func add(_ name: String, data: Data) { entries.append((name, data)) }

    public static func == (lhs: ZipArchive, rhs: ZipArchive) -> Bool {
        lhs.entries.map(\.name) == rhs.entries.map(\.name) && lhs.entries.map(\.data) == rhs.entries.map(\.data)
    }

    /// The archive's bytes.
    public var data: Data {
        var archive = Data()
        var directory = Data()
        for (name, content) in entries {
            let nameBytes = Data(name.utf8)
            let crc = CRC32.checksum(content)
            let offset = UInt32(archive.count)
            archive.appendLittleEndian(UInt32(0x04034B50))
            archive.appendCommonHeader(crc: crc, size: UInt32(content.count), nameLength: UInt16(nameBytes.count))
            archive.append(nameBytes)
            archive.append(content)
            directory.appendLittleEndian(UInt32(0x02014B50))
            directory.appendLittleEndian(UInt16(20))  // made by: version 2.0
            directory.appendCommonHeader(crc: crc, size: UInt32(content.count), nameLength: UInt16(nameBytes.count))
            directory.appendLittleEndian(UInt16(0))   // comment length
            directory.appendLittleEndian(UInt16(0))   // disk number
            directory.appendLittleEndian(UInt16(0))   // internal attributes
            directory.appendLittleEndian(UInt32(0))   // external attributes
            directory.appendLittleEndian(offset)
            directory.append(nameBytes)
        }
        let directoryOffset = UInt32(archive.count)
        archive.append(directory)
        archive.appendLittleEndian(UInt32(0x06054B50))
        archive.appendLittleEndian(UInt16(0))
        archive.appendLittleEndian(UInt16(0))
        archive.appendLittleEndian(UInt16(entries.count))
        archive.appendLittleEndian(UInt16(entries.count))
        archive.appendLittleEndian(UInt32(directory.count))
        archive.appendLittleEndian(directoryOffset)
        archive.appendLittleEndian(UInt16(0))
        return archive
    }

    public func write(to url: URL) throws { try data.write(to: url) }
}

private extension Data {
    mutating func appendLittleEndian<T: FixedWidthInteger>(_ value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    /// The fields shared by local and central headers, from "version needed" to "extra field length".
    mutating func appendCommonHeader(crc: UInt32, size: UInt32, nameLength: UInt16) {
        appendLittleEndian(UInt16(20))      // version needed: 2.0
        appendLittleEndian(UInt16(0x0800))  // flags: names are UTF-8
        appendLittleEndian(UInt16(0))       // method: stored
        appendLittleEndian(UInt16(0))       // time 00:00
        appendLittleEndian(UInt16(0x0021))  // date 1980-01-01
        appendLittleEndian(crc)
        appendLittleEndian(size)            // compressed size
        appendLittleEndian(size)            // uncompressed size
        appendLittleEndian(nameLength)
        appendLittleEndian(UInt16(0))       // extra field length
    }
}

/// CRC-32 as ZIP uses it (ISO 3309 / ITU-T V.42 polynomial 0xEDB88320, reflected), by zlib's `crc32_z`.
enum CRC32 {
    static func checksum<Bytes: ContiguousBytes>(_ bytes: Bytes) -> UInt32 {
        bytes.withUnsafeBytes { raw in
            UInt32(crc32_z(0, raw.bindMemory(to: Bytef.self).baseAddress, raw.count))
        }
    }
}
