import ComputeSupport
import CReadStat
import Foundation
import SurveyData

/// An SPSS (.sav, .zsav) or Stata (.dta) file as ReadStat reports it: its variables with their
/// labels, measurement levels, value labels and missing-value definitions, and what was observed in
/// their cells; the cells themselves are written row by row to a ``CSVLineWriter`` as they are read,
/// never held.
///
/// With its extension `StatisticalFile+BufferedInput.swift` (ReadStat's file access), the only
/// Swift file that calls ReadStat: its callbacks fill one ``Collector`` through the parser's context
/// pointer, and its status codes become ``ImportError``s.
struct StatisticalFile {
    enum Format: Sendable {
        case spss, stata
    }

    enum Measure: Sendable {
        case unknown, nominal, ordinal, scale
    }

    /// A value as a value label names it: a number, a Stata extended missing value's letter, or text.
    enum Value: Hashable, Sendable {
        case number(Double)
        case letter(Character)
        case text(String)
    }

    struct Column: Sendable {
        var name: String
        var label: String
        var isText: Bool
        var measure: Measure
        /// The display format: SPSS `F8.2`, `DATETIME20`, `ADATE10`; Stata `%9.0g`, `%td`, `%tc`.
        var format: String
        /// The name of the variable's value-label set, if it has one.
        var labelSet: String?
        /// SPSS user-missing values: each discrete code as a one-value range, and a range.
        var missingRanges: [ClosedRange<Double>]
        /// A date, date-time or time length by its display format.
        var date: StatisticalDate?
        /// The distinct values that are not missing, up to ``observedLimit`` (then `observedAll` is false).
        var observed: Set<Double> { observedOthers.union((0..<64).filter { observedSmall & (1 << $0) != 0 }.map(Double.init)) }
        var observedAll = true
        /// The observed whole numbers 0…63 as bits (most codes; cheaper than a set), and the other values.
        fileprivate var observedSmall: UInt64 = 0
        fileprivate var observedOthers: Set<Double> = []
        /// The user-missing values that occur (values of the ranges).
        var observedMissing: Set<Double> = []
        /// The Stata extended missing values that occur.
        var letters: Set<Character> = []

        func isUserMissing(_ value: Double) -> Bool { missingRanges.contains { $0.contains(value) } }

        /// Notes a value that is not missing; past ``observedLimit`` distinct ones, only that there were more.
        /// (Inlined: it runs for every numeric cell.)
        @inline(__always)
        mutating func observe(_ value: Double) {
            guard observedAll else { return }
            // Whole numbers 0…63 by a conversion (`rounded(.down)` is a call into libm).
            if value >= 0 && value < 64 && Double(Int(value)) == value {
                let bit: UInt64 = 1 << UInt64(Int(value))
                if observedSmall & bit != 0 { return }
                observedSmall |= bit
            } else if !observedOthers.insert(value).inserted {
                return
            }
            if observedSmall.nonzeroBitCount + observedOthers.count > StatisticalFile.observedLimit { forgetObserved() }
        }

        /// Takes in what a later piece of the file observed in the same column.
        mutating func merge(_ later: Column) {
            observedAll = observedAll && later.observedAll
            observedSmall |= later.observedSmall
            observedOthers.formUnion(later.observedOthers)
            if !observedAll || observedSmall.nonzeroBitCount + observedOthers.count > StatisticalFile.observedLimit { forgetObserved() }
            observedMissing.formUnion(later.observedMissing)
            letters.formUnion(later.letters)
        }

        private mutating func forgetObserved() {
            observedAll = false
            observedSmall = 0
            observedOthers = []
        }
    }

    /// More distinct values than this and a column is numeric, not Likert or categorical.
    static let observedLimit = 1_000

    var label = ""
    var columns: [Column] = []
    var labelSets: [String: [(value: Value, label: String)]] = [:]
    var rowCount = 0
    /// SPSS's frequency-weight variable, if the file names one.
    var weight: String?

