import CReadStat
import Foundation
import SurveyData

/// An SPSS (.sav, .zsav) or Stata (.dta) file as ReadStat reports it: its variables with their
/// labels, measurement levels, value labels and missing-value definitions, and what was observed in
/// their cells; the cells themselves are written row by row to a ``CSVLineWriter`` as they are read,
/// never held.
///
/// The only Swift file that calls ReadStat: its callbacks fill one ``Collector`` through the
/// parser's context pointer, and its status codes become ``ImportError``s.
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
        var observed: Set<Double> = []
        var observedAll = true
        /// The user-missing values that occur (values of the ranges).
        var observedMissing: Set<Double> = []
        /// The Stata extended missing values that occur.
        var letters: Set<Character> = []

        func isUserMissing(_ value: Double) -> Bool { missingRanges.contains { $0.contains(value) } }
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
    static func read(_ url: URL, format: Format, writingTo writer: inout CSVLineWriter) throws -> StatisticalFile {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ImportError(file: url.path, kind: .unreadable(reason: "no such file, or no permission to read it"))
        }
        let collector = Collector(writer: writer, stata: format == .stata)
        guard let parser = readstat_parser_init() else {
            throw ImportError(file: url.path, kind: .unreadable(reason: "ReadStat could not start a parser"))
        }
        defer { readstat_parser_free(parser) }
        readstat_set_metadata_handler(parser, { metadata, context in
            let collector = Collector.from(context)
            collector.file.label = string(readstat_get_file_label(metadata))
            let rows = Int(readstat_get_row_count(metadata))
            if rows > 0 { collector.expectedRows = rows }
            return Int32(READSTAT_HANDLER_OK)
        })
        readstat_set_variable_handler(parser, { _, variable, labelSet, context in
            guard let variable else { return Int32(READSTAT_HANDLER_ABORT) }
            let collector = Collector.from(context)
            collector.file.columns.append(StatisticalFile.column(variable, labelSet: labelSet, stata: collector.stata))
            return Int32(READSTAT_HANDLER_OK)
        })
        readstat_set_fweight_handler(parser, { variable, context in
            Collector.from(context).file.weight = variable.map { string(readstat_variable_get_name($0)) }
            return Int32(READSTAT_HANDLER_OK)
        })
        readstat_set_value_label_handler(parser, { labelSet, value, label, context in
            let collector = Collector.from(context)
            collector.file.labelSets[string(labelSet), default: []].append((StatisticalFile.labelValue(value), string(label)))
            return Int32(READSTAT_HANDLER_OK)
        })
        readstat_set_value_handler(parser, { row, variable, value, context in
            guard let variable else { return Int32(READSTAT_HANDLER_ABORT) }
            return Collector.from(context).add(row: Int(row), column: Int(readstat_variable_get_index(variable)), value) ? 
                Int32(READSTAT_HANDLER_OK) : Int32(READSTAT_HANDLER_ABORT)
        })
        readstat_set_error_handler(parser, { message, context in
            Collector.from(context).message = string(message)
        })
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let status = url.path.withCString { path in
            format == .spss ? readstat_parse_sav(parser, path, context) : readstat_parse_dta(parser, path, context)
        }
        withExtendedLifetime(collector) {}
        writer = collector.writer
        if let failure = collector.failure { throw failure }
        guard status == READSTAT_OK else {
            var reason = "ReadStat: \(string(readstat_error_message(status)))"
            if let message = collector.message, !message.isEmpty { reason += " (\(ImportError.bounded(message.trimmingCharacters(in: .whitespacesAndNewlines))))" }
            let expected = collector.expectedRows.map { " of \($0)" } ?? ""
            if let last = collector.lastColumn {
                reason += "; stopped after row \(collector.file.rowCount)\(expected), variable \(ImportError.bounded(last))"
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
    private final class Collector {
        var file = StatisticalFile()
        var writer: CSVLineWriter
        let stata: Bool
        var expectedRows: Int?
        var message: String?
        /// A write to the data file that failed (the parse is then aborted).
        var failure: Error?
        /// The variable of the last cell read, for messages about a file that ends early.
        var lastColumn: String?
        /// The cells of the row being read, as written in the data file.
        private var cells: [String] = []

        init(writer: CSVLineWriter, stata: Bool) {
            self.writer = writer
            self.stata = stata
        }

        static func from(_ context: UnsafeMutableRawPointer?) -> Collector {
            Unmanaged<Collector>.fromOpaque(context!).takeUnretainedValue()
        }

        /// Takes one cell, in row order; `false` (abort) for a cell of a column or row ReadStat did
        /// not announce, or when the data file cannot be written.
        func add(row: Int, column: Int, _ value: readstat_value_t) -> Bool {
            guard file.columns.indices.contains(column), column == cells.count, row == file.rowCount else { return false }
            lastColumn = file.columns[column].name
            cells.append(text(of: value, column: column))
            guard cells.count == file.columns.count else { return true }
            do {
                if row == 0 { try writer.append(file.columns.map(\.name)) }
                try writer.append(cells)
            } catch {
                failure = error
                return false
            }
            cells.removeAll(keepingCapacity: true)
            file.rowCount += 1
            return true
        }

        /// The cell as written in the data file, noting what it holds in the column's observations:
        /// a number as its shortest text, a date as ISO 8601, an extended missing value as `.a`,
        /// system-missing blank.
        private func text(of value: readstat_value_t, column index: Int) -> String {
            Self.text(of: value, column: &file.columns[index], stata: stata)
        }

        /// ``text(of:column:)`` on the column itself: one access to the collector's state per cell
        /// (an access per use of `file.columns[index]` was a tenth of an import's time).
        private static func text(of value: readstat_value_t, column: inout StatisticalFile.Column, stata: Bool) -> String {
            if column.isText {
                return readstat_value_is_system_missing(value) != 0 ? "" : string(readstat_string_value(value))
            }
            if readstat_value_is_tagged_missing(value) != 0 {
                let letter = Character(UnicodeScalar(UInt8(bitPattern: readstat_value_tag(value))))
                column.letters.insert(letter)
                return ".\(letter)"
            }
            if readstat_value_is_system_missing(value) != 0 { return "" }
            let number = readstat_double_value(value)
            guard number.isFinite else { return "" }
            if column.isUserMissing(number) {
                column.observedMissing.insert(number)
                return MissingCode.format(number)
            }
            if column.observedAll {
                column.observed.insert(number)
                if column.observed.count > StatisticalFile.observedLimit {
                    column.observedAll = false
                    column.observed = []
                }
            }
            if let date = column.date { return date.text(number, stata: stata) ?? MissingCode.format(number) }
            return MissingCode.format(number)
        }
    }
}

/// The text of a C string ReadStat returned; empty for a null pointer.
private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: strlen($0)), as: UTF8.self) } ?? ""
}
