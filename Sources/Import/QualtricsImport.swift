import Foundation
import SurveyData

/// Reads a Qualtrics CSV export ("Export Data" → CSV, numeric values or choice text) into a
/// codebook and a plain data file.
///
/// The current export has three header rows: the export tags (`Q3_1`), the question texts (which
/// become variable labels) and `{"ImportId":"QID3_1"}` cells (possibly with `timeZone` or
/// `choiceId` keys; kept as each variable's `import_id`, with `#choiceId` appended). The legacy
/// export has two: tags (`V1`…`V10` for the metadata, then questions) and texts (the metadata's
/// names, then the question texts). Metadata columns are typed by ``QualtricsMetadata``; columns
/// `Q3_1`…`Q3_5` are items of question `Q3`, Likert when all their cells are whole-number codes
/// spanning at most 11 points; `_DO` (display order) and `_TEXT` (other, please specify) columns
/// are text; other questions are typed by their cells (``ColumnProfile``).
///
/// The bytes go through the CSV reader (``SurveyData/CSVReader``): quoted line breaks and quotes in
/// open answers, a byte-order mark and any script are read as they are; a trailing comma (an empty
/// last column) is dropped.
public enum QualtricsImport {
    public static func read(contentsOf url: URL, dataTo destination: DataDestination = .memory) throws -> ImportedSurvey {
        try read(reader: CSVReader(contentsOf: url), destination: destination, blockSize: ExportTable.blockSize)
    }

    public static func read(bytes: [UInt8], file: String) throws -> ImportedSurvey {
        try read(bytes: bytes, file: file, blockSize: ExportTable.blockSize)
    }

    /// ``read(bytes:file:)`` reading the responses in blocks of about `blockSize` bytes.
    static func read(bytes: [UInt8], file: String, blockSize: Int) throws -> ImportedSurvey {
        try read(reader: CSVReader(bytes: bytes, file: file), destination: .memory, blockSize: blockSize)
    }

