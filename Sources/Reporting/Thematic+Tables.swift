import Foundation
import Study
import Thematic

/// Tables of a thematic analysis: theme frequencies and prevalence, theme × attribute matrices,
/// co-occurrence, exemplar quotes, the coded segments (one 0/1 column per theme) and coder agreement.
extension Table {
    /// Per theme (outline order, sub-themes indented): coded segments, participants mentioning it and
    /// their share of all interviewees. A theme whose row `suppressed` hides (rows numbered in
    /// outline order) shows its mark for all three, with a note.
    public static func themeFrequencies(_ result: CodingResult, suppressed: SuppressedCells? = nil) -> Table {
        let rows: [[Cell]] = result.themeFrequencies().enumerated().map { index, frequency in
            let counts: [Cell] = suppressed?.mark(index).map { [.text($0), .text($0), .text($0)] }
                ?? [.integer(frequency.segments), .integer(frequency.participants), .percent(frequency.prevalencePercent)]
            return [.text(indented(frequency.label, depth: frequency.depth)), .text(frequency.themeID)] + counts
        }
        return Table(
            id: "themes",
            title: isPreSegmented(result) ? "Frequency and Prevalence of Themes" : "Frequency and Prevalence of Interview Themes",
            columns: [
                .init("Theme", key: "theme", alignment: .left), .init("Code", key: "theme_id", alignment: .left),
                .init("Segments", key: "segments"), .init("Participants", key: "participants"),
                .init("% of participants", key: "prevalence_percent"),
            ],
            rows: rows,
            notes: [codingNote(result),
                    "A segment coded to a sub-theme counts for its parent theme too; prevalence is the share of the \(result.participants.count) \(isPreSegmented(result) ? "participants" : "interviewees") with at least one such segment."]
                + (suppressed.map { [$0.note] } ?? []))
    }

    /// Participants mentioning each theme, by the values of one attribute (NVivo-style matrix query).
    /// Counts `suppressed` hides (group sizes 0 ..< values, then each row's counts) print as their marks.
    public static func themeMatrix(_ matrix: ThemeAttributeMatrix, result: CodingResult, suppressed: SuppressedCells? = nil) -> Table {
        let width = matrix.values.count
        let valueColumns = zip(matrix.values, matrix.groupSizes).enumerated().map { index, group in
            let size = suppressed?.mark(index).map { $0.hasPrefix("<") ? "n \($0)" : "n = \($0)" } ?? "n = \(group.1)"
            return Column("\(group.0) (\(size))", key: snakeCase(group.0))
        }
        let rows: [[Cell]] = matrix.rows.enumerated().map { index, row in
            [.text(indented(row.label, depth: row.depth)), .text(row.themeID)] + row.participants.enumerated().map { column, count in
                suppressed?.mark((index + 1) * width + column).map(Cell.text) ?? .integer(count)
            }
        }
        return Table(
            id: "themes_by_\(snakeCase(matrix.attribute))",
            title: "Participants Mentioning Each Theme by \(matrix.attribute.replacingUnderscores.capitalizedFirst)",
            columns: [.init("Theme", key: "theme", alignment: .left), .init("Code", key: "theme_id", alignment: .left)] + valueColumns,
            rows: rows,
            notes: [codingNote(result), "Cells count participants with at least one segment coded to the theme or a sub-theme."] + (suppressed.map { [$0.note] } ?? []))
    }

    /// Segments coded to both themes of each pair; the diagonal is each theme's segment count.
    /// Counts `suppressed` hides (cell i × themes + j) print as their marks, with a note.
    public static func themeCooccurrence(_ cooccurrence: ThemeCooccurrence, result: CodingResult, suppressed: SuppressedCells? = nil) -> Table {
        let width = cooccurrence.themeIDs.count
        let rows: [[Cell]] = cooccurrence.themeIDs.enumerated().map { index, id in
            [.text(result.codebook.theme(id)?.label ?? id), .text(id)] + cooccurrence.counts[index].enumerated().map { column, count in
                suppressed?.mark(index * width + column).map(Cell.text) ?? .integer(count)
            }
        }
        return Table(
            id: "theme_cooccurrence",
            title: "Co-occurrence of Themes Within Segments",
            columns: [.init("Theme", key: "theme", alignment: .left), .init("Code", key: "theme_id", alignment: .left)]
                + cooccurrence.themeIDs.map { Column($0, key: $0) },
            rows: rows,
            notes: [codingNote(result), "Cells count segments coded to both themes (sub-themes counting for their parents); the diagonal gives each theme's segments."]
                + (suppressed.map { [$0.note] } ?? []))
    }

