import Foundation
import MessageText

/// Pre-segmented text from a CSV file (open answers, segments cut by another tool): one row per
/// segment with an id column (`id` or `segment_id`) and a `text` column; an optional `participant`
/// (or `participant_id`) column names the case, otherwise each row is its own case; every other
/// column is a case attribute.
///
/// Each row becomes a transcript of one turn without speaker whose id is the row's id, so that with
/// `--unit turn` the segment id is exactly the row id (with `paragraph` or `sentence`,
/// `<row id>-001`, `-002` …). Rows whose text is blank are skipped (unanswered questions).
public enum SegmentTable {
    public static func read(contentsOf url: URL) throws -> [Transcript] {
        let table = try CSVTable.read(contentsOf: url)
        guard let idColumn = table.column(["id", "segment_id"]) else {
            throw CSVError.missingColumn(file: url.path, expected: "'id' (or 'segment_id') naming each segment")
        }
        guard let textColumn = table.column(["text"]) else {
            throw CSVError.missingColumn(file: url.path, expected: "'text' holding each segment's words")
        }
        let participantColumn = table.column(["participant", "participant_id"])
        let attributeColumns = table.header.indices.filter { ![idColumn, textColumn, participantColumn].contains($0) }
        var lineOfID: [String: Int] = [:]
        var transcripts: [Transcript] = []
        for row in table.rows {
            let id = row.fields[idColumn].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else {
                throw CSVError.malformed(file: url.path, line: row.line, expected: "a non-empty segment id")
            }
            if let first = lineOfID[id] {
                throw CSVError.malformed(file: url.path, line: row.line, expected: "a unique segment id ('\(Excerpt.excerpt(id))' is on line \(first) too)")
            }
            lineOfID[id] = row.line
            let text = row.fields[textColumn]
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            let participant = participantColumn.map { row.fields[$0].trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 } ?? id
            transcripts.append(segment(id: id, name: "\(url.lastPathComponent):\(row.line)", text: trimmed, participantID: participant,
                                       attributes: attributeColumns.map {
                                           Participant.Attribute(name: table.header[$0], value: row.fields[$0].trimmingCharacters(in: .whitespaces))
                                       }))
        }
        return transcripts
    }

    /// One pre-segmented text (a row of a segment table, an answer to an open-ended question) as a
    /// transcript of one turn without speaker, whose segment id is `id` with `--unit turn`.
    /// - Parameter name: where the text comes from, for messages (e.g. `answers.csv:12`).
    public static func segment(id: String, name: String, text: String, participantID: String,
                               attributes: [Participant.Attribute]) -> Transcript {
        Transcript(id: id, name: name, format: .plainText, text: text,
                   turns: [Transcript.Turn(speaker: nil, isInterviewer: false, span: 0..<text.unicodeScalars.count, startTime: nil,
                                           utf8Span: 0..<text.utf8.count)],
                   participantID: participantID, attributes: attributes, isSegmentRow: true)
    }
}
