import Study
import Thematic

extension StudyReport {
    /// A heatmap per theme × attribute table and one of the top-level themes' co-occurrence.
    static func themeHeatmaps(_ interviews: InterviewResult) -> [Figure] {
        let summary = interviews.summary, coding = interviews.coding
        let byGroup = summary.matrices.map { matrix in
            let id = "themes_by_\(Table.snakeCase(matrix.attribute))"
            let attribute = matrix.attribute.replacingUnderscores
            return Figure(id: id, title: "Themes by \(attribute)",
                          description: "Heatmap of the percentage of participants in each \(attribute) group (\(matrix.values.count) groups) who mention each of \(matrix.rows.count) themes; darker blue is a larger share.",
                          sourceTables: [id], chart: .themes(ThemeHeatmap(matrix)))
        }
        let topLevel = summary.themes.filter { $0.depth == 0 }.map(\.themeID)
        guard topLevel.count >= 2 else { return byGroup }
        let chart = ThemeHeatmap(summary.cooccurrence, themes: topLevel) { coding.codebook.theme($0)?.label ?? $0 }
        return byGroup + [Figure(id: "theme_cooccurrence", title: "Co-occurrence of the top-level themes",
                                 description: "Heatmap of the number of segments coded to both themes of each pair of the \(topLevel.count) top-level themes (sub-themes counting for their parents), shaded by the share of the rarer theme's segments.",
                                 sourceTables: ["theme_cooccurrence"], chart: .themes(chart))]
    }
}
