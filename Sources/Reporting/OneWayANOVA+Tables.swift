import SurveyStats

extension Table {
    /// Every table of a one-way ANOVA in reading order: groups, the ANOVA table, assumption and
    /// robust tests, then Tukey–Kramer and Games–Howell comparisons (when there are pairs).
    public static func anovaTables(_ result: AnovaResult, id: String, title: String) -> [Table] {
        var tables: [Table] = [
            .anovaGroups(result, id: "\(id)_groups", title: "Group Statistics: \(title)"),
            .anova(result, id: id, title: "One-Way ANOVA: \(title)"),
            .anovaAssumptions(result, id: "\(id)_assumptions", title: "Tests of Equal Variances and Robust Tests of Equal Means: \(title)"),
        ]
        if !result.tukey.isEmpty { tables.append(.postHoc(result.tukey, method: "Tukey–Kramer HSD", id: "\(id)_tukey")) }
        if !result.gamesHowell.isEmpty { tables.append(.postHoc(result.gamesHowell, method: "Games–Howell", id: "\(id)_games_howell")) }
        return tables
    }
}
