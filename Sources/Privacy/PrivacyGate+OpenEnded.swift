import Study
import Thematic

extension PrivacyGate {
    /// The coded answers to an open-ended question as they may be published:
    /// - the answers' texts (segments, exemplar quotes) redacted (``TextRedaction``, with `names`);
    /// - with a key, every respondent ID (participants, segment ids, quotes' sources) replaced by its
    ///   ``Pseudonym``, the same HMAC as the interviewees';
    /// - the matrices by a dropped personal-data column left out;
    /// - the respondents' attribute values left out of the participant list and the quotes (with
    ///   the answers they would be microdata of quasi-identifiers); they appear only as counts in
    ///   the theme × attribute matrices,
    /// - whose small cells are hidden (``suppress(_:minCell:)``).
    ///
    /// The result's coding is rebuilt from the gated summary, so that no table can reach the
    /// original texts or IDs.
    /// - Returns: what was done, and the tables with hidden cells.
    static func gate(_ result: inout OpenEndedResult, minCell: Int, pseudonym: Pseudonym?, names: RedactionNames,
                     keyVariable: String?, dropping dropped: Set<String>) -> (PrivacyReport.OpenEndedAnswers, [PrivacyReport.SuppressedTable]) {
        var summary = result.summary
        summary.matrices.removeAll { dropped.contains($0.attribute) }
        let redactions = redact(&summary, names: names)
        if let pseudonym {
            summary = pseudonymise(summary, with: pseudonym)
            for index in summary.segments.indices {
                summary.segments[index].segment.id = pseudonym.of(summary.segments[index].segment.id)
                summary.segments[index].segment.transcriptID = pseudonym.of(summary.segments[index].segment.transcriptID)
            }
            summary.exemplars = summary.exemplars.mapValues { $0.map { exemplar in
                var exemplar = exemplar
                exemplar.segmentID = pseudonym.of(exemplar.segmentID)
                return exemplar
            } }
        }
        for index in summary.participants.indices { summary.participants[index].attributes = [] }
        summary.exemplars = summary.exemplars.mapValues { $0.map { exemplar in
            var exemplar = exemplar
            exemplar.role = nil
            return exemplar
        } }
        var tables: [PrivacyReport.SuppressedTable] = []
        for matrix in summary.matrices {
            guard let hidden = suppress(matrix, minCell: minCell) else { continue }
            result.suppressedMatrices[matrix.attribute] = hidden
            tables.append(.init(table: "open_ended_\(result.column)_themes_by_\(matrix.attribute)",
                                small: hidden.small.count, complementary: hidden.complementary.count))
        }
        if let hidden = suppress(summary.themes, minCell: minCell) {
            result.suppressedThemes = hidden
            tables.append(.init(table: "open_ended_\(result.column)_themes", small: hidden.small.count, complementary: hidden.complementary.count))
        }
        if let hidden = suppress(summary.cooccurrence, minCell: minCell) {
            result.suppressedCooccurrence = hidden
            tables.append(.init(table: "open_ended_\(result.column)_theme_cooccurrence", small: hidden.small.count,
                                complementary: hidden.complementary.count))
        }
        let coding = result.coding
        let transcripts = summary.segments.map {
            SegmentTable.segment(id: $0.segment.transcriptID, name: result.file, text: $0.segment.text, participantID: $0.segment.participantID, attributes: [])
        }
        result.coding = CodingResult(codebook: coding.codebook, unit: coding.unit, transcripts: transcripts,
                                     participants: summary.participants, segments: summary.segments)
        result.summary = summary
        return (.init(file: result.file, column: result.column, answered: result.answered, redactions: redactions, keyVariable: keyVariable),
                tables)
    }

    /// The hidden rows of a theme table (rows in outline order): a theme that 1 … minCell − 1
    /// participants mention has its segments, participants and prevalence hidden.
    ///
    /// Each row is a group of its own (``SmallCellSuppression``): themes overlap (an answer may carry
    /// several, a parent counts its sub-themes' answers), so no rows add up to a count the report
    /// shows, and no other row needs hiding for a small one to stay hidden. (A theme's segments in
    /// open answers are its participants, one answer being one segment.)
    static func suppress(_ themes: [ThemeFrequency], minCell: Int) -> SuppressedCells? {
        SmallCellSuppression.suppress(themes.map { [$0.participants] }, minCell: minCell)
    }

    /// The hidden cells of a co-occurrence table (cell i × themes + j): a count of 1 … minCell − 1
    /// answers coded to both themes. Each cell is a group of its own for the reason the theme
    /// table's rows are; the cells a hidden count equals are hidden with it (its mirror j × i, the
    /// diagonal of a sub-theme against its parent's column), being the same small count.
    static func suppress(_ cooccurrence: ThemeCooccurrence, minCell: Int) -> SuppressedCells? {
        SmallCellSuppression.suppress(cooccurrence.counts.flatMap { $0.map { [$0] } }, minCell: minCell)
    }

    /// The hidden cells of a theme × attribute matrix, numbered as in
    /// ``OpenEndedResult/suppressedMatrices`` (the group sizes, then each theme's participants per
    /// group), or `nil` when no count is small.
    ///
    /// Each line of counts — the group sizes (summing to the respondents who answered) and each
    /// theme's participants per group (summing to the theme's participants, which the theme table
    /// shows) — is suppressed as a frequency table is (``SmallCellSuppression``). A group whose size
    /// is hidden has its whole column hidden, and a line left with a single hidden cell has its next
    /// smallest cell hidden too, until neither adds a cell.
    static func suppress(_ matrix: ThemeAttributeMatrix, minCell: Int) -> SuppressedCells? {
        let width = matrix.values.count
        let lines = [matrix.groupSizes] + matrix.rows.map(\.participants)
        guard width > 0, let first = SmallCellSuppression.suppress(lines, minCell: minCell) else { return nil }
        var hidden = Set(first.small + first.complementary)
        var changed = true
        while changed {
            changed = false
            for column in 0..<width where hidden.contains(column) {
                for line in lines.indices.dropFirst() where hidden.insert(line * width + column).inserted { changed = true }
            }
            for (line, counts) in lines.enumerated() {
                let cells = counts.indices.map { line * width + $0 }
                guard cells.filter(hidden.contains).count == 1,
                      let partner = counts.indices.filter({ !hidden.contains(line * width + $0) }).min(by: { (counts[$0], $0) < (counts[$1], $1) })
                else { continue }
                hidden.insert(line * width + partner)
                changed = true
            }
        }
        return SuppressedCells(minCell: minCell, small: first.small, complementary: hidden.subtracting(first.small).sorted())
    }
}
