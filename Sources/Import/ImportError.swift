/// A problem with a platform export, located to its line and column (a CSV export) or its variable
/// (an SPSS or Stata file), saying what was found and what was expected.
///
/// Problems of the CSV text itself (invalid UTF-8, an unclosed quote) are ``SurveyData/DataError``s
/// from the CSV reader and reach the caller as they are.
public struct ImportError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based physical line of the file.
    public let line: Int?
    /// 1-based field position in the record.
    public let column: Int?
    /// The column's or variable's name, when known.
    public let variable: String?
    public let kind: Kind

    public init(file: String, line: Int? = nil, column: Int? = nil, variable: String? = nil, kind: Kind) {
        self.file = file
        self.line = line
        self.column = column
        self.variable = variable
        self.kind = kind
    }

    public enum Kind: Equatable, Sendable {
        /// The export ends before its header rows do (`expected` says which row is missing).
        case headerRowsCut(expected: String)
        /// A cell of the Qualtrics ImportId row that is not `{"ImportId": "…"}`.
        case badImportID(value: String)
        case duplicateColumn(String)
        case unnamedColumn
        case raggedRow(expected: Int, found: Int)
        /// The file's format could not be recognised from its name and first bytes.
        case unknownFormat(reason: String)
        /// The file is not what its format promises (`--from qualtrics` on a file without Qualtrics headers).
        case notFormat(String, reason: String)
        /// A LimeSurvey response column whose question is not in the survey structure file given.
        case notInStructure(structureFile: String)
        /// ReadStat could not read the file (a truncated or damaged .sav/.dta).
        case unreadable(reason: String)
        /// An output file could not be written.
        case unwritable(reason: String)
        /// `--strict`: the export's codebook differs from the earlier wave's in `count` ways.
        case drift(count: Int, against: String)
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ", column \(column)" }
        if let variable { location += column == nil ? ", variable \(Self.bounded(variable))" : " (\(Self.bounded(variable)))" }
        return "\(location): \(message)"
    }

    /// What went wrong and what was expected, without the location.
    public var message: String {
        switch kind {
        case .headerRowsCut(let expected): return "the file ends inside its header rows (expected \(expected))"
        case .badImportID(let value): return "\"\(Self.bounded(value))\" is not an ImportId cell (expected JSON such as {\"ImportId\":\"QID1\"})"
        case .duplicateColumn(let name): return "the header names '\(Self.bounded(name))' twice (expected unique export tags)"
        case .unnamedColumn: return "a column without a name (expected an export tag in every header cell but a trailing one)"
        case .raggedRow(let expected, let found): return "the row has \(found) fields (expected \(expected), as in the header)"
        case .unknownFormat(let reason): return "cannot tell the file's format: \(reason) (expected a Qualtrics or LimeSurvey .csv, an SPSS .sav/.zsav or a Stata .dta; or give --from)"
        case .notFormat(let format, let reason): return "not a \(format) export: \(reason)"
        case .notInStructure(let structureFile): return "the column is not a question of \(structureFile) (expected the .lss of the survey the responses come from)"
        case .unreadable(let reason): return "cannot read the file: \(reason)"
        case .unwritable(let reason): return "cannot write the file: \(reason)"
        case .drift(let count, let against):
            return "\(count) change\(count == 1 ? "" : "s") against \(Self.bounded(against)) (expected none with --strict; see the list above)"
        }
    }

    /// `text` cut to 80 characters, then "…", so a huge cell cannot flood a message.
    static func bounded(_ text: String) -> String {
        text.count <= 80 ? text : String(text.prefix(80)) + "…"
    }
}