    /// Parses the file at `url`, writing its header line and rows to `writer`; a file ReadStat cannot
    /// read is an ``ImportError`` naming the file and how far the reading got.
    ///
    /// An uncompressed file of many rows is read in pieces of rows on all cores (ReadStat's row
    /// offset and limit; each piece reads the file's dictionary again) on `concurrency` cores, their
    /// rows written in order while later pieces are read. The pieces of a file whose text is UTF-8
    /// take it from ReadStat unconverted (its conversion from UTF-8 to UTF-8 was a fifth of
    /// ReadStat's time) and check it instead. If a piece fails (or meets text that is not UTF-8), the
    /// whole file is read again in one pass, converting its text, so that an error and the text are
    /// those that pass gets.
    static func read(_ url: URL, format: Format, writingTo writer: inout CSVLineWriter,
                     concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                     minimumPieceRows: Int = minimumPieceRows) throws -> StatisticalFile {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ImportError(file: url.path, kind: .unreadable(reason: "no such file, or no permission to read it"))
        }
        let (pieces, textIsUTF8) = rowPieces(of: url, format: format, concurrency: concurrency, minimumPieceRows: max(1, minimumPieceRows))
        if pieces.count > 1 {
            do {
                return try read(url, format: format, pieces: pieces, rawText: textIsUTF8, concurrency: concurrency, writingTo: &writer)
            } catch {
                try writer.restart()
            }
        }
        return try parse(url, format: format, rows: nil, rawText: false, writingTo: &writer)
    }

    /// Fewer rows than this per piece and a file is read in one pass.
    static let minimumPieceRows = 16_384

    /// The rows of each piece (about sixteen per core, so that a piece's lines are a few megabytes;
    /// at least `minimumPieceRows` each), or none when the file is compressed (its rows cannot be
    /// reached without reading those before), small, or its row count is not known; and whether the
    /// file says its text is UTF-8.
    private static func rowPieces(of url: URL, format: Format, concurrency: Int, minimumPieceRows: Int) -> (rows: [Range<Int>], textIsUTF8: Bool) {
        /// What the file's dictionary says: its rows, whether they are compressed, its text's encoding.
        final class Probe {
            var rows = 0
            var compressed = true
            var textIsUTF8 = false
        }
        guard concurrency > 1, let parser = readstat_parser_init() else { return ([], false) }
        defer { readstat_parser_free(parser) }
        readstat_set_metadata_handler(parser, { metadata, context in
            let probe = Unmanaged<Probe>.fromOpaque(context!).takeUnretainedValue()
            probe.rows = Int(readstat_get_row_count(metadata))
            probe.compressed = readstat_get_compression(metadata) != READSTAT_COMPRESS_NONE
            probe.textIsUTF8 = string(readstat_get_file_encoding(metadata)) == "UTF-8"
            return Int32(READSTAT_HANDLER_OK)
        })
        let probe = Probe()
        let status = withExtendedLifetime(probe) {
            url.path.withCString { path in
                let context = Unmanaged.passUnretained(probe).toOpaque()
                return format == .spss ? readstat_parse_sav(parser, path, context) : readstat_parse_dta(parser, path, context)
            }
        }
        let rows = probe.rows
        guard status == READSTAT_OK, !probe.compressed, rows >= 2 * minimumPieceRows else { return ([], false) }
        let count = min(16 * concurrency, rows / minimumPieceRows)
        return ((0..<count).map { rows * $0 / count..<rows * ($0 + 1) / count }, probe.textIsUTF8)
    }

    /// A piece that ended before its last row (the file's row count was wrong, or it is damaged).
    private struct ShortPiece: Error {}

    /// Reads `pieces` (which tile the rows from 0) on `concurrency` cores and joins them in order,
    /// each piece's rows written while later pieces are read
    /// (``ComputeSupport/forEachProducedInOrder(count:concurrency:window:produce:consume:)``).
    private static func read(_ url: URL, format: Format, pieces: [Range<Int>], rawText: Bool, concurrency: Int,
                             writingTo writer: inout CSVLineWriter) throws -> StatisticalFile {
        var whole: StatisticalFile?
        try forEachProducedInOrder(count: pieces.count, concurrency: concurrency, window: concurrency + 1) { index in
            Result { () throws -> (file: StatisticalFile, bytes: [UInt8]) in
                var piece = CSVLineWriter()
                let file = try parse(url, format: format, rows: pieces[index], rawText: rawText, writingTo: &piece)
                guard file.rowCount == pieces[index].count else { throw ShortPiece() }
                return (file, piece.bytes)
            }
        } consume: { read in
            let piece = try read.get()
            try writer.append(lines: piece.bytes)
            if whole == nil { whole = piece.file } else { whole?.merge(piece.file) }
            return true
        }
        guard let whole else { throw ShortPiece() }
        return whole
    }

    /// Takes in the rows of a later piece of the same file.
    private mutating func merge(_ later: StatisticalFile) {
        rowCount += later.rowCount
        for index in columns.indices where later.columns.indices.contains(index) { columns[index].merge(later.columns[index]) }
    }

    /// One pass of ReadStat over the file, or over `rows` of it (numbered from 0; the header line is
    /// written only with the first row). With `rawText`, ReadStat hands its text unconverted and the
    /// pass stops (an error) at text that is not UTF-8.
    private static func parse(_ url: URL, format: Format, rows: Range<Int>?, rawText: Bool, writingTo writer: inout CSVLineWriter) throws -> StatisticalFile {
        var collector = Collector(writer: writer, stata: format == .stata, writesHeader: (rows?.lowerBound ?? 0) == 0, rawText: rawText)
        guard let parser = readstat_parser_init() else {
            throw ImportError(file: url.path, kind: .unreadable(reason: "ReadStat could not start a parser"))
        }
        defer { readstat_parser_free(parser) }
        let input = UnsafeMutablePointer<BufferedInput>.allocate(capacity: 1)
        input.initialize(to: BufferedInput())
        defer {
            input.pointee.deallocate()
            input.deinitialize(count: 1)
            input.deallocate()
        }
        BufferedInput.install(on: parser, input: input)
        if rawText { readstat_set_handler_character_encoding(parser, nil) }
        if let rows {
            readstat_set_row_offset(parser, rows.lowerBound)
            readstat_set_row_limit(parser, rows.count)
        }
        readstat_set_metadata_handler(parser, { metadata, context in
            let collector = Collector.at(context)
            guard collector.pointee.acceptsText(readstat_get_file_label(metadata)) else { return Int32(READSTAT_HANDLER_ABORT) }
            collector.pointee.file.label = string(readstat_get_file_label(metadata))
            let rows = Int(readstat_get_row_count(metadata))
            if rows > 0 { collector.pointee.expectedRows = rows }
            return Int32(READSTAT_HANDLER_OK)
        })
        readstat_set_variable_handler(parser, { _, variable, labelSet, context in
            guard let variable else { return Int32(READSTAT_HANDLER_ABORT) }
            let collector = Collector.at(context)
            guard collector.pointee.acceptsText(readstat_variable_get_name(variable), readstat_variable_get_label(variable),
                                                readstat_variable_get_format(variable), labelSet) else { return Int32(READSTAT_HANDLER_ABORT) }
            collector.pointee.file.columns.append(StatisticalFile.column(variable, labelSet: labelSet, stata: collector.pointee.stata))
            return Int32(READSTAT_HANDLER_OK)
        })
        readstat_set_fweight_handler(parser, { variable, context in
            Collector.at(context).pointee.file.weight = variable.map { string(readstat_variable_get_name($0)) }
            return Int32(READSTAT_HANDLER_OK)
        })
        readstat_set_value_label_handler(parser, { labelSet, value, label, context in
            let text = readstat_value_type(value) == READSTAT_TYPE_STRING ? readstat_string_value(value) : nil
            guard Collector.at(context).pointee.acceptsText(labelSet, label, text) else { return Int32(READSTAT_HANDLER_ABORT) }
            Collector.at(context).pointee.file.labelSets[string(labelSet), default: []].append((StatisticalFile.labelValue(value), string(label)))
            return Int32(READSTAT_HANDLER_OK)
        })
        readstat_set_value_handler(parser, { row, variable, value, context in
            guard let variable else { return Int32(READSTAT_HANDLER_ABORT) }
            return Collector.at(context).pointee.add(row: Int(row), column: Int(readstat_variable_get_index(variable)), value) ? 
                Int32(READSTAT_HANDLER_OK) : Int32(READSTAT_HANDLER_ABORT)
        })
        readstat_set_error_handler(parser, { message, context in
            Collector.at(context).pointee.message = string(message)
        })
        let status = withUnsafeMutablePointer(to: &collector) { context in
            url.path.withCString { path in
                format == .spss ? readstat_parse_sav(parser, path, context) : readstat_parse_dta(parser, path, context)
            }
        }
        writer = collector.writer
        if let failure = collector.failure { throw failure }
        guard status == READSTAT_OK else {
            var reason = "ReadStat: \(string(readstat_error_message(status)))"
            if let message = collector.message, !message.isEmpty { reason += " (\(ImportError.bounded(message.trimmingCharacters(in: .whitespacesAndNewlines))))" }
            let expected = collector.expectedRows.map { " of \($0)" } ?? ""
            if let last = collector.lastColumn {
                reason += "; stopped after row \(collector.file.rowCount)\(expected), variable \(ImportError.bounded(collector.file.columns[last].name))"
            } else {
                reason += "; stopped before the first row\(expected)"
            }
            reason += " (expected a complete \(format == .spss ? "SPSS .sav/.zsav" : "Stata .dta") file)"
            throw ImportError(file: url.path, kind: .unreadable(reason: reason))
        }
        return collector.file
    }

    /// A column's metadata from ReadStat's variable.
    private static func column(_ variable: UnsafeMutablePointer<readstat_variable_t>, labelSet: UnsafePointer<CChar>?, stata: Bool) -> Column {
        let measure: Measure
        switch readstat_variable_get_measure(variable) {
        case READSTAT_MEASURE_NOMINAL: measure = .nominal
        case READSTAT_MEASURE_ORDINAL: measure = .ordinal
        case READSTAT_MEASURE_SCALE: measure = .scale
        default: measure = .unknown
        }
        let ranges = (0..<max(0, readstat_variable_get_missing_ranges_count(variable))).compactMap { index -> ClosedRange<Double>? in
            let low = readstat_double_value(readstat_variable_get_missing_range_lo(variable, index))
            let high = readstat_double_value(readstat_variable_get_missing_range_hi(variable, index))
            return low <= high ? low...high : nil
        }
        let name = string(readstat_variable_get_name(variable))
        let label = string(readstat_variable_get_label(variable))
        let isText = readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING
        let format = string(readstat_variable_get_format(variable))
        return Column(name: name, label: label.isEmpty ? name : label, isText: isText, measure: measure, format: format,
                      labelSet: labelSet.map { String(cString: $0) }, missingRanges: ranges,
                      date: isText ? nil : StatisticalDate(format: format, stata: stata))
    }

    private static func labelValue(_ value: readstat_value_t) -> Value {
        if readstat_value_type(value) == READSTAT_TYPE_STRING { return .text(string(readstat_string_value(value))) }
        if readstat_value_is_tagged_missing(value) != 0 { return .letter(Character(UnicodeScalar(UInt8(bitPattern: readstat_value_tag(value))))) }
        return .number(readstat_double_value(value))
    }

    /// The parse's state, reached from ReadStat's callbacks through their context pointer.
    private struct Collector {
        var file = StatisticalFile()
        var writer: CSVLineWriter
        let stata: Bool
        var expectedRows: Int?
        var message: String?
        /// A write to the data file that failed (the parse is then aborted).
        var failure: Error?
        /// The column of the last cell read, for messages about a file that ends early.
        var lastColumn: Int?
        /// Whether the header line goes before the first row.
        let writesHeader: Bool
        /// Whether ReadStat hands text unconverted, so that text that is not UTF-8 stops the pass.
        let rawText: Bool
        /// The column of the next cell (cells come row by row, each row's in column order).
        private var nextColumn = 0

        init(writer: CSVLineWriter, stata: Bool, writesHeader: Bool, rawText: Bool) {
            self.writer = writer
            self.stata = stata
            self.writesHeader = writesHeader
            self.rawText = rawText
        }

        /// Whether the pass may go on with these texts of the dictionary: `false` when ReadStat
        /// hands text unconverted and one is not UTF-8.
        func acceptsText(_ texts: UnsafePointer<CChar>?...) -> Bool {
            !rawText || texts.allSatisfy { text in
                text.map { firstInvalidUTF8Offset(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) == nil } ?? true
            }
        }

        /// The collector a callback's context points to (a pointer, not a class: no reference
        /// counting and no run-time exclusivity check per cell).
        static func at(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Collector> {
            context!.assumingMemoryBound(to: Collector.self)
        }

        /// Takes one cell, in row order, and writes it; `false` (abort) for a cell of a column or row
        /// ReadStat did not announce, or when the data file cannot be written.
        mutating func add(row: Int, column: Int, _ value: readstat_value_t) -> Bool {
            guard file.columns.indices.contains(column), column == nextColumn, row == file.rowCount else { return false }
            lastColumn = column
            do {
                if row == 0 && column == 0 && writesHeader { try writer.append(file.columns.map(\.name)) }
                guard Self.write(value, column: &file.columns[column], stata: stata, rawText: rawText, first: column == 0, to: &writer) else { return false }
                nextColumn += 1
                guard nextColumn == file.columns.count else { return true }
                try writer.endRecord()
            } catch {
                failure = error
                return false
            }
            nextColumn = 0
            file.rowCount += 1
            return true
        }

        /// Writes the cell as the data file holds it, noting what it holds in the column's
        /// observations: a number as its shortest text (``SurveyData/MissingCode/format(_:)``), a date
        /// as ISO 8601, an extended missing value as `.a`, system-missing blank; `false` (nothing
        /// written) for text that is not UTF-8 in a pass of unconverted text. (One access to the
        /// collector's state per cell: an access per use of `file.columns[index]` was a tenth of an
        /// import's time.)
        private static func write(_ value: readstat_value_t, column: inout StatisticalFile.Column, stata: Bool, rawText: Bool, first: Bool,
                                  to writer: inout CSVLineWriter) -> Bool {
            if column.isText {
                guard readstat_value_is_system_missing(value) == 0, let text = readstat_string_value(value) else {
                    writer.appendBlank(first: first)
                    return true
                }
                let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
                // Valid UTF-8 is copied as it is; anything else goes through a String, which repairs it.
                if firstInvalidUTF8Offset(bytes) == nil {
                    writer.append(field: bytes, first: first)
                } else {
                    guard !rawText else { return false }
                    writer.append(text: string(text), first: first)
                }
                return true
            }
            writeNumber(value, column: &column, stata: stata, first: first, to: &writer)
            return true
        }

        /// ``write(_:column:stata:rawText:first:to:)`` for a cell of a numeric column.
        @inline(__always)
        private static func writeNumber(_ value: readstat_value_t, column: inout StatisticalFile.Column, stata: Bool, first: Bool,
                                        to writer: inout CSVLineWriter) {
            if readstat_value_is_tagged_missing(value) != 0 {
                let letter = Character(UnicodeScalar(UInt8(bitPattern: readstat_value_tag(value))))
                column.letters.insert(letter)
                return writer.append(text: ".\(letter)", first: first)
            }
            let number = readstat_double_value(value)
            guard readstat_value_is_system_missing(value) == 0, number.isFinite else { return writer.appendBlank(first: first) }
            if column.isUserMissing(number) {
                column.observedMissing.insert(number)
                return writer.append(number: number, first: first)
            }
            column.observe(number)
            if let date = column.date, let text = date.text(number, stata: stata) { return writer.append(text: text, first: first) }
            writer.append(number: number, first: first)
        }
    }
}

/// The text of a C string ReadStat returned; empty for a null pointer.
private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: strlen($0)), as: UTF8.self) } ?? ""
}
