import Foundation
import SurveyData

/// The first rows of a wave's cells as its reader read them, for the privacy gate's content scan
/// (`PersonalDataScan`): a plain CSV's own lines, or the CSV an importer made of a platform export
/// (one header line, the values as imported), so a Qualtrics export's label and ImportId rows are
/// not taken for data and an SPSS or Stata file is scanned like any other. At most ``maxRows``
/// data rows from the first ``maxBytes`` bytes, cut after the last line end. Not in results.json.
public struct CellSample: Sendable, Equatable {
    public static let maxRows = 1_000
    public static let maxBytes = 1 << 20

    public var header: [String]
    /// Each sampled data row's cells, as many as the row has.
    public var rows: [[String]]

    /// Stops the reader once the sample is complete.
    private struct SampleComplete: Error {}

    /// The sample of the CSV file at `url`; `nil` when it cannot be read.
    public init?(contentsOf url: URL, delimiter: UInt8?) {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard let bytes = try? handle.read(upToCount: Self.maxBytes).map(Array.init) ?? [] else { return nil }
        self.init(csv: bytes, file: url.path, delimiter: delimiter)
    }

    /// The sample of CSV text in memory (only its first ``maxBytes`` bytes are looked at); `nil` when
    /// it is not CSV text.
    init?(csv: some Collection<UInt8>, file: String, delimiter: UInt8?) {
        var bytes = Array(csv.prefix(Self.maxBytes))
        if bytes.count == Self.maxBytes, csv.count > Self.maxBytes, let lastLine = bytes.lastIndex(of: UInt8(ascii: "\n")) {
            bytes.removeSubrange((lastLine + 1)...)
        }
        guard let reader = try? CSVReader(bytes: bytes, file: file, delimiter: delimiter) else { return nil }
        var header: [String]?
        var rows: [[String]] = []
        do {
            try reader.forEachRecord { record in
                let cells = (0..<record.count).map(record.string)
                guard header != nil else { header = cells; return }
                guard rows.count < Self.maxRows else { throw SampleComplete() }
                rows.append(cells)
            }
        } catch {
            // The sample is complete, or the cut left an unterminated quoted field: what was read stands.
        }
        guard let header else { return nil }
        self.header = header
        self.rows = rows
    }
}
