import SurveyStats

extension Table {
    /// APA correlation matrix: variables numbered down the side, Pearson r in the lower triangle
    /// (two decimals, no leading zero) flagged * for p < .05 and ** for p < .01 (two-sided), "—" on
    /// the diagonal. The note gives n (or its range under pairwise deletion). Cells are text because
    /// of the flags; full-precision r and p are in the JSON results.
    public static func correlations(_ result: CorrelationResult, id: String = "correlations",
                                    title: String = "Correlations") -> Table {
        let k = result.variables.count
        var columns: [Table.Column] = [.init("Variable", key: "variable", alignment: .left)]
        columns += (0..<max(k - 1, 0)).map { .init(String($0 + 1), key: result.variables[$0], alignment: .center) }
        let rows: [[Cell]] = result.variables.enumerated().map { i, name in
            [.text("\(i + 1). \(name)")] + (0..<(k - 1)).map { j -> Cell in
                if j == i { return .text(APA.undefined) }
                guard j < i, let pair = result.pair(i, j) else { return .empty }
                return .text(APA.number(pair.estimate, decimals: 2, leadingZero: false) + stars(pair.pValue))
            }
        }
        let size: String
        switch result.deletion {
        case .listwise:
            size = "n = \(result.n ?? 0) (listwise deletion)."
        case .pairwise:
            let counts = result.pairs.map(\.n)
            let (low, high) = (counts.min() ?? 0, counts.max() ?? 0)
            size = low == high ? "n = \(low) (pairwise deletion)." : "n = \(low)–\(high) (pairwise deletion)."
        }
        return Table(id: id, title: title, columns: columns, rows: rows,
                     notes: [size, "*p < .05. **p < .01 (two-sided)."])
    }

    private static func stars(_ p: Double?) -> String {
        guard let p else { return "" }
        return p < 0.01 ? "**" : p < 0.05 ? "*" : ""
    }
}
