import Foundation
import SurveyData

/// The answers of one wave to one open-ended question, as read with the wave: per respondent who
/// answered (a non-blank cell) the respondent's ID (or data row), the text and the values of the
/// columns the themes are crossed with; blank cells counted as no answer.
struct OpenEndedAnswers: Sendable {
    struct Answer: Sendable {
        /// The respondent's ID, when the codebook has an ID column.
        var id: String?
        /// 0-based position of the respondent's row among the rows read.
        var row: Int
        var text: String
        /// Per `by` column (plan order), the value's label; `(missing)` for a blank or user-missing cell.
        var attributes: [String]

        /// The respondent's ID, else `row N` (the N-th data row of the wave, from 1, among the
        /// respondents analysed).
        var respondent: String { id ?? "row \(row + 1)" }
    }

    var answers: [Answer]
    /// Rows of the wave read (respondents asked).
    var respondents: Int

    /// What attributes without a value are grouped under (as the theme × attribute matrices do).
    static let missingValue = "(missing)"

    /// The answers in `dataset`.
    /// - Throws: `DataError` when a column is not in the data.
    init(_ plan: OpenEndedPlan, dataset: Dataset, codebook: Codebook) throws {
        respondents = dataset.rowCount
        answers = []
        guard case .text(let texts) = try dataset.requireColumn(plan.column).values else { return }
        let ids: [String]? = try codebook.idVariable.flatMap { variable in
            if case .text(let ids) = try dataset.requireColumn(variable.name).values { return ids }
            return nil
        }
        let attributes = try plan.by.map { try Self.labels(of: dataset.requireColumn($0.name)) }
        for (row, text) in texts.enumerated() {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            answers.append(Answer(id: ids.flatMap { row < $0.count && !$0[row].isEmpty ? $0[row] : nil }, row: row, text: trimmed,
                                  attributes: attributes.map { row < $0.count ? $0[row] : Self.missingValue }))
        }
    }

    /// The value of every row of a categorical column (its level's label) or Likert column (its scale point).
    private static func labels(of column: DataColumn) -> [String] {
        switch column.values {
        case .categorical(let factor):
            let names = factor.levels.map { $0.label.isEmpty ? $0.value : $0.label }
            return factor.codes.map { $0 < 0 || Int($0) >= names.count ? missingValue : names[Int($0)] }
        case .likert(let likert):
            return likert.codes.map { $0 == LikertValues.missing ? missingValue : String($0) }
        case .numeric, .text:
            return []
        }
    }

    private init(answers: [Answer], respondents: Int) {
        self.answers = answers
        self.respondents = respondents
    }

    /// The answers of consecutive parts of a wave, in order (none of no parts).
    static func joined(_ parts: [OpenEndedAnswers]) -> OpenEndedAnswers {
        var whole = OpenEndedAnswers(answers: [], respondents: 0)
        for part in parts {
            let shift = whole.respondents
            whole.answers += part.answers.map { answer in
                var answer = answer
                answer.row += shift
                return answer
            }
            whole.respondents += part.respondents
        }
        return whole
    }
}
