import Foundation

/// A coder's assignment of themes to segments, e.g. a human coding read from CSV to compare with
/// the automatic one (see ``Agreement``).
public struct HumanCoding: Sendable, Equatable {
    /// Segment ids in file order.
    public var segmentIDs: [String]
    /// Theme ids per segment (an empty set: the coder saw the segment and assigned nothing).
    public var themes: [String: Set<String>]
    /// The file it came from and the line of each segment, for messages.
    public var source: String
    public var lines: [String: Int]

    public init(segmentIDs: [String], themes: [String: Set<String>], source: String = "<memory>", lines: [String: Int] = [:]) {
        self.segmentIDs = segmentIDs
        self.themes = themes
        self.source = source
        self.lines = lines
    }

    /// Reads `segment_id,themes` rows; themes separated by `;` (or `|`), an empty cell for none.
    /// Every theme id must exist in `codebook`; the error names the file and line otherwise.
    public static func read(contentsOf url: URL, codebook: ThemeCodebook) throws -> HumanCoding {
        let table = try CSVTable.read(contentsOf: url)
        guard let segmentColumn = table.column(["segment_id", "segment"]) else {
            throw CSVError.missingColumn(file: url.path, expected: "'segment_id'")
        }
        guard let themesColumn = table.column(["themes", "codes"]) else {
            throw CSVError.missingColumn(file: url.path, expected: "'themes'")
        }
        let known = Set(codebook.themes.map(\.id))
        var coding = HumanCoding(segmentIDs: [], themes: [:], source: url.path)
        for row in table.rows {
            let segment = row.fields[segmentColumn].trimmingCharacters(in: .whitespaces)
            guard coding.themes[segment] == nil else {
                throw CSVError.malformed(file: url.path, line: row.line, expected: "each segment once, '\(segment)' is repeated")
            }
            let ids = row.fields[themesColumn].split(whereSeparator: { $0 == ";" || $0 == "|" })
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            for id in ids where !known.contains(id) {
                throw CSVError.unknownValue(file: url.path, line: row.line, value: id, expected: "a theme id of \(codebook.source)")
            }
            coding.segmentIDs.append(segment)
            coding.themes[segment] = Set(ids)
            coding.lines[segment] = row.line
        }
        return coding
    }
}
