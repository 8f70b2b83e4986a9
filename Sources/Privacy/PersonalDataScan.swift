import Foundation
import SurveyData

/// Columns of a data file whose cells look like personal data (``PersonalDataKind``).
///
/// Cheap by construction: the data path keeps no text cells (they are counted, never stored), so the
/// scan reads the file's first ``sampleBytes`` bytes once more, cut after the last line break, and
/// looks at up to ``sampleRows`` data rows of every column. A column is flagged when any non-blank
/// sampled cell matches; the share is of the non-blank sampled cells. A file that cannot be read
/// (e.g. `paradox merge`, whose parts are on another machine) is reported as not scanned.
public enum PersonalDataScan {
    public static let sampleRows = 1_000
    public static let sampleBytes = 1 << 20

    /// One flagged column.
    public struct Finding: Sendable, Equatable, Codable {
        public var column: String
        public var kind: PersonalDataKind
        /// Non-blank sampled cells of the kind, and non-blank sampled cells in all.
        public var matched: Int
        public var sampled: Int

        public var share: Double { Double(matched) / Double(sampled) }
    }

    /// Stops the reader once the sample is complete.
    private struct SampleComplete: Error {}

    /// The flagged columns of `url` in header order, or `nil` when the file cannot be read.
    public static func scan(_ url: URL, delimiter: UInt8?) -> [Finding]? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        guard var bytes = try? handle.read(upToCount: sampleBytes).map(Array.init) ?? [] else { return nil }
        if bytes.count == sampleBytes, let lastLine = bytes.lastIndex(of: UInt8(ascii: "\n")) {
            bytes.removeSubrange((lastLine + 1)...)
        }
        guard let reader = try? CSVReader(bytes: bytes, file: url.path, delimiter: delimiter) else { return nil }
        var header: [String] = []
        var counts: [[PersonalDataKind: Int]] = []
        var sampled: [Int] = []
        var rows = 0
        do {
            try reader.forEachRecord { record in
                if header.isEmpty {
                    header = (0..<record.count).map(record.string)
                    counts = Array(repeating: [:], count: header.count)
                    sampled = Array(repeating: 0, count: header.count)
                    return
                }
                guard rows < sampleRows else { throw SampleComplete() }
                rows += 1
                for index in 0..<min(record.count, header.count) {
                    let cell = record.string(index)
                    guard !cell.allSatisfy(\.isWhitespace) else { continue }
                    sampled[index] += 1
                    if let kind = PersonalDataKind.classify(cell) { counts[index][kind, default: 0] += 1 }
                }
            }
        } catch {
            // The sample is complete, or the cut left an unterminated quoted field: what was read stands.
        }
        return header.indices.compactMap { index in
            guard let (kind, matched) = counts[index].max(by: { ($0.value, $1.key.rawValue) < ($1.value, $0.key.rawValue) }) else { return nil }
            return Finding(column: header[index], kind: kind, matched: matched, sampled: sampled[index])
        }
    }
}