    /// Whether `bytes` (the start of a file) look like a Qualtrics export: the first line names a
    /// `ResponseId` column, or a later one holds `{"ImportId"` cells.
    public static func looksLikeExport(_ bytes: ArraySlice<UInt8>) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.contains("ResponseId") || text.contains("ResponseID") || text.contains("{\"\"ImportId\"\"")
    }

    private static func read(reader: CSVReader, destination: DataDestination, blockSize: Int) throws -> ImportedSurvey {
        var headers: [[String]] = []
        var headerLines: [Int] = []
        var table: ExportTable?
        var form: HeaderForm?
        let responses = try reader.forEachRecord(from: reader.firstRecord) { record in
            let fields = (0..<record.count).map(record.string)
            if !headers.isEmpty && fields.count != headers[0].count {
                throw ImportError(file: reader.file, line: record.line, kind: .raggedRow(expected: headers[0].count, found: fields.count))
            }
            headers.append(fields)
            headerLines.append(record.line)
            if headers.count == 2 {
                form = try HeaderForm(tags: headers[0], file: reader.file)
            } else if headers.count == 3, let current = form, current.rowCount == 3, !isImportIDRow(fields) {
                throw ImportError(file: reader.file, line: record.line,
                                  kind: .headerRowsCut(expected: "the row of ImportIds ({\"ImportId\":\"QID…\"}) on line \(record.line), before the responses"))
            }
            if let form, headers.count == form.rowCount {
                table = try ExportTable(width: fields.count, names: form.names(tags: headers[0], texts: headers[1]), destination: destination)
            }
            return table == nil
        }
        try table?.addRecords(of: reader, from: responses, blockSize: blockSize)
        guard let form, var table else {
            let missing = headers.count < 2 ? "the row of question texts on line \((headerLines.last ?? 0) + 1)"
                                            : "the row of ImportIds ({\"ImportId\":\"QID…\"}) on line \((headerLines.last ?? 0) + 1)"
            throw ImportError(file: reader.file, line: headerLines.last, kind: .headerRowsCut(expected: missing))
        }
        guard table.rowCount > 0 else { throw DataError(file: reader.file, line: headerLines.last, kind: .headerOnly) }
        if form.keptColumns < headers[0].count && table.profiles[form.keptColumns].filled > 0 {
            throw ImportError(file: reader.file, line: headerLines[0], column: form.keptColumns + 1, kind: .unnamedColumn)
        }
        let importIDs = form.rowCount == 3 ? try self.importIDs(headers[2], line: headerLines[2], file: reader.file) : nil
        let variables = variables(form: form, headers: headers, importIDs: importIDs, profiles: table.profiles)
        let title = URL(fileURLWithPath: reader.file).deletingPathExtension().lastPathComponent
        return ImportedSurvey(codebook: Codebook(title: title, variables: variables), dataCSV: try table.finish(), rowCount: table.rowCount,
                              lineShift: table.lineShift)
    }

    /// Whether a header row is the ImportId row of the current export.
    private static func isImportIDRow(_ fields: [String]) -> Bool {
        fields.contains { $0.hasPrefix("{") && $0.contains("ImportId") }
    }

    /// The ImportId of each column (with `#choiceId` when the cell has one); an empty cell has none.
    private static func importIDs(_ cells: [String], line: Int, file: String) throws -> [String?] {
        try cells.enumerated().map { index, cell in
            if cell.isEmpty { return nil }
            guard let object = try? JSONSerialization.jsonObject(with: Data(cell.utf8)) as? [String: Any],
                  let id = object["ImportId"] as? String else {
                throw ImportError(file: file, line: line, column: index + 1, kind: .badImportID(value: cell))
            }
            if let choice = object["choiceId"] { return "\(id)#\(choice)" }
            return id
        }
    }

    private static func variables(form: HeaderForm, headers: [[String]], importIDs: [String?]?, profiles: [ColumnProfile]) -> [Variable] {
        let names = form.names(tags: headers[0], texts: headers[1])
        let questions = QuestionBlocks(names: names)
        return names.indices.map { index in
            let name = names[index]
            let text = headers[1][index].trimmingCharacters(in: .whitespacesAndNewlines)
            let label = text.isEmpty ? name : text
            var variable = QualtricsMetadata.roles[name]?.variable(name: name, label: label, profile: profiles[index])
                ?? ExportColumnRole.questionVariable(name: name, label: label, index: index, questions: questions, profiles: profiles)
            variable.importID = importIDs?[index]
            // A "select all that apply" option (ImportId with a choiceId) holds 1 where it was selected.
            if variable.importID?.contains("#") == true, case .categorical(let levels, _) = variable.kind, levels.map(\.value) == ["1"] {
                variable.kind = .categorical(levels: [Level(value: "1", label: "Selected")], reference: 0)
            }
            return variable
        }
    }
}

/// Which of the two header layouts a file has, and its columns' names.
struct HeaderForm {
    /// 3 for the current export, 2 for the legacy one.
    let rowCount: Int
    /// The columns kept: all but an empty trailing one (a trailing comma).
    let keptColumns: Int

    /// The form of an export whose first row is `tags`; its legacy `V1`…`V10` tags are renamed from the second row.
    init(tags: [String], file: String) throws {
        let legacy = tags.contains("V1") || tags.contains("ResponseID")
        guard legacy || tags.contains("ResponseId") || tags.contains("StartDate") else {
            throw ImportError(file: file, line: 1, kind: .notFormat("Qualtrics", reason: "the first row names no ResponseId or StartDate column (expected Qualtrics' export tags)"))
        }
        rowCount = legacy ? 2 : 3
        keptColumns = tags.last == "" ? tags.count - 1 : tags.count
        var seen = Set<String>()
        for (index, tag) in tags.prefix(keptColumns).enumerated() {
            if tag.isEmpty { throw ImportError(file: file, line: 1, column: index + 1, kind: .unnamedColumn) }
            if !seen.insert(tag).inserted { throw ImportError(file: file, line: 1, column: index + 1, kind: .duplicateColumn(tag)) }
        }
    }

    /// The variable names: the tags, but a legacy `V`*n* tag whose text is a metadata name (not
    /// already a column's name) takes that name.
    func names(tags: [String], texts: [String]) -> [String] {
        var used = Set(tags.prefix(keptColumns))
        return (0..<keptColumns).map { index in
            let tag = tags[index]
            let isLegacyTag = rowCount == 2 && tag.first == "V" && tag.dropFirst().allSatisfy(\.isNumber) && tag.count > 1
            if isLegacyTag && QualtricsMetadata.roles[texts[index]] != nil && used.insert(texts[index]).inserted { return texts[index] }
            return tag
        }
    }
}
