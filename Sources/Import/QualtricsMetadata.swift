import SurveyData

/// The columns Qualtrics adds to every export besides the questions, and what each holds.
///
/// Names as in the current export (three header rows) and the legacy one (two rows, where the
/// metadata columns are tagged `V1`…`V10` and named on the second row).
enum QualtricsMetadata {
    enum Role: Equatable {
        case id, date, duration, flag, percent, status, category
        /// Identifies a person: typed `text` or `numeric` as its cells are, marked pii.
        case personal(numeric: Bool)
    }

    static let roles: [String: Role] = [
        "ResponseId": .id, "ResponseID": .id,
        "StartDate": .date, "EndDate": .date, "RecordedDate": .date,
        "Duration (in seconds)": .duration,
        "Finished": .flag,
        "Progress": .percent,
        "Status": .status,
        "DistributionChannel": .category, "UserLanguage": .category, "ResponseSet": .category,
        "IPAddress": .personal(numeric: false),
        "RecipientLastName": .personal(numeric: false), "RecipientFirstName": .personal(numeric: false),
        "RecipientEmail": .personal(numeric: false), "ExternalReference": .personal(numeric: false),
        "ExternalDataReference": .personal(numeric: false), "Name": .personal(numeric: false),
        "EmailAddress": .personal(numeric: false),
        "LocationLatitude": .personal(numeric: true), "LocationLongitude": .personal(numeric: true),
        "LocationAccuracy": .personal(numeric: true),
    ]

    /// Qualtrics' response-type codes of the Status column (Qualtrics support, "Understanding your dataset").
    static let statusLabels: [String: String] = [
        "0": "IP Address", "1": "Survey Preview", "2": "Survey Test", "4": "Imported", "8": "Spam",
        "9": "Survey Preview Spam", "12": "Imported Spam", "16": "Offline", "17": "Offline Survey Preview",
    ]

    /// The variable of metadata column `name` with `label`, typed by its role when its cells fit that
    /// role, else by `profile` as any column is.
    static func variable(name: String, label: String, role: Role, profile: ColumnProfile) -> Variable {
        let inferred = profile.inferredKind
        switch role {
        case .id: return Variable(name: name, label: label, kind: .id)
        case .date: return Variable(name: name, label: label, kind: .date)
        case .flag: return Variable(name: name, label: label, kind: .flag)
        case .duration, .percent:
            let kind: Variable.Kind = profile.allNumbers ? (role == .duration ? .duration : .numeric) : inferred
            return Variable(name: name, label: label, kind: kind)
        case .status:
            guard case .categorical(let levels, _) = inferred else { return Variable(name: name, label: label, kind: inferred) }
            let labelled = levels.map { Level(value: $0.value, label: statusLabels[$0.value] ?? $0.label) }
            return Variable(name: name, label: label, kind: .categorical(levels: labelled, reference: 0))
        case .category:
            // Few distinct values are levels here even when each occurs once (a small wave's languages).
            guard profile.filled > 0, !profile.tooManyLevels, !profile.multiline else { return Variable(name: name, label: label, kind: inferred) }
            return Variable(name: name, label: label, kind: .categorical(levels: profile.distinct.map { Level(value: $0, label: $0) }, reference: 0))
        case .personal(let numeric):
            return Variable(name: name, label: label, kind: numeric && profile.allNumbers ? .numeric : .text, isPII: true)
        }
    }
}
