import CReadStat
import Foundation

/// An SPSS (.sav, .zsav) or Stata (.dta) file as ReadStat reports it: its variables with their
/// labels, measurement levels, value labels and missing-value definitions, and its cells.
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
        /// Numeric cells; NaN where system-missing or an extended missing value (see `letters`).
        var numbers: [Double] = []
        /// Stata extended missing values by row.
        var letters: [Int: Character] = [:]
        var texts: [String] = []
    }

    var label = ""
    var columns: [Column] = []
    var labelSets: [String: [(value: Value, label: String)]] = [:]
    var rowCount = 0
    /// SPSS's frequency-weight variable, if the file names one.
    var weight: String?

    /// Parses the file at `url`; a file ReadStat cannot read is an ``ImportError`` naming the file and
    /// how far the reading got.
    static func read(_ url: URL, format: Format) throws -> StatisticalFile {
        guard FileManager.default.isReadableFile(atPath: url.path) else {
            throw ImportError(file: url.path, kind: .unreadable(reason: "no such file, or no permission to read it"))
        }
        let collector = Collector()
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
            Collector.from(context).file.columns.append(StatisticalFile.column(variable, labelSet: labelSet))
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
    private static func column(_ variable: UnsafeMutablePointer<readstat_variable_t>, labelSet: UnsafePointer<CChar>?) -> Column {
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
        return Column(name: name, label: label.isEmpty ? name : label,
                      isText: readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING,
                      measure: measure, format: string(readstat_variable_get_format(variable)), labelSet: labelSet.map { String(cString: $0) }, missingRanges: ranges)
    }

    private static func labelValue(_ value: readstat_value_t) -> Value {
        if readstat_value_type(value) == READSTAT_TYPE_STRING { return .text(string(readstat_string_value(value))) }
        if readstat_value_is_tagged_missing(value) != 0 { return .letter(Character(UnicodeScalar(UInt8(bitPattern: readstat_value_tag(value))))) }
        return .number(readstat_double_value(value))
    }

    /// The parse's state, reached from ReadStat's callbacks through their context pointer.
    private final class Collector {
        var file = StatisticalFile()
        var expectedRows: Int?
        var message: String?
        /// The variable of the last cell read, for messages about a file that ends early.
        var lastColumn: String?

        static func from(_ context: UnsafeMutableRawPointer?) -> Collector {
            Unmanaged<Collector>.fromOpaque(context!).takeUnretainedValue()
        }

        /// Stores one cell; `false` (abort) for a cell of a column or row ReadStat did not announce.
        func add(row: Int, column: Int, _ value: readstat_value_t) -> Bool {
            guard file.columns.indices.contains(column), row >= 0, row <= file.rowCount else { return false }
            if row == file.rowCount {
                guard column == 0 else { return false }
                file.rowCount += 1
            }
            lastColumn = file.columns[column].name
            if file.columns[column].isText {
                file.columns[column].texts.append(readstat_value_is_system_missing(value) != 0 ? "" : string(readstat_string_value(value)))
            } else if readstat_value_is_tagged_missing(value) != 0 {
                file.columns[column].letters[row] = Character(UnicodeScalar(UInt8(bitPattern: readstat_value_tag(value))))
                file.columns[column].numbers.append(.nan)
            } else {
                file.columns[column].numbers.append(readstat_value_is_system_missing(value) != 0 ? .nan : readstat_double_value(value))
            }
            return true
        }
    }
}

/// The text of a C string ReadStat returned; empty for a null pointer.
private func string(_ pointer: UnsafePointer<CChar>?) -> String {
    pointer.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: strlen($0)), as: UTF8.self) } ?? ""
}
