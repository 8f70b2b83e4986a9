import Foundation
import MessageText
import SurveyData

/// Redacted copies of transcripts and of CSV files of segments or open answers (`paradox redact`):
/// the same ``TextRedaction`` as the report's quotes, and a review log of what was replaced where
/// (file, line, place, kind and length, never the value). The input is only read.
public enum FileRedaction {
    /// One replaced piece of personal data.
    public struct Replacement: Sendable, Equatable {
        /// The input file, as given.
        public var file: String
        /// 1-based line of the file.
        public var line: Int
        /// For a CSV file, the column's name; `nil` for a transcript.
        public var field: String?
        /// 1-based character position in the line (in the cell for a CSV file).
        public var position: Int
        public var kind: PersonalDataKind
        /// Characters replaced.
        public var characters: Int
    }

    public struct RedactedFile: Sendable {
        public var content: Data
        public var replacements: [Replacement]
    }

    /// A transcript (or any text file): every line redacted (`names` too, ``RedactionNames``), line
    /// ends and everything else kept byte for byte.
    /// - Throws: ``RedactionError``.
    public static func redactText(at url: URL, shown: String, names: RedactionNames = .none) throws -> RedactedFile {
        let text = try readText(url, shown: shown)
        let found = TextRedaction.find(in: text, names: names)
        return RedactedFile(content: Data(TextRedaction.replace(found, in: text).utf8),
                            replacements: found.map { replacement($0, file: shown, line: $0.line + 1, field: nil, position: $0.column + 1) })
    }

    /// A CSV file: the cells of `columns` (every column when empty) redacted, the header and the
    /// other cells kept, the non-blank cells of the ID column `ids` names replaced by their keyed
    /// pseudonyms; written with the file's delimiter, quotes where a cell needs them (RFC 4180) and
    /// LF line ends.
    /// - Throws: the reader's `DataError`s (file, line, column); ``RedactionError/unknownColumn(file:name:available:)``.
    public static func redactCSV(at url: URL, shown: String, columns: [String],
                                 ids: (column: String, pseudonym: Pseudonym)? = nil, names known: RedactionNames = .none) throws -> RedactedFile {
        let bytes = try readBytes(url, shown: shown)
        let reader = try CSVReader(bytes: bytes, file: shown)
        let delimiter = Character(Unicode.Scalar(reader.delimiter))
        var header: [String]?, redacted: Set<Int> = [], idIndex: Int?
        var output = "", replacements: [Replacement] = []
        try reader.forEachRecord { record in
            let cells = (0..<record.count).map(record.string)
            guard let names = header else {
                header = cells
                if let unknown = (columns + (ids.map { [$0.column] } ?? [])).first(where: { !cells.contains($0) }) {
                    throw RedactionError.unknownColumn(file: shown, name: unknown, available: cells)
                }
                idIndex = ids.flatMap { ids in cells.firstIndex(of: ids.column) }
                redacted = Set(cells.indices.filter { (columns.isEmpty || columns.contains(cells[$0])) && $0 != idIndex })
                output += line(cells, delimiter: delimiter)
                return
            }
            output += line(cells.indices.map { index in
                if index == idIndex, let ids, !cells[index].allSatisfy(\.isWhitespace) { return ids.pseudonym.of(cells[index]) }
                guard redacted.contains(index) else { return cells[index] }
                return redact(cells[index], names: known, file: shown, line: record.line(ofField: index),
                              field: index < names.count ? names[index] : "column \(index + 1)", into: &replacements)
            }, delimiter: delimiter)
        }
        return RedactedFile(content: Data(output.utf8), replacements: replacements)
    }

    /// The review log as CSV: `file,line,field,position,kind,characters`.
    public static func log(_ replacements: [Replacement]) -> String {
        var log = "file,line,field,position,kind,characters\n"
        for r in replacements {
            log += line([r.file, String(r.line), r.field ?? "", String(r.position), r.kind.rawValue, String(r.characters)], delimiter: ",")
        }
        return log
    }

    /// `text` (a cell) redacted, with a replacement logged for each piece (1-based characters of the cell).
    private static func redact(_ text: String, names: RedactionNames, file: String, line: Int, field: String?,
                               into replacements: inout [Replacement]) -> String {
        let found = TextRedaction.find(in: text, names: names)
        replacements += found.map { replacement($0, file: file, line: line, field: field, position: $0.characters.lowerBound + 1) }
        return TextRedaction.replace(found, in: text)
    }

    private static func replacement(_ piece: TextRedaction.Piece, file: String, line: Int, field: String?, position: Int) -> Replacement {
        Replacement(file: file, line: line, field: field, position: position, kind: piece.kind,
                    characters: piece.characters.count)
    }

    /// One CSV line: a cell quoted when it holds the delimiter, a quote or a line break.
    private static func line(_ cells: [String], delimiter: Character) -> String {
        cells.map { cell in
            needsQuotes(cell, delimiter: delimiter) ? "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : cell
        }.joined(separator: String(delimiter)) + "\n"
    }

    /// Whether `cell` holds the delimiter, a quote or a line break (as `Character`s; in an ASCII cell
    /// every byte is one, but CR LF, which is a line break as CR and LF are).
    private static func needsQuotes(_ cell: String, delimiter: Character) -> Bool {
        let utf8 = cell.utf8
        guard utf8.contains(where: { $0 >= 0x80 }) else {
            return utf8.contains { $0 == delimiter.asciiValue || $0 == UInt8(ascii: "\"") || (0x0A...0x0D).contains($0) }
        }
        return cell.contains(where: { $0 == delimiter || $0 == "\"" || $0.isNewline })
    }

    private static func readBytes(_ url: URL, shown: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: url.path) else { throw RedactionError.unreadable(file: shown) }
        return [UInt8](data)
    }

    private static func readText(_ url: URL, shown: String) throws -> String {
        let bytes = try readBytes(url, shown: shown)
        if let offset = bytes.withUnsafeBufferPointer(firstInvalidUTF8Offset) {
            throw RedactionError.notUTF8(file: shown, line: bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) })
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Why `paradox redact` cannot redact a file.
public enum RedactionError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String)
    /// A names file (`--names`) that cannot be read.
    case unreadableNames(file: String)
    case notUTF8(file: String, line: Int)
    case unknownColumn(file: String, name: String, available: [String])
    /// `--id-key-env` names an environment variable that is not set.
    case missingKey(variable: String)

    public var description: String {
        switch self {
        case .unreadable(let file):
            return "\(Excerpt.excerpt(file)): cannot be read (expected a transcript or CSV file you may read)"
        case .unreadableNames(let file):
            return "\(Excerpt.excerpt(file)): cannot be read (expected a UTF-8 file of names, one a line)"
        case .notUTF8(let file, let line):
            return "\(Excerpt.excerpt(file)):\(line): not UTF-8 text (expected a transcript saved as UTF-8)"
        case .unknownColumn(let file, let name, let available):
            return "\(Excerpt.excerpt(file)):1: no column '\(Excerpt.excerpt(name))' (expected one of \(Excerpt.excerptList(available)))"
        case .missingKey(let variable):
            return "--id-key-env: the environment variable \(Excerpt.excerpt(variable)) is not set or empty (expected the key of the pseudonymous IDs, e.g. export \(Excerpt.excerpt(variable))=…)"
        }
    }
}
