import Foundation
import SurveyData

/// Appends records to UTF-8 CSV bytes (comma-separated, LF line ends): a field is quoted (its quotes
/// doubled) only when it holds a comma, a quote, a line break or surrounding spaces, so plain cells
/// stay as they were. With a sink, the bytes go to a file whenever a megabyte has gathered.
public struct CSVLineWriter {
    public private(set) var bytes: [UInt8] = []
    private let sink: (handle: FileHandle, path: String)?
    private static let chunk = 1 << 20

    init(sink: (handle: FileHandle, path: String)?) {
        self.sink = sink
    }

    /// A writer that keeps its bytes in memory (``bytes``).
    public init() {
        self.init(sink: nil)
    }

    /// A writer that keeps its bytes in memory, with room for `capacity` of them (one allocation
    /// instead of a doubling series of fresh pages).
    init(capacity: Int) {
        self.init(sink: nil)
        bytes.reserveCapacity(capacity)
    }

    public mutating func append<S: Sequence>(_ fields: S) throws where S.Element == String {
        var first = true
        for field in fields {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            append(field: field)
        }
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= Self.chunk { try flush() }
    }

    /// Appends fields `0..<count` of `record`, read from a file separated by `delimiter`: runs of plain
    /// cells of a comma-separated file (``SurveyData/CSVRecord/plainRun(from:upTo:)``) are copied byte
    /// for byte, as is any other unquoted cell without a quote; any other cell as its text (taken from
    /// the bytes between a quoted cell's quotes unless doubled quotes must be collapsed).
    public mutating func append(_ record: CSVRecord, count: Int, delimiter: UInt8) throws {
        var index = 0
        while index < count {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            if delimiter == UInt8(ascii: ",") {
                let run = record.plainRun(from: index, upTo: count)
                if run.end > index {
                    bytes.append(contentsOf: run.bytes)
                    index = run.end
                    continue
                }
            }
            let raw = record.trimmedBytes(index)
            if delimiter == UInt8(ascii: ","), !record.isQuoted(index), !raw.contains(UInt8(ascii: "\"")) {
                bytes.append(contentsOf: raw)
            } else if let text = record.quotedBytes(index) {
                append(fieldBytes: text)
            } else {
                append(field: record.string(index))
            }
            index += 1
        }
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= Self.chunk { try flush() }
    }

    /// Appends a field's bytes (valid UTF-8), quoted if need be, after a delimiter unless it is the record's first.
    mutating func append(field utf8: UnsafeBufferPointer<UInt8>, first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        append(fieldBytes: utf8)
    }

    /// Appends a whole number as a field, after a delimiter unless it is the record's first.
    mutating func append(integer value: Int, first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
        if (0..<10).contains(value) { return bytes.append(UInt8(ascii: "0") + UInt8(value)) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                digits[start] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// Appends text as a field, after a delimiter unless it is the record's first.
    mutating func append(text: String, first: Bool) {
        var text = text
        text.withUTF8 { append(field: $0, first: first) }
    }

    /// Appends an empty field, after a delimiter unless it is the record's first.
    mutating func appendBlank(first: Bool) {
        if !first { bytes.append(UInt8(ascii: ",")) }
    }

    /// Appends a number as ``SurveyData/MissingCode/format(_:)`` writes it, after a delimiter unless it is the record's first.
    @inline(__always)
    mutating func append(number: Double, first: Bool) {
        // Whole when truncation keeps it (a conversion, where `rounded()` is a call into libm).
        if abs(number) < 1e15, Double(Int(number)) == number { return append(integer: Int(number), first: first) }
        append(text: String(number), first: first)
    }

    /// Ends the record begun by ``append(field:first:)`` and ``append(integer:first:)``.
    mutating func endRecord() throws {
        bytes.append(UInt8(ascii: "\n"))
        if bytes.count >= Self.chunk { try flush() }
    }

    /// Drops everything written so far (the file emptied), to write it again.
    mutating func restart() throws {
        bytes.removeAll(keepingCapacity: true)
        guard let sink else { return }
        do {
            try sink.handle.truncate(atOffset: 0)
        } catch {
            throw ImportError(file: sink.path, kind: .unwritable(reason: "\(error.localizedDescription)"))
        }
    }

    /// Appends whole lines already written by another writer (``bytes``).
    mutating func append(lines: [UInt8]) throws {
        guard let sink else { return bytes.append(contentsOf: lines) }
        try flush()
        do {
            try sink.handle.write(contentsOf: lines)
        } catch {
            throw ImportError(file: sink.path, kind: .unwritable(reason: "\(error.localizedDescription)"))
        }
    }

    /// Writes what has gathered to the sink (and closes it when `closing`); without a sink the bytes stay.
    mutating func flush(closing: Bool = false) throws {
        guard let sink else { return }
        do {
            try sink.handle.write(contentsOf: bytes)
            if closing { try sink.handle.close() }
        } catch {
            throw ImportError(file: sink.path, kind: .unwritable(reason: "\(error.localizedDescription)"))
        }
        bytes.removeAll(keepingCapacity: true)
    }

    private mutating func append(field: String) {
        var field = field
        field.withUTF8 { append(fieldBytes: $0) }
    }

    private mutating func append(fieldBytes utf8: UnsafeBufferPointer<UInt8>) {
        let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }
            || utf8.first == 0x20 || utf8.last == 0x20 || utf8.first == 0x09 || utf8.last == 0x09
        guard needsQuotes else { bytes.append(contentsOf: utf8); return }
        bytes.append(UInt8(ascii: "\""))
        for byte in utf8 {
            if byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
