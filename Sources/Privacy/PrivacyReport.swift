import Study

/// What the Privacy gate did to a study's results, and why: rendered as the "Privacy" part of the
/// report's data section and written to results.json under `privacy`.
public struct PrivacyReport: Sendable, Equatable, Encodable {
    /// The smallest count a frequency or group table shows.
    public var minCell: Int
    /// Columns left out of every table, chart and file.
    public var dropped: [PersonalColumn]
    /// Columns that are (or look like) personal data but that the study file keeps (`privacy: {keep: …}`).
    public var kept: [PersonalColumn]
    /// Analyses left out because they use a dropped column.
    public var droppedAnalyses: [String]
    /// Tables in which small counts are hidden, with how many cells (small and complementary).
    public var suppressedTables: [SuppressedTable]
    /// Design-based tables withheld because their unweighted twin hides small counts.
    public var withheldDesignTables: [String] = []
    /// Data files whose content could not be scanned (``PersonalDataScan``).
    public var unscannedFiles: [String]
    /// Interviewees whose IDs are replaced by ``Pseudonym``s (`nil` without interviews).
    public var interviewees: Interviewees?
    /// Per wave whose file could be read, the k-anonymity of the study's quasi-identifiers (none when it names none).
    public var kAnonymity: [WaveKAnonymity] = []
    /// Per wave and open-ended question, what the gate did to its coded answers (none when the study codes none).
    public var openEnded: [OpenEndedAnswers] = []

    public struct OpenEndedAnswers: Sendable, Equatable, Encodable {
        public var file: String
        public var column: String
        public var answered: Int
        /// Pieces of personal data replaced in the answers and quotes (``TextRedaction``), by kind.
        public var redactions: [PersonalDataKind: Int]
        /// The environment variable the pseudonyms' key came from; `nil`: IDs as the data write them.
        public var keyVariable: String?

        enum CodingKeys: String, CodingKey {
            case file, column, answered, redactions
            case keyVariable = "key_variable"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(file, forKey: .file)
            try c.encode(column, forKey: .column)
            try c.encode(answered, forKey: .answered)
            try c.encode(keyVariable, forKey: .keyVariable)
            try c.encode(Dictionary(uniqueKeysWithValues: redactions.map { ($0.key.rawValue, $0.value) }), forKey: .redactions)
        }

        /// The sentence the report prints.
        var sentence: String {
            let ids = keyVariable.map {
                "respondent IDs are replaced by keyed pseudonyms (HMAC-SHA256 with the key in \($0), as the interviewees')"
            } ?? "respondent IDs are shown as the data write them (privacy: {id_key_env: VARIABLE} replaces them with keyed pseudonyms)"
            let redacted = PersonalDataKind.allCases.compactMap { kind in
                redactions[kind].map { "\($0) \(kind.description) as \(TextRedaction.placeholder(kind))" }
            }
            return "Open-ended answers to \(column) in \(file) (\(answered) answered): \(ids); "
                + (redacted.isEmpty ? "no personal data was found in the answers" : "replaced in the answers and quotes: \(redacted.joined(separator: ", "))")
                + "; the respondents' attributes appear only as counts in the theme tables."
        }
    }

    public struct WaveKAnonymity: Sendable, Equatable, Encodable {
        public var file: String
        public var result: KAnonymityResult

        /// The sentence the report prints.
        var sentence: String {
            let r = result
            let names = r.quasiIdentifiers.joined(separator: ", ")
            guard let smallest = r.smallestClass else { return "\(file) has no rows: the k-anonymity of \(names) is not defined." }
            let share = PersonalColumn.percent(r.respondentsBelowK, of: r.respondents)
            let below = r.respondentsBelowK == 0
                ? "no respondent is in a class of fewer than \(r.k)"
                : "\(r.respondentsBelowK) respondents (\(share)%) are in the \(r.classesBelowK) classes of fewer than \(r.k), and could be singled out by someone who knows these facts about them"
            return "k-anonymity of the quasi-identifiers \(names) in \(file): \(r.classes) equivalence classes; the smallest holds \(smallest) respondent\(smallest == 1 ? "" : "s") (the data are \(smallest)-anonymous); \(below)."
        }
    }

    public struct Interviewees: Sendable, Equatable, Encodable {
        public var count: Int
        /// Pieces of personal data replaced in quotes and segments (``TextRedaction``), by kind.
        public var redactions: [PersonalDataKind: Int] = [:]
        /// The environment variable the pseudonyms' key came from; `nil`: IDs as the transcripts write them.
        public var keyVariable: String?

        enum CodingKeys: String, CodingKey {
            case count, redactions
            case keyVariable = "key_variable"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(count, forKey: .count)
            try c.encode(keyVariable, forKey: .keyVariable)
            try c.encode(Dictionary(uniqueKeysWithValues: redactions.map { ($0.key.rawValue, $0.value) }), forKey: .redactions)
        }
    }

    /// A column that is personal data by the codebook (`pii: true`) or by its content.
    public struct PersonalColumn: Sendable, Equatable, Encodable {
        public var name: String
        /// Typed `pii` in the codebook.
        public var codebookPII: Bool
        /// What its sampled cells look like, in the file where they were found (none when only the codebook says so).
        public var detected: [Detection]

