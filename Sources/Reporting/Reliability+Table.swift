import SurveyStats

extension Table {
    /// APA item analysis table of one scale: per item M, SD, corrected item–total r and α if the
    /// item is deleted; the note gives n, k, α with its Feldt CI, standardized α and any warnings.
    /// Reverse-keyed items (`reversed`) carry "(R)" and are described in the note.
    public static func reliability(_ result: ReliabilityResult, scale: String, reversed: [String] = []) -> Table {
        let rows: [[Cell]] = result.items.map { item in
            [.text(reversed.contains(item.name) ? "\(item.name) (R)" : item.name), .number(item.mean, decimals: 2), .number(item.sd, decimals: 2),
             .number(item.rDrop, decimals: 2, leadingZero: false),
             .number(item.alphaIfDeleted, decimals: 2, leadingZero: false)]
        }
        func bounded(_ value: Double?) -> String { APA.number(value, decimals: 2, leadingZero: false) }
        let excluded = result.excludedCases > 0 ? " (\(result.excludedCases) with a missing item excluded listwise)" : ""
        let level = APA.number(100 * result.confLevel, decimals: 0)
        var notes = [
            "n = \(result.n)\(excluded), k = \(result.k).",
            "Cronbach's α = \(bounded(result.alpha)), \(level)% CI [\(bounded(result.confLow)), \(bounded(result.confHigh))] (Feldt); standardized α = \(bounded(result.standardizedAlpha)).",
            "Item–total r is corrected (item vs. sum of the other items).",
        ]
        if !reversed.isEmpty {
            notes.append("(R): reverse-keyed item, scored as lowest + highest scale point − answer; its M and item–total r are of the reversed scores.")
        }
        notes += result.warnings.map { "Warning: \($0.message)" }
        return Table(
            id: "reliability_\(scale)",
            title: "Item Analysis of the \(scale) Scale",
            columns: [
                .init("Item", key: "name", alignment: .left), .init("M", key: "mean"), .init("SD", key: "sd"),
                .init("Item–total r", key: "r_drop"), .init("α if item deleted", key: "alpha_if_deleted"),
            ],
            rows: rows, notes: notes)
    }
}