    /// Exemplar quotes per theme with participant, role and segment.
    public static func themeExemplars(_ exemplars: [String: [ThemeExemplar]], result: CodingResult) -> Table {
        var rows: [[Cell]] = []
        for id in result.themeOrder {
            for exemplar in exemplars[id] ?? [] {
                rows.append([.text(result.codebook.theme(id)?.label ?? id), .text(exemplar.participantID),
                             .text(exemplar.role ?? ""), .text(exemplar.segmentID), .text(singleLine(exemplar.quote))])
            }
        }
        return Table(
            id: "theme_exemplars",
            title: "Exemplar Quotes for Each Theme",
            columns: [
                .init("Theme", key: "theme", alignment: .left), .init("Participant", key: "participant_id", alignment: .left),
                .init("Role", key: "role", alignment: .left), .init("Segment", key: "segment_id", alignment: .left),
                .init("Quote", key: "quote", alignment: .left),
            ],
            rows: rows,
            notes: ["Segments ranked by the number of distinct codebook terms of the theme; one quote per participant before any second; quotes are trimmed to whole sentences."])
    }

    /// Every coded segment with its span and one 0/1 column per theme (sub-themes counting for their parents).
    public static func codedSegments(_ result: CodingResult) -> Table {
        let rows: [[Cell]] = result.segments.map { coded in
            let themes = Set(result.aggregatedThemes(of: coded))
            let terms = coded.codings.flatMap { coding in coding.matches.map(\.text) }
            return [.text(coded.segment.id), .text(coded.segment.transcriptID), .text(coded.segment.participantID),
                    .text(coded.segment.speaker ?? ""), .integer(coded.segment.start), .integer(coded.segment.end)]
                + result.themeOrder.map { .integer(themes.contains($0) ? 1 : 0) }
                + [.text(terms.joined(separator: "; "))]
        }
        return Table(
            id: "coded_segments",
            title: "Coded Segments",
            columns: [
                .init("Segment", key: "segment_id", alignment: .left), .init("Transcript", key: "transcript_id", alignment: .left),
                .init("Participant", key: "participant_id", alignment: .left), .init("Speaker", key: "speaker", alignment: .left),
                .init("Start", key: "start"), .init("End", key: "end"),
            ] + result.themeOrder.map { Column($0, key: $0) } + [.init("Matched terms", key: "matched_terms", alignment: .left)],
            rows: rows,
            notes: [codingNote(result), "Start and end are half-open Unicode scalar offsets into the transcript text."])
    }

    /// An agreement statistic bounded by 1 (κ, PABAK, α, precision, recall, F1): three decimals
    /// without leading zero, more when three would show a value short of ±1 as ±1.000 (.9996 is
    /// ".9996": only perfect agreement reads 1; issue 17).
    static func coefficient(_ value: Double?) -> Cell {
        .number(value, decimals: value.map(coefficientDecimals) ?? 3, leadingZero: false)
    }

    /// The decimals ``coefficient(_:)`` shows `value` with: 3, or the fewest (up to 15) that keep a
    /// value with |value| < 1 from rounding to ±1.
    static func coefficientDecimals(_ value: Double) -> Int {
        var decimals = 3
        while decimals < 15, abs(value) < 1, (abs(value) * pow(10, Double(decimals))).rounded() >= pow(10, Double(decimals)) { decimals += 1 }
        return decimals
    }

    /// Per theme: confusion counts, percent agreement, Cohen's κ, PABAK and Krippendorff's α.
    public static func coderAgreement(_ agreement: AgreementResult, firstCoder: String = "Automatic", secondCoder: String = "Human") -> Table {
        let rows: [[Cell]] = agreement.themes.map { theme in
            [.text(theme.label), .text(theme.themeID), .integer(theme.confusion.both), .integer(theme.confusion.firstOnly),
             .integer(theme.confusion.secondOnly), .integer(theme.confusion.neither), .percent(theme.percentAgreement),
             coefficient(theme.kappa), coefficient(theme.pabak), coefficient(theme.alpha)]
        }
        return Table(
            id: "coder_agreement",
            title: "Agreement Between \(firstCoder) and \(secondCoder) Coding",
            columns: [
                .init("Theme", key: "theme", alignment: .left), .init("Code", key: "theme_id", alignment: .left),
                .init("Both", key: "both"), .init("\(firstCoder) only", key: "first_only"),
                .init("\(secondCoder) only", key: "second_only"), .init("Neither", key: "neither"),
                .init("% agreement", key: "percent_agreement"), .init("κ", key: "kappa"),
                .init("PABAK", key: "pabak"), .init("α", key: "alpha"),
            ],
            rows: rows,
            notes: [
                "N = \(agreement.segments) segments. κ = Cohen's kappa; PABAK = prevalence- and bias-adjusted kappa (2p₀ − 1); α = Krippendorff's alpha (nominal). — : undefined (one coder or both constant).",
                "Over all segment × theme decisions: \(APA.percent(agreement.percentAgreement))% agreement, Krippendorff's α = \(APA.number(agreement.alpha, decimals: agreement.alpha.map(coefficientDecimals) ?? 3, leadingZero: false)).",
            ])
    }

