import Foundation

/// A small RFC 4180 CSV reader for the participants and human-coding files: quoted fields with
/// `""` escapes and embedded line breaks, CRLF or LF line ends, a header row.
struct CSVTable {
    var header: [String]
    /// Data rows with the (1-based) file line each starts on.
    var rows: [(line: Int, fields: [String])]

    static func read(contentsOf url: URL) throws -> CSVTable {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw CSVError.unreadable(file: url.path, reason: FileManager.default.fileExists(atPath: url.path) ? "not readable as UTF-8 text" : "no such file")
        }
        return try parse(text, file: url.path)
    }

    static func parse(_ text: String, file: String) throws -> CSVTable {
        var records: [(Int, [String])] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = text.unicodeScalars.first == "\u{FEFF}" ? { _ = scalars.next(); return scalars.next() }() : scalars.next()
        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append((recordLine, fields)) }
            fields = []; field = ""; fieldWasQuoted = false
        }
        while let scalar = pending {
            pending = scalars.next()
            if inQuotes {
                if scalar == "\"" {
                    if pending == "\"" { field.unicodeScalars.append("\""); pending = scalars.next() } else { inQuotes = false }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty else { throw CSVError.malformed(file: file, line: line, expected: "a quote only at the start of a field") }
                inQuotes = true; fieldWasQuoted = true
            case ",":
                fields.append(field); field = ""; fieldWasQuoted = false
            case "\r":
                if pending == "\n" { pending = scalars.next() }
                endRecord(); line += 1; recordLine = line
            case "\n":
                endRecord(); line += 1; recordLine = line
            default:
                if fieldWasQuoted { throw CSVError.malformed(file: file, line: line, expected: "a comma or line end after a closing quote") }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw CSVError.malformed(file: file, line: line, expected: "a closing quote before the end of the file") }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        guard let first = records.first else { throw CSVError.malformed(file: file, line: 1, expected: "a header row") }
        let header = first.1.map { $0.trimmingCharacters(in: .whitespaces) }
        for (recordLine, fields) in records.dropFirst() where fields.count != header.count {
            throw CSVError.malformed(file: file, line: recordLine, expected: "\(header.count) fields as in the header, found \(fields.count)")
        }
        return CSVTable(header: header, rows: records.dropFirst().map { (line: $0.0, fields: $0.1) })
    }

    /// Index of the first header column whose name (case-insensitive) is one of `names`.
    func column(_ names: [String]) -> Int? {
        header.firstIndex { name in names.contains { $0.caseInsensitiveCompare(name) == .orderedSame } }
    }
}

/// A CSV file (participants, human coding) that cannot be used; names the file and line.
public enum CSVError: Error, CustomStringConvertible, Equatable {
    case unreadable(file: String, reason: String)
    case malformed(file: String, line: Int, expected: String)
    case missingColumn(file: String, expected: String)
    case unknownValue(file: String, line: Int, value: String, expected: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason): return "\(file): cannot read: \(reason)"
        case let .malformed(file, line, expected): return "\(file):\(line): expected \(expected)"
        case let .missingColumn(file, expected): return "\(file):1: expected a header column \(expected)"
        case let .unknownValue(file, line, value, expected): return "\(file):\(line): unknown '\(value)', expected \(expected)"
        }
    }
}
