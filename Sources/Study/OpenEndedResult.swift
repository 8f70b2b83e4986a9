import SurveyData
import Thematic

/// The answers of one wave to one open-ended question, coded with its theme codebook: one segment
/// per respondent who answered, its id the respondent's ID (or `row N`), the `by` columns its
/// attributes. The summary's prevalence is over the respondents who answered.
public struct OpenEndedResult: Sendable, Encodable {
    public var column: String
    /// The column's label in the codebook (the question).
    public var question: String
    /// The wave's data file as the study file names it.
    public var file: String
    /// The theme codebook as the study file names it.
    public var themes: String
    /// Respondents of the wave, and those whose cell is not blank.
    public var respondents: Int
    public var answered: Int
    public var coding: CodingResult
    public var summary: ThematicSummary
    /// Per theme × attribute matrix (by attribute), the cells hidden by small-cell suppression (set by
    /// the Privacy gate): its group sizes (0 ..< values), then each theme row's participant counts.
    public var suppressedMatrices: [String: SuppressedCells] = [:]
    /// The themes whose counts are hidden (rows of ``ThematicSummary/themes``), set by the Privacy gate.
    public var suppressedThemes: SuppressedCells?
    /// The hidden cells of the co-occurrence table (cell i × themes + j), set by the Privacy gate.
    public var suppressedCooccurrence: SuppressedCells?

    /// Respondents who left the question blank.
    public var noAnswer: Int { respondents - answered }

    /// Per open-ended question of `plan`, its answers in `reading` coded.
    /// - Throws: the theme codebook's errors.
    static func code(_ reading: WaveReading, of plan: StudyPlan, file: FileReference, codebook: Codebook) throws -> [OpenEndedResult] {
        try zip(plan.openEnded, reading.openEnded).map { question, answers in
            let transcripts = answers.answers.map { answer in
                SegmentTable.segment(id: answer.respondent, name: "\(file.written) (\(answer.respondent))", text: answer.text,
                                     participantID: answer.respondent,
                                     attributes: zip(question.by, answer.attributes).map { Participant.Attribute(name: $0.name, value: $1) })
            }
            let coding = try ThematicAnalysis.run(transcripts, codebook: ThemeCodebook.load(contentsOf: question.codebook.url), unit: .turn)
            let summary = try ThematicSummary(coding, attributes: transcripts.isEmpty ? [] : question.by.map(\.name))
            return OpenEndedResult(column: question.column, question: codebook.label(question.column), file: file.written,
                                   themes: question.codebook.written, respondents: answers.respondents, answered: answers.answers.count,
                                   coding: coding, summary: summary)
        }
    }

    enum CodingKeys: String, CodingKey {
        case column, question, file, themes, respondents, answered, summary
        case noAnswer = "no_answer"
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(column, forKey: .column)
        try c.encode(question, forKey: .question)
        try c.encode(file, forKey: .file)
        try c.encode(themes, forKey: .themes)
        try c.encode(respondents, forKey: .respondents)
        try c.encode(answered, forKey: .answered)
        try c.encode(noAnswer, forKey: .noAnswer)
        try c.encode(SuppressedSummary(summary: summary, matrices: suppressedMatrices, themes: suppressedThemes,
                                       cooccurrence: suppressedCooccurrence), forKey: .summary)
    }
}
