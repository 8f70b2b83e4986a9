import Study
import Thematic

extension StudyReport {
    /// A heatmap per theme × attribute table (but those with suppressed cells, whose shares would
    /// give them away) and one of the top-level themes' co-occurrence; ids start with `idPrefix`.
    static func themeHeatmaps(_ summary: ThematicSummary, coding: CodingResult, idPrefix: String = "",
                              suppressed: Set<String> = []) -> [Figure] {
        let byGroup = summary.matrices.filter { !suppressed.contains($0.attribute) }.map { matrix in
            let id = idPrefix + "themes_by_\(Table.snakeCase(matrix.attribute))"
            let attribute = matrix.attribute.replacingUnderscores
            return Figure(id: id, title: "Themes by \(attribute)",
                          description: "Heatmap of the percentage of participants in each \(attribute) group (\(matrix.values.count) groups) who mention each of \(matrix.rows.count) themes; darker blue is a larger share.",
                          sourceTables: [id], chart: .themes(ThemeHeatmap(matrix)))
        }
        let topLevel = summary.themes.filter { $0.depth == 0 }.map(\.themeID)
        guard topLevel.count >= 2 else { return byGroup }
        let chart = ThemeHeatmap(summary.cooccurrence, themes: topLevel) { coding.codebook.theme($0)?.label ?? $0 }
        return byGroup + [Figure(id: idPrefix + "theme_cooccurrence", title: "Co-occurrence of the top-level themes",
                                 description: "Heatmap of the number of segments coded to both themes of each pair of the \(topLevel.count) top-level themes (sub-themes counting for their parents), shaded by the share of the rarer theme's segments.",
                                 sourceTables: [idPrefix + "theme_cooccurrence"], chart: .themes(chart))]
    }
}
