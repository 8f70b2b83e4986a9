import SurveyData

/// The responses of a CSV export, gathered record by record after its header rows: each column's
/// ``ColumnProfile`` and the records copied into the plain data file.
struct ExportTable {
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

    /// Adds one response; a record with another number of fields is an error at its line.
    mutating func add(_ record: CSVRecord, reader: CSVReader) throws {
        guard record.count == width else {
            throw ImportError(file: reader.file, line: record.line, kind: .raggedRow(expected: width, found: record.count))
        }
        for index in 0..<width { profiles[index].add(record, index) }
        try writer.append(record, count: keptColumns, delimiter: reader.delimiter)
        rowCount += 1
        if firstLine == nil { firstLine = record.line }
    }

    /// ``ImportedSurvey/lineShift`` of the data file written.
    var lineShift: Int { (firstLine ?? 2) - 2 }

    /// The data file's bytes when kept in memory; after writing the rest to a file destination, none.
    mutating func finish() throws -> [UInt8] {
        try writer.flush(closing: true)
        return writer.bytes
    }
}
