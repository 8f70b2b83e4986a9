import Study
import SurveyStats

extension Table {
    /// APA frequency table of one variable: every declared level (zero counts included) with n, %,
    /// valid % and cumulative valid %, then one row per kind of missing answer and the total; a
    /// note gives the top-2-box share of a Likert item. Counts `suppressed` hides print as their marks
    /// ("< 5", "[c]"), with a note.
    public static func frequencies(_ result: FrequencyTableResult, label: String? = nil, suppressed: SuppressedCells? = nil) -> Table {
        func count(_ value: Int, row: Int) -> Cell {
            guard let mark = suppressed?.mark(row) else { return .integer(value) }
            return .text(mark)
        }
        var rows: [[Cell]] = result.levels.enumerated().map { index, level in
            [.text(level.value), .text(level.label), count(level.count, row: index), .percent(level.percent),
             .percent(level.validPercent), .percent(level.cumulativePercent)]
        }
        rows += result.missing.enumerated().map { index, row in
            [.text(row.code ?? ""), .text("Missing: \(row.label)"), count(row.count, row: result.levels.count + index),
             .percent(row.percent), .empty, .empty]
        }
        rows.append([.empty, .text("Total"), .integer(result.total), .percent(result.total > 0 ? 100 : nil), .empty, .empty])
        var notes = ["Valid % and cumulative % are of the \(result.n) valid answers."]
        if result.kind == .likert, let top = result.topTwoBox, result.levels.count >= 2 {
            let labels = result.levels.suffix(2).map { $0.label.isEmpty ? $0.value : $0.label }
            notes.append("Top-2-box (\(labels[0]) or \(labels[1])): \(APA.percent(top))% of valid answers.")
        }
        if let suppressed { notes.append(suppressed.note) }
        return Table(
            id: "frequencies_\(result.name)",
            title: label.map { $0 == result.name ? "Frequencies of \(result.name)" : "Frequencies of \(result.name): \($0)" } ?? "Frequencies of \(result.name)",
            columns: [
                .init("Value", key: "value", alignment: .left), .init("Label", key: "label", alignment: .left),
                .init("n", key: "count"), .init("%", key: "percent"), .init("Valid %", key: "valid_percent"),
                .init("Cumulative %", key: "cumulative_percent"),
            ],
            rows: rows, notes: notes)
    }
}
