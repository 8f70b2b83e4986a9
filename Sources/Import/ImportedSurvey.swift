import Foundation
import SurveyData

/// A platform export made ready for Paradox: the codebook it implies and its data as a plain CSV
/// file (one header line of variable names, one line per respondent) that the codebook reads.
public struct ImportedSurvey: Sendable {
    public var codebook: Codebook
    /// The data file's bytes (UTF-8 CSV: RFC 4180 quoting, LF line ends, no byte-order mark) when
    /// they were kept in memory (``DataDestination/memory``); empty when they were written to a file.
    public var dataCSV: [UInt8]
    public var rowCount: Int
    /// The export's line of the first response minus the data file's (2): add it to a line of the
    /// data file to find the export's line (exact unless the export has blank lines among its
    /// responses). 0 for SPSS and Stata files, which have no lines.
    public var lineShift: Int

    public init(codebook: Codebook, dataCSV: [UInt8], rowCount: Int, lineShift: Int = 0) {
        self.codebook = codebook
        self.dataCSV = dataCSV
        self.rowCount = rowCount
        self.lineShift = lineShift
    }
}

/// Where an importer puts the plain data file: in memory (``ImportedSurvey/dataCSV``), or written
/// to a file a megabyte at a time, so that a large export is never held twice.
public enum DataDestination: Sendable {
    case memory
    /// A file that is created (or emptied) and written; the caller renames it into place.
    case file(URL)

    /// A writer of records to this destination.
    func writer() throws -> CSVLineWriter {
        switch self {
        case .memory: return CSVLineWriter(sink: nil)
        case .file(let url):
            guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
                throw ImportError(file: url.path, kind: .unwritable(reason: "cannot create the file (does its folder exist, may it be written?)"))
            }
            return CSVLineWriter(sink: (handle, url.path))
        }
    }
}
