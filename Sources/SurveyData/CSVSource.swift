import Foundation

/// The bytes of a CSV file as the block loader reads them: piece by piece from the file (`pread`,
/// so that the file is never held whole), or from a ``CSVReader`` that already holds them.
final class CSVSource: @unchecked Sendable {
    /// The name used in error messages.
    let file: String
    let size: Int
    /// The delimiter given by the caller (or the reader's), `nil` to detect it from the header line.
    let delimiter: UInt8?
    private let storage: Storage

    private enum Storage {
        case file(descriptor: Int32, url: URL)
        case memory(CSVReader)
    }

    /// Opens the file at `url`; a missing or unreadable file is the same error as ``CSVReader/init(contentsOf:delimiter:)``'s.
    init(contentsOf url: URL, delimiter: UInt8?) throws {
        file = url.path
        self.delimiter = delimiter
        let descriptor = open(url.path, O_RDONLY)
        var status = stat()
        guard descriptor >= 0, fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            if descriptor >= 0 { close(descriptor) }
            throw DataError(file: url.path, kind: .unreadable(reason: "no such file, or no permission to read it"))
        }
        size = Int(status.st_size)
        storage = .file(descriptor: descriptor, url: url)
    }

    init(reader: CSVReader) {
        file = reader.file
        size = reader.bytes.count
        delimiter = reader.delimiter
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
            return wanted
        case .file(let descriptor, _):
            var count = 0
            while count < wanted {
                let got = pread(descriptor, target.baseAddress! + count, wanted - count, off_t(offset + count))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    throw DataError(file: file, kind: .unreadable(reason: got < 0 ? String(cString: strerror(errno)) : "the file became shorter while it was read"))
                }
                count += got
            }
            return count
        }
    }

    /// The first `count` bytes (fewer if the file is shorter).
    func prefix(_ count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: min(count, size)) { buffer, initialized in
            initialized = try read(into: UnsafeMutableRawBufferPointer(buffer), at: 0)
        }
    }

    /// A reader of the whole file, for the sequential reader (this holds the whole file in memory).
    func wholeFile() throws -> CSVReader {
        switch storage {
        case .memory(let reader): return reader
        case .file(_, let url): return try CSVReader(contentsOf: url, delimiter: delimiter)
        }
    }
}