    /// Per theme: precision, recall and F1 of the automatic coding against the human coding, then
    /// their macro average (mean over the themes where defined) and micro average (pooled counts).
    public static func coderPrecisionRecall(_ agreement: AgreementResult) -> Table {
        func cells(_ precision: Double?, _ recall: Double?, _ f1: Double?) -> [Cell] {
            [precision, recall, f1].map(coefficient)
        }
        var rows: [[Cell]] = agreement.themes.map { theme in
            [.text(theme.label), .text(theme.themeID), .integer(theme.confusion.both + theme.confusion.firstOnly),
             .integer(theme.confusion.both + theme.confusion.secondOnly)]
                + cells(theme.confusion.precision, theme.confusion.recall, theme.confusion.f1)
        }
        let pooled = agreement.pooledConfusion
        rows.append([.text("Macro average"), .text(""), .text(""), .text("")]
                    + cells(agreement.macroAverage(\.precision), agreement.macroAverage(\.recall), agreement.macroAverage(\.f1)))
        rows.append([.text("Micro average"), .text(""), .integer(pooled.both + pooled.firstOnly), .integer(pooled.both + pooled.secondOnly)]
                    + cells(pooled.precision, pooled.recall, pooled.f1))
        return Table(
            id: "coder_precision_recall",
            title: "Precision, Recall and F1 of the Automatic Coding Against the Human Coding",
            columns: [
                .init("Theme", key: "theme", alignment: .left), .init("Code", key: "theme_id", alignment: .left),
                .init("Automatic", key: "automatic"), .init("Human", key: "human"),
                .init("Precision", key: "precision"), .init("Recall", key: "recall"), .init("F1", key: "f1"),
            ],
            rows: rows,
            notes: [
                "N = \(agreement.segments) segments. Automatic, Human: segments each coded to the theme. Precision = share of the automatic codings the human coding has; recall = share of the human codings the automatic coding finds; F1 = their harmonic mean. — : undefined (no such codings).",
            ])
    }

    /// Per theme: agreement among several human coders (Fleiss' κ, Krippendorff's α) and the size of their majority coding.
    public static func coderPanelAgreement(_ panel: CoderPanelResult) -> Table {
        let rows: [[Cell]] = panel.themes.map { theme in
            [.text(theme.label), .text(theme.themeID), .integer(theme.majoritySegments),
             coefficient(theme.fleissKappa), coefficient(theme.alpha)]
        }
        return Table(
            id: "coder_panel_agreement",
            title: "Agreement Among the \(panel.coders.count) Human Coders",
            columns: [
                .init("Theme", key: "theme", alignment: .left), .init("Code", key: "theme_id", alignment: .left),
                .init("Majority", key: "majority_segments"), .init("Fleiss' κ", key: "fleiss_kappa"), .init("α", key: "alpha"),
            ],
            rows: rows,
            notes: [
                "N = \(panel.segments) segments coded by every coder (\(panel.coders.joined(separator: ", "))). Majority: segments more than half of the coders coded to the theme (or a sub-theme); the automatic coding is compared with this majority. α = Krippendorff's alpha (nominal) over every segment two or more coders coded. — : undefined.",
            ])
    }

    /// Every segment on which the automatic and the human coding differ, with the terms that fired.
    public static func codingDisagreements(_ disagreements: [CodingDisagreement]) -> Table {
        let rows: [[Cell]] = disagreements.map { item in
            let automaticOnly = item.automaticThemes.filter { !item.humanThemes.contains($0) }
            let humanOnly = item.humanThemes.filter { !item.automaticThemes.contains($0) }
            return [.text(item.segment.id), .text(item.segment.participantID), .text(automaticOnly.joined(separator: "; ")),
                    .text(humanOnly.joined(separator: "; ")), .text(item.automaticThemes.joined(separator: "; ")),
                    .text(item.humanThemes.joined(separator: "; ")), .text(item.firedTerms.joined(separator: "; ")),
                    .text(singleLine(item.segment.text))]
        }
        return Table(
            id: "coding_disagreements",
            title: "Segments Coded Differently by the Automatic and the Human Coding",
            columns: [
                .init("Segment", key: "segment_id", alignment: .left), .init("Participant", key: "participant_id", alignment: .left),
                .init("Automatic only", key: "automatic_only", alignment: .left), .init("Human only", key: "human_only", alignment: .left),
                .init("Automatic", key: "automatic", alignment: .left), .init("Human", key: "human", alignment: .left),
                .init("Fired terms", key: "fired_terms", alignment: .left), .init("Text", key: "text", alignment: .left),
            ],
            rows: rows,
            notes: ["Themes include the parents of coded sub-themes. Fired terms: theme: codebook term for every term that matched in the segment."])
    }

