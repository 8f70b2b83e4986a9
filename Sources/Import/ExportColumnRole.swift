import SurveyData

/// What a survey platform's own column (not a question) holds, and the variable that follows.
enum ExportColumnRole: Equatable {
    case id, date, duration, flag, percent, category
    /// Kept as written whatever its cells look like (LimeSurvey's random `seed`).
    case text
    /// Codes with the platform's labels (Qualtrics' Status: 0 "IP Address", 1 "Survey Preview", …).
    case codes([String: String])
    /// Identifies a person: typed `text`, or `numeric` when `numeric` and its cells are numbers; marked pii.
    case personal(numeric: Bool)

    /// The variable of column `name` with `label`, typed by this role when its cells fit the role,
    /// else by `profile` as a question's column is.
    func variable(name: String, label: String, profile: ColumnProfile) -> Variable {
        let inferred = profile.inferredKind
        switch self {
        case .id: return Variable(name: name, label: label, kind: .id)
        case .date: return Variable(name: name, label: label, kind: .date)
        case .flag: return Variable(name: name, label: label, kind: .flag)
        case .text: return Variable(name: name, label: label, kind: .text)
        case .duration, .percent:
            let kind: Variable.Kind = profile.allNumbers ? (self == .duration ? .duration : .numeric) : inferred
            return Variable(name: name, label: label, kind: kind)
        case .codes, .category:
            // Few distinct values are levels here even when each occurs once (a small wave's languages),
            // whole-number codes in numeric order; codes take the platform's labels.
            guard profile.filled > 0, !profile.tooManyLevels, !profile.multiline else { return Variable(name: name, label: label, kind: inferred) }
            let values = profile.allIntegers ? profile.distinct.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) } : profile.distinct
            let labels: [String: String]
            if case .codes(let platformLabels) = self { labels = platformLabels } else { labels = [:] }
            return Variable(name: name, label: label, kind: .categorical(levels: values.map { Level(value: $0, label: labels[$0] ?? $0) }, reference: 0))
        case .personal(let numeric):
            return Variable(name: name, label: label, kind: numeric && profile.allNumbers ? .numeric : .text, isPII: true)
        }
    }

    /// The variable of a question's column `name`: an item of a Likert block (``QuestionBlocks``),
    /// or typed by its cells; display-order and free-text columns are text.
    static func questionVariable(name: String, label: String, index: Int, questions: QuestionBlocks, profiles: [ColumnProfile]) -> Variable {
        if QuestionBlocks.holdsText(name) {
            return Variable(name: name, label: label, kind: .text, question: questions.question(of: name))
        }
        let profile = profiles[index]
        let kind = questions.likertRange(of: name, profiles: profiles).map { Variable.Kind.likert(LikertScale(range: $0)) } ?? profile.inferredKind
        return Variable(name: name, label: label, kind: kind, missingCodes: profile.missingCodes(for: kind), question: questions.question(of: name))
    }
}
