import Foundation
import SurveyData

/// Reads a LimeSurvey CSV response export ("Export responses" → CSV, question and answer codes as
/// headings) into a codebook and a plain data file.
///
/// LimeSurvey's own columns (`id, submitdate, lastpage, startlanguage, seed, token, startdate,
/// datestamp, ipaddr, refurl`, and the timings `interviewtime`, `groupTime…`, `…Time` in seconds)
/// are typed as Qualtrics' are; `token`, `ipaddr` and `refurl` are pii. Subquestion columns `Q2[SQ001]`, `Q2[SQ002]`, … are
/// items of question `Q2`, Likert when their codes span at most 11 points; `[other]` and
/// `[…comment]` columns are text.
///
/// With the survey's structure file (`.lss`, ``LimeSurveyStructure``) each question column takes
/// its question's text as label (`question - subquestion` for an item) and its answer options as
/// levels (code → answer text), Likert for the fixed 5- and 10-point types (`5`, `A`, `B`) and for
/// options coded 1…k; every question column must be in the structure and every cell one of its
/// question's codes, else an error at the CSV's line and column. Without it the labels are the codes.
public enum LimeSurveyImport {
    static let roles: [String: ExportColumnRole] = [
        "id": .id, "submitdate": .date, "startdate": .date, "datestamp": .date,
        "lastpage": .percent, "startlanguage": .category, "seed": .text,
        "token": .personal(numeric: false), "ipaddr": .personal(numeric: false), "refurl": .personal(numeric: false),
        "interviewtime": .duration,
    ]

    /// Reads the response export at `url`, with the survey structure at `structure` when given.
    public static func read(contentsOf url: URL, structure: URL? = nil, dataTo destination: DataDestination = .memory) throws -> ImportedSurvey {
        try read(reader: CSVReader(contentsOf: url), structure: structure.map { ($0.path, try LimeSurveyStructure(contentsOf: $0)) },
                 destination: destination)
    }

    public static func read(bytes: [UInt8], file: String) throws -> ImportedSurvey {
        try read(reader: CSVReader(bytes: bytes, file: file), structure: nil, destination: .memory)
    }

    private static func read(reader: CSVReader, structure: (file: String, survey: LimeSurveyStructure)?,
                             destination: DataDestination) throws -> ImportedSurvey {
        var names: [String] = []
        var table: ExportTable?
        let responses = try reader.forEachRecord(from: reader.firstRecord) { record in
            names = (0..<record.count).map(record.string)
            guard names.contains("submitdate") || names.contains("startlanguage") else {
                throw ImportError(file: reader.file, line: record.line, kind: .notFormat("LimeSurvey", reason: "the first row names no submitdate or startlanguage column (expected LimeSurvey's response codes)"))
            }
            var seen = Set<String>()
            for (index, name) in names.enumerated() {
                if name.isEmpty { throw ImportError(file: reader.file, line: record.line, column: index + 1, kind: .unnamedColumn) }
                if !seen.insert(name).inserted { throw ImportError(file: reader.file, line: record.line, column: index + 1, kind: .duplicateColumn(name)) }
            }
            table = try ExportTable(width: names.count, names: names, destination: destination)
            return false
        }
        try table?.addRecords(of: reader, from: responses)
        guard var table, table.rowCount > 0 else { throw DataError(file: reader.file, line: 1, kind: .headerOnly) }
        let questions = QuestionBlocks(names: names)
        let variables = try names.indices.map { index in
            let name = names[index]
            if let role = roles[name] ?? (isTiming(name) ? .duration : nil) {
                return role.variable(name: name, label: name, profile: table.profiles[index])
            }
            let variable = ExportColumnRole.questionVariable(name: name, label: name, index: index, questions: questions, profiles: table.profiles)
            guard let structure else { return variable }
            return try described(variable, column: index + 1, by: structure.survey, structureFile: structure.file, file: reader.file)
        }
        let title = URL(fileURLWithPath: reader.file).deletingPathExtension().lastPathComponent
        let survey = ImportedSurvey(codebook: Codebook(title: title, variables: variables), dataCSV: try table.finish(), rowCount: table.rowCount,
                              lineShift: table.lineShift)
        if structure != nil {
            // The data file keeps the export's lines and columns, so its check names the export's cells.
            var written = survey.dataCSV
            if case .file(let url) = destination {
                guard let bytes = try? Data(contentsOf: url) else { throw ImportError(file: url.path, kind: .unreadable(reason: "the data file just written cannot be read back")) }
                written = Array(bytes)
            }
            _ = try Dataset.load(reader: CSVReader(bytes: written, file: reader.file), codebook: survey.codebook, concurrency: 1)
        }
        return survey
    }

    /// A timing column of LimeSurvey's "Save timings": `groupTime12` (a question group) or `Q1Time` (a question).
    private static func isTiming(_ name: String) -> Bool {
        (name.hasPrefix("groupTime") && name.dropFirst(9).allSatisfy(\.isNumber)) || (name.hasSuffix("Time") && name.count > 4)
    }

    /// `variable` (typed from its cells) with its question's text and answer options from the structure.
    private static func described(_ variable: Variable, column: Int, by structure: LimeSurveyStructure, structureFile: String, file: String) throws -> Variable {
        guard let (qid, sub) = structure.question(ofColumn: variable.name), let question = structure.questions[qid] else {
            throw ImportError(file: file, line: 1, column: column, variable: variable.name, kind: .notInStructure(structureFile: structureFile))
        }
        var described = variable
        let suffix = variable.name.hasSuffix("[other]") ? "Other" : variable.name.hasSuffix("comment]") ? "Comment" : sub?.text
        described.label = suffix.map { "\(question.text) - \($0)" } ?? question.text
        if QuestionBlocks.holdsText(variable.name) { return described }
        let fixedPoints = ["5": 5, "A": 5, "B": 10][question.type]
        let answers = (structure.answers[qid] ?? []) + (question.hasOther ? [LimeSurveyStructure.Answer(code: "-oth-", label: "Other", order: .max)] : [])
        if let points = fixedPoints {
            described.kind = .likert(LikertScale(range: 1...points))
        } else if !answers.isEmpty {
            let codes = answers.compactMap { Int($0.code) }
            if codes.count == answers.count, let low = codes.min(), let high = codes.max(), high - low + 1 == codes.count, (2...QuestionBlocks.maximumLikertPoints).contains(codes.count) {
                described.kind = .likert(LikertScale(range: low...high, valueLabels: Dictionary(uniqueKeysWithValues: answers.compactMap { answer in Int(answer.code).map { ($0, answer.label) } })))
            } else {
                described.kind = .categorical(levels: answers.map { Level(value: $0.code, label: $0.label) }, reference: 0)
            }
        } else {
            return described
        }
        described.missingCodes = []
        return described
    }
}
