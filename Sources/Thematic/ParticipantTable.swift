import Foundation

/// Participant attributes from a CSV file: one row per participant, an id column (`id`,
/// `participant` or `participant_id`) and any number of attribute columns
/// (`role,industry,years_experience`), kept in column order.
public enum ParticipantTable {
    public static func read(contentsOf url: URL) throws -> [Participant] {
        let table = try CSVTable.read(contentsOf: url)
        guard let idColumn = table.column(["id", "participant", "participant_id"]) else {
            throw CSVError.missingColumn(file: url.path, expected: "'id' (or 'participant', 'participant_id')")
        }
        var seen: Set<String> = []
        return try table.rows.map { row in
            let id = row.fields[idColumn].trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty, seen.insert(id).inserted else {
                throw CSVError.malformed(file: url.path, line: row.line, expected: "a unique, non-empty participant id")
            }
            let attributes = table.header.indices.filter { $0 != idColumn }.map {
                Participant.Attribute(name: table.header[$0], value: row.fields[$0].trimmingCharacters(in: .whitespaces))
            }
            return Participant(id: id, attributes: attributes)
        }
    }
}
