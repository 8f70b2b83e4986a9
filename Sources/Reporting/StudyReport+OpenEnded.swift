import Study
import Thematic

extension StudyReport {
    /// The section of one open-ended question: the thematic tables of its answers (ids and titles
    /// naming the column) and their heatmaps. `wave` names the wave when the study has several.
    static func openEndedSection(_ result: OpenEndedResult, inWaveOf wave: String?) -> Report.Section {
        let summary = result.summary, coding = result.coding
        let idPrefix = "open_ended_\(result.column)_"
        var tables: [Table] = [.themeFrequencies(coding, suppressed: result.suppressedThemes)]
        tables += summary.matrices.map { .themeMatrix($0, result: coding, suppressed: result.suppressedMatrices[$0.attribute]) }
        tables.append(.themeCooccurrence(summary.cooccurrence, result: coding, suppressed: result.suppressedCooccurrence))
        tables.append(.themeExemplars(summary.exemplars, result: coding))
        tables = tables.map { table in
            var table = table
            table.id = idPrefix + table.id
            table.title += " (\(result.column))"
            return table
        }
        let percent = result.respondents == 0 ? 0 : Double(result.answered) / Double(result.respondents) * 100
        let paragraph = "\(result.question) (\(result.column)): \(result.answered) of \(result.respondents) respondents answered "
            + "(\(APA.number(percent, decimals: 1))%); \(result.noAnswer) left it blank and count as no answer. Each answer is one segment, "
            + "coded with the theme codebook \(result.themes); its participants are the respondents who answered, and prevalence is their share."
        return Report.Section(
            title: (wave.map { "\($0): " } ?? "") + "Open-Ended Answers: \(result.question)",
            paragraphs: [paragraph],
            tables: tables,
            // A heatmap would show the hidden counts: none for a matrix or a co-occurrence table with hidden cells.
            figures: themeHeatmaps(summary, coding: coding, idPrefix: idPrefix, suppressed: Set(result.suppressedMatrices.keys))
                .filter { result.suppressedCooccurrence == nil || $0.id != idPrefix + "theme_cooccurrence" })
    }
}
