import MessageText

/// A problem with a data file, located to its line and column, saying what was found and what was expected.
/// Values and names are quoted through ``Excerpt`` (at most 80 characters each, lists of at most 12).
public struct DataError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based physical line of the file (a quoted field may span lines; this is where the cell starts).
    public let line: Int?
    /// 1-based field position in the record.
    public let column: Int?
    /// The header name of that column, when known.
    public let columnName: String?
    public let kind: Kind

    public init(file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, kind: Kind) {
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.kind = kind
    }

    public enum Kind: Equatable, Sendable {
        case unreadable(reason: String)
        case emptyFile
        case headerOnly
        case invalidUTF8
        case unterminatedQuote
        case textAfterClosingQuote(String)
        case raggedRow(expected: Int, found: Int)
        case duplicateHeader(String)
        case missingColumn(String)
        case notNumeric(value: String, expected: String)
        /// A column used as numeric that was read as another kind (e.g. text, as every `pii` column is).
        case notNumericColumn(kind: String)
        case outOfRange(value: String, expected: String)
        case unknownLevel(value: String, levels: [String])
        case duplicateID(value: String, firstLine: Int)
        case unknownColumn(String, available: [String])
        /// A `"` in the bytes of a ``DataShard``, which is cut at line ends that a quoted field may hold.
        case quoteInShard
    }

    /// The same error with every line after `headerLines` moved down by `lines`: an error in a
    /// shard's virtual file (its header, then its lines) placed in the real file.
    public func shifted(by lines: Int, after headerLines: Int) -> DataError {
        func shift(_ line: Int) -> Int { line > headerLines ? line + lines : line }
        var kind = kind
        if case .duplicateID(let value, let firstLine) = kind { kind = .duplicateID(value: value, firstLine: shift(firstLine)) }
        return DataError(file: file, line: line.map(shift), column: column, columnName: columnName, kind: kind)
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column {
            location += ", column \(column)"
            if let columnName { location += " (\(Excerpt.excerpt(columnName)))" }
        }
        return "\(location): \(message)"
    }

    /// What went wrong and what was expected, without the location.
    public var message: String {
        switch kind {
        case .unreadable(let reason): return "cannot read the file: \(reason)"
        case .emptyFile: return "the file is empty (expected a header line and at least one data row)"
        case .headerOnly: return "the file has a header but no data rows (expected at least one respondent)"
        case .invalidUTF8: return "bytes that are not valid UTF-8 (expected UTF-8 text; re-save the file as UTF-8)"
        case .unterminatedQuote: return "a quoted field is never closed (expected a closing \" before the end of the file)"
        case .textAfterClosingQuote(let text): return "unexpected \"\(Excerpt.excerpt(text))\" after a closing quote (expected a delimiter or the end of the line)"
        case .raggedRow(let expected, let found): return "the row has \(found) fields (expected \(expected), as in the header)"
        case .duplicateHeader(let name): return "the header names '\(Excerpt.excerpt(name))' twice (expected unique column names)"
        case .missingColumn(let name): return "the codebook's variable '\(Excerpt.excerpt(name))' is not a column of the file (expected it in the header)"
        case .notNumeric(let value, let expected): return "value \"\(Excerpt.excerpt(value))\" is not a number (expected \(expected))"
        case .notNumericColumn(let kind):
            return "the column is read as \(kind), not as numbers (expected a numeric or Likert column; a column typed pii is always read as text)"
        case .outOfRange(let value, let expected): return "value \"\(Excerpt.excerpt(value))\" is out of range (expected \(expected))"
        case .unknownLevel(let value, let levels): return "value \"\(Excerpt.excerpt(value))\" is not a level of this variable (expected one of: \(Excerpt.excerptList(levels)))"
        case .duplicateID(let value, let firstLine): return "respondent ID \"\(Excerpt.excerpt(value))\" appears again (first on line \(firstLine); expected unique IDs)"
        case .unknownColumn(let name, let available): return "no column named '\(Excerpt.excerpt(name))' (columns: \(Excerpt.excerptList(available)))"
        case .quoteInShard:
            return "a quote (\") in a shard: a quoted field may hold line ends, so the file cannot be cut at line ends "
                + "(expected no quotes after the header with --shard; split the file into parts that each keep the header and summarise those)"
        }
    }
}
