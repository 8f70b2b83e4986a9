import Study
import SurveyStats

extension Table {
    /// Every table of a one-way ANOVA in reading order: groups, the ANOVA table, assumption and
    /// robust tests, then Tukey–Kramer and Games–Howell comparisons (when there are pairs).
    /// Group counts `suppressed` hides print as their marks, and the pairwise comparisons with those
    /// groups are left out.
    public static func anovaTables(_ result: AnovaResult, id: String, title: String, suppressed: SuppressedCells? = nil) -> [Table] {
        var tables: [Table] = [
            .anovaGroups(result, id: "\(id)_groups", title: "Group Statistics: \(title)", suppressed: suppressed),
            .anova(result, id: id, title: "One-Way ANOVA: \(title)"),
            .anovaAssumptions(result, id: "\(id)_assumptions", title: "Tests of Equal Variances and Robust Tests of Equal Means: \(title)"),
        ]
        let tukey = suppressed?.shownPairs(result.tukey, groups: result.groups) ?? result.tukey
        let gamesHowell = suppressed?.shownPairs(result.gamesHowell, groups: result.groups) ?? result.gamesHowell
        if !tukey.isEmpty { tables.append(.postHoc(tukey, method: "Tukey–Kramer HSD", id: "\(id)_tukey", title: title)) }
        if !gamesHowell.isEmpty { tables.append(.postHoc(gamesHowell, method: "Games–Howell", id: "\(id)_games_howell", title: title)) }
        return tables
    }
}
