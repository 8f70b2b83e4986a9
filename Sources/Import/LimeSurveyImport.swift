import Foundation
import SurveyData

/// Reads a LimeSurvey CSV response export ("Export responses" → CSV, question and answer codes as
/// headings) into a codebook and a plain data file.
///
/// LimeSurvey's own columns (`id, submitdate, lastpage, startlanguage, seed, token, startdate,
/// datestamp, ipaddr, refurl`, and the timings `interviewtime`, `groupTime…`, `…Time` in seconds)
/// are typed as Qualtrics' are; `token`, `ipaddr` and `refurl` are pii. Subquestion columns `Q2[SQ001]`, `Q2[SQ002]`, … are
/// items of question `Q2`, Likert when their codes span at most 11 points; `[other]` and
/// `[…comment]` columns are text. Without the survey's `.lss` file the labels are the codes.
public enum LimeSurveyImport {
    static let roles: [String: ExportColumnRole] = [
        "id": .id, "submitdate": .date, "startdate": .date, "datestamp": .date,
        "lastpage": .percent, "startlanguage": .category, "seed": .text,
        "token": .personal(numeric: false), "ipaddr": .personal(numeric: false), "refurl": .personal(numeric: false),
        "interviewtime": .duration,
    ]

    public static func read(contentsOf url: URL) throws -> ImportedSurvey {
        try read(reader: CSVReader(contentsOf: url))
    }

    public static func read(bytes: [UInt8], file: String) throws -> ImportedSurvey {
        try read(reader: CSVReader(bytes: bytes, file: file))
    }

    private static func read(reader: CSVReader) throws -> ImportedSurvey {
        var names: [String] = []
        var table: ExportTable?
        try reader.forEachRecord { record in
            if table != nil { return try table!.add(record, reader: reader) }
            names = (0..<record.count).map(record.string)
            guard names.contains("submitdate") || names.contains("startlanguage") else {
                throw ImportError(file: reader.file, line: record.line, kind: .notFormat("LimeSurvey", reason: "the first row names no submitdate or startlanguage column (expected LimeSurvey's response codes)"))
            }
            var seen = Set<String>()
            for (index, name) in names.enumerated() {
                if name.isEmpty { throw ImportError(file: reader.file, line: record.line, column: index + 1, kind: .unnamedColumn) }
                if !seen.insert(name).inserted { throw ImportError(file: reader.file, line: record.line, column: index + 1, kind: .duplicateColumn(name)) }
            }
            table = ExportTable(width: names.count, names: names)
        }
        guard let table, table.rowCount > 0 else { throw DataError(file: reader.file, line: 1, kind: .headerOnly) }
        let questions = QuestionBlocks(names: names)
        let variables = names.indices.map { index in
            let name = names[index]
            let role = roles[name] ?? (isTiming(name) ? .duration : nil)
            return role?.variable(name: name, label: name, profile: table.profiles[index])
                ?? ExportColumnRole.questionVariable(name: name, label: name, index: index, questions: questions, profiles: table.profiles)
        }
        let title = URL(fileURLWithPath: reader.file).deletingPathExtension().lastPathComponent
        return ImportedSurvey(codebook: Codebook(title: title, variables: variables), dataCSV: table.writer.bytes, rowCount: table.rowCount)
    }

    /// A timing column of LimeSurvey's "Save timings": `groupTime12` (a question group) or `Q1Time` (a question).
    private static func isTiming(_ name: String) -> Bool {
        (name.hasPrefix("groupTime") && name.dropFirst(9).allSatisfy(\.isNumber)) || (name.hasSuffix("Time") && name.count > 4)
    }
}
