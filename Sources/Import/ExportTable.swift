import ComputeSupport
import Foundation
import SurveyData

/// The responses of a CSV export, gathered record by record after its header rows: each column's
/// ``ColumnProfile`` and the records copied into the plain data file.
struct ExportTable {
    /// Bytes of responses per block read on one core (``addRecords(of:from:blockSize:concurrency:)``).
    static let blockSize = 1 << 20

    /// Fields per record, as in the header.
    let width: Int
    /// The columns copied: the first `keptColumns` (an empty trailing column is left out).
    let keptColumns: Int
    private(set) var profiles: [ColumnProfile]
    private(set) var writer: CSVLineWriter
    private(set) var rowCount = 0
    /// The file line of the first response, once one was added.
    private(set) var firstLine: Int?

    /// A table whose data file, written to `destination`, starts with the header line `names`.
    init(width: Int, names: [String], destination: DataDestination) throws {
        self.width = width
        keptColumns = names.count
        profiles = Array(repeating: ColumnProfile(), count: width)
        writer = try destination.writer()
        try writer.append(names)
    }

    /// A table of one block of responses, its lines (about `byteCount` of them) kept in memory
    /// without a header line.
    private init(width: Int, keptColumns: Int, byteCount: Int) {
        self.width = width
        self.keptColumns = keptColumns
        profiles = Array(repeating: ColumnProfile(), count: width)
        writer = CSVLineWriter(capacity: byteCount + byteCount / 8)
    }

    /// Adds one response; a record with another number of fields is an error at its line.
    mutating func add(_ record: CSVRecord, reader: CSVReader) throws {
        guard record.count == width else {
            throw ImportError(file: reader.file, line: record.line, kind: .raggedRow(expected: width, found: record.count))
        }
        profiles.withUnsafeMutableBufferPointer { profiles in
            for index in 0..<width { profiles[index].add(record, index) }
        }
        try writer.append(record, count: keptColumns, delimiter: reader.delimiter)
        rowCount += 1
        if firstLine == nil { firstLine = record.line }
    }

    /// Adds every record of `reader` from `position` on, with the outcome of ``add(_:reader:)`` on
    /// each in turn: the rest of the file is cut into blocks (``SurveyData/CSVReader/blockEnds(from:size:)``),
    /// read on `concurrency` cores into tables of their own, and those are joined (their lines
    /// written) in file order while the blocks after them are read
    /// (``ComputeSupport/forEachProducedInOrder(count:concurrency:window:produce:consume:)``). From the
    /// first block that fails (a bad record, or a cut inside a quoted field) the rest is read record
    /// by record, so an error is the one a single pass throws.
    mutating func addRecords(of reader: CSVReader, from position: CSVPosition, blockSize: Int = blockSize,
                             concurrency: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        let ends = reader.blockEnds(from: position.offset, size: blockSize)
        let ranges = ends.indices.map { ($0 == 0 ? position.offset : ends[$0 - 1])..<ends[$0] }
        let (width, keptColumns) = (width, keptColumns)
        var next = position
        var allRead = true
        try forEachProducedInOrder(count: ranges.count, concurrency: max(1, concurrency), window: 2 * max(1, concurrency)) { index in
            try? Self.block(of: reader, ranges[index], width: width, keptColumns: keptColumns)
        } consume: { block in
            guard let block else {
                allRead = false
                return false
            }
            try append(block.table, startingOn: next.line)
            next = CSVPosition(offset: block.end, line: next.line + block.lines)
            return true
        }
        guard !allRead else { return }
        _ = try reader.forEachRecord(from: next) { record in
            try add(record, reader: reader)
            return true
        }
    }

    /// The table of the records in bytes `range` of `reader`, numbered from line 1, with the offset
    /// after them and the lines they span.
    private static func block(of reader: CSVReader, _ range: Range<Int>, width: Int, keptColumns: Int) throws -> (table: ExportTable, end: Int, lines: Int) {
        var table = ExportTable(width: width, keptColumns: keptColumns, byteCount: range.count)
        let end = try reader.forEachRecord(from: CSVPosition(offset: range.lowerBound, line: 1), to: range.upperBound) { record in
            try table.add(record, reader: reader)
            return true
        }
        return (table, end.offset, end.line - 1)
    }

    /// Joins the table of the block that follows, whose first line is file line `line`.
    private mutating func append(_ block: ExportTable, startingOn line: Int) throws {
        for index in profiles.indices { profiles[index].merge(block.profiles[index]) }
        try writer.append(lines: block.writer.bytes)
        if firstLine == nil, let first = block.firstLine { firstLine = line + first - 1 }
        rowCount += block.rowCount
    }

    /// ``ImportedSurvey/lineShift`` of the data file written.
    var lineShift: Int { (firstLine ?? 2) - 2 }

    /// The data file's bytes when kept in memory; after writing the rest to a file destination, none.
    mutating func finish() throws -> [UInt8] {
        try writer.flush(closing: true)
        return writer.bytes
    }
}
