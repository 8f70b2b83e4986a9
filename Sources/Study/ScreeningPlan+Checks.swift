import MessageText
import SurveyData

extension ScreeningPlan {
    /// Every column a rule reads, checked against the codebook before any data is read (a column
    /// the codebook lacks is not loaded, so the rule could never see it): it must be a variable of
    /// the codebook, a number where the rule compares numbers (Progress, the duration), and a named
    /// straightliner block a Likert question or a scale. Each problem is at the study file's line
    /// and column that names the column (or the rule's key, for its default column).
    func problems(against codebook: Codebook) -> [ConfigFileError] {
        var problems: [ConfigFileError] = []
        func check(_ column: Column, _ rule: ParticipantFlow.Rule, numeric: Bool = false) {
            guard let variable = codebook.variable(named: column.name) else {
                problems.append(error(column, rule, "reads '\(Excerpt.excerpt(column.name))', which is not a variable of the codebook"))
                return
            }
            guard numeric else { return }
            switch variable.kind {
            case .likert, .numeric, .duration: break
            case .categorical, .id, .text, .date, .flag:
                problems.append(error(column, rule, "reads '\(Excerpt.excerpt(column.name))', which is not numeric (expected type numeric or duration in the codebook)"))
            }
        }
        if let preview { check(preview, .preview) }
        if let unfinished {
            if unfinished.minProgress != nil { check(unfinished.progress, .unfinished, numeric: true) } else { check(unfinished.finished, .unfinished) }
        }
        if let by = duplicates?.by { check(by, .duplicate) }
        if let duration = speeders?.duration { check(duration, .speeder, numeric: true) }
        for block in straightliners?.blocks ?? [] {
            let isQuestion = codebook.variables.contains { variable in
                if case .likert = variable.kind { return variable.question == block.name } else { return false }
            }
            if !isQuestion && !codebook.scales.contains(where: { $0.name == block.name }) {
                problems.append(error(block, .straightliner, "names '\(Excerpt.excerpt(block.name))', which is neither a Likert question (items sharing a question) nor a scale of the codebook"))
            }
        }
        for attention in attentionChecks { check(attention.item, .attention) }
        return problems
    }

    private func error(_ column: Column, _ rule: ParticipantFlow.Rule, _ message: String) -> ConfigFileError {
        ConfigFileError(at: column.location ?? ConfigFileLocation(file: "study plan", line: nil, column: nil),
                        message: "screening rule \(rule.rawValue) \(message)")
    }
}