        public struct Detection: Sendable, Equatable, Encodable {
            public var file: String
            public var kind: PersonalDataKind
            public var matched: Int
            public var sampled: Int
        }

        /// Why the column is personal data, in words.
        public var reason: String {
            var reasons = codebookPII ? ["typed pii in the codebook"] : []
            reasons += detected.map { d in
                "\(d.matched) of \(d.sampled) sampled cells of \(d.file) look like \(d.kind.description) (\(Self.percent(d.matched, of: d.sampled))%)"
            }
            return reasons.joined(separator: "; ")
        }

        static func percent(_ part: Int, of whole: Int) -> String {
            let tenths = (part * 1000 + whole / 2) / whole
            return "\(tenths / 10).\(tenths % 10)"
        }

        enum CodingKeys: String, CodingKey { case name, detected, reason
            case codebookPII = "codebook_pii"
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(codebookPII, forKey: .codebookPII)
            try c.encode(detected, forKey: .detected)
            try c.encode(reason, forKey: .reason)
        }
    }

    public struct SuppressedTable: Sendable, Equatable, Encodable {
        /// The table's id (as its CSV file is named), e.g. `frequencies_gender`, `anova_trust_by_gender_groups`.
        public var table: String
        public var small: Int
        public var complementary: Int
    }

    enum CodingKeys: String, CodingKey {
        case dropped, kept
        case minCell = "min_cell"
        case droppedAnalyses = "dropped_analyses"
        case suppressedTables = "suppressed_tables"
        case withheldDesignTables = "withheld_design_tables"
        case unscannedFiles = "unscanned_files"
        case interviewees
        case kAnonymity = "k_anonymity"
        case openEnded = "open_ended"
    }

    /// `open_ended` only when the study codes open-ended answers (results.json of other studies unchanged).
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(minCell, forKey: .minCell)
        try c.encode(dropped, forKey: .dropped)
        try c.encode(kept, forKey: .kept)
        try c.encode(droppedAnalyses, forKey: .droppedAnalyses)
        try c.encode(suppressedTables, forKey: .suppressedTables)
        if !withheldDesignTables.isEmpty { try c.encode(withheldDesignTables, forKey: .withheldDesignTables) }
        try c.encode(unscannedFiles, forKey: .unscannedFiles)
        try c.encodeIfPresent(interviewees, forKey: .interviewees)
        try c.encode(kAnonymity, forKey: .kAnonymity)
        if !openEnded.isEmpty { try c.encode(openEnded, forKey: .openEnded) }
    }

    /// The report's sentences, in the order they are printed.
    public var paragraphs: [String] {
        var lines: [String] = []
        if dropped.isEmpty {
            lines.append("No column is personal data by the codebook (pii) or by its content (e-mail addresses, phone numbers, IP addresses, GPS coordinates, street addresses, person names in the first \(PersonalDataScan.sampleRows) rows).")
        } else {
            lines += dropped.map { "Column \($0.name) is left out of every table and file: \($0.reason)." }
        }
        lines += kept.map { "WARNING: column \($0.name) is personal data (\($0.reason)) and is kept because the study file says privacy: {keep: [\($0.name)]}." }
        lines += droppedAnalyses.map { "Left out because it uses a dropped column: \($0)." }
        lines += withheldDesignTables.map { "Withheld because its unweighted table hides small counts: \($0)." }
        lines += unscannedFiles.map { "The content of \($0) could not be scanned for personal data (only the codebook's pii types apply)." }
        if let interviewees {
            lines.append(interviewees.keyVariable.map {
                "The \(interviewees.count) interviewees' IDs are replaced by keyed pseudonyms (the first \(Pseudonym.hexDigits) hex digits of HMAC-SHA256 with the key in the environment variable \($0))."
            } ?? "The \(interviewees.count) interviewees' IDs are shown as the transcripts write them (privacy: {id_key_env: VARIABLE} replaces them with keyed pseudonyms).")
            let redacted = PersonalDataKind.allCases.compactMap { kind in
                interviewees.redactions[kind].map { "\($0) \(kind.description) as \(TextRedaction.placeholder(kind))" }
            }
            lines.append(redacted.isEmpty
                ? "No e-mail address, phone number, IP address, GPS coordinate pair, street address or person name was found in the interview quotes and segments."
                : "Replaced in the interview quotes and segments: \(redacted.joined(separator: ", ")).")
        }
        lines += kAnonymity.map(\.sentence)
        lines += openEnded.map(\.sentence)
        let hidden = suppressedTables.reduce(0) { $0 + $1.small }
        lines.append(suppressedTables.isEmpty
            ? "No frequency or group table has a count from 1 to \(minCell - 1)."
            : "Counts from 1 to \(minCell - 1) are shown as \"< \(minCell)\": \(hidden) small cells in \(suppressedTables.count) tables, and \(suppressedTables.reduce(0) { $0 + $1.complementary }) further cells hidden so that they cannot be recovered from the totals. Statistics are computed over all respondents.")
        return lines
    }
}