    /// Per theme: the dictionary's and the learned coding's (k-fold cross-validated) precision, recall and κ against the human coding.
    public static func learnedCodingEvaluation(_ evaluation: LearnedCodingEvaluation) -> Table {
        func cells(_ theme: ThemeAgreement) -> [Cell] {
            [coefficient(theme.confusion.precision), coefficient(theme.confusion.recall), coefficient(theme.kappa)]
        }
        let rows: [[Cell]] = zip(evaluation.dictionary.themes, evaluation.learned.themes).map { dictionary, learned in
            [.text(dictionary.label), .text(dictionary.themeID), .integer(dictionary.confusion.both + dictionary.confusion.secondOnly)]
                + cells(dictionary) + cells(learned)
        }
        return Table(
            id: "learned_coding_evaluation",
            title: "Dictionary and Learned Coding Against the Human Coding",
            columns: [
                .init("Theme", key: "theme", alignment: .left), .init("Code", key: "theme_id", alignment: .left), .init("Human", key: "human"),
                .init("Dictionary precision", key: "dictionary_precision"), .init("Dictionary recall", key: "dictionary_recall"),
                .init("Dictionary κ", key: "dictionary_kappa"),
                .init("Learned precision", key: "learned_precision"), .init("Learned recall", key: "learned_recall"), .init("Learned κ", key: "learned_kappa"),
            ],
            rows: rows,
            notes: [
                "N = \(evaluation.learned.segments) human-coded segments. Learned: multinomial naive Bayes per theme on the segment's words and the dictionary's code, "
                    + "\(evaluation.folds)-fold cross-validated (consecutive folds, each predicted by the model trained on the others). κ = Cohen's kappa. — : undefined.",
            ])
    }

    /// Every theme the learned coding suggests, with its probability, for review (a separate coder, never merged).
    public static func learnedSuggestions(_ suggestions: [LearnedSuggestion]) -> Table {
        Table(
            id: "learned_suggestions",
            title: "Themes Suggested by the Learned Coding",
            columns: [
                .init("Segment", key: "segment_id", alignment: .left), .init("Participant", key: "participant_id", alignment: .left),
                .init("Code", key: "theme_id", alignment: .left), .init("Probability", key: "probability"),
                .init("Dictionary", key: "dictionary"), .init("Text", key: "text", alignment: .left),
            ],
            rows: suggestions.map { item in
                [.text(item.segment.id), .text(item.segment.participantID), .text(item.themeID),
                 .number(item.probability, decimals: 3, leadingZero: false), .integer(item.dictionaryCodes ? 1 : 0), .text(singleLine(item.segment.text))]
            },
            notes: ["Probability: the learned coding's, suggested from .5. Dictionary: 1 when the codebook codes the segment with the theme too."])
    }

    private static func codingNote(_ result: CodingResult) -> String {
        guard isPreSegmented(result) else {
            return "Deductive coding of \(result.transcripts.count) transcripts by \(result.unit.rawValue) with the codebook \"\(result.codebook.name)\"."
        }
        return "Deductive coding of \(result.transcripts.count) pre-segmented texts (answers or segment rows, one segment each) with the codebook \"\(result.codebook.name)\"."
    }

    /// Whether every text coded is a row of a segment table or an answer (``Transcript/isSegmentRow``),
    /// whose cases are participants rather than interviewees.
    private static func isPreSegmented(_ result: CodingResult) -> Bool {
        !result.transcripts.isEmpty && result.transcripts.allSatisfy(\.isSegmentRow) && result.unit == .turn
    }

    /// `text` with every run of white space (line breaks included) shown as one space.
    private static func singleLine(_ text: String) -> String {
        var line = String.UnicodeScalarView()
        var spacePending = false
        for scalar in text.unicodeScalars {
            // ASCII white space without a Unicode property look-up (the exemplar quotes are long).
            if scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace {
                spacePending = !line.isEmpty
                continue
            }
            if spacePending { line.append(" ") }
            spacePending = false
            line.append(scalar)
        }
        return String(line)
    }

    private static func indented(_ label: String, depth: Int) -> String {
        String(repeating: "  ", count: depth) + label
    }

    static func snakeCase(_ text: String) -> String {
        let lowered = text.lowercased().unicodeScalars.map { scalar -> Character in
            (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)) ? Character(scalar) : "_"
        }
        return String(lowered).split(separator: "_").joined(separator: "_")
    }
}

extension String {
    var replacingUnderscores: String { split(separator: "_").joined(separator: " ") }
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
