import Study
import SurveyStats

extension Table {
    /// The weighted Pearson correlations under the design: variables numbered down the side, r in
    /// the lower triangle (two decimals, no leading zero), "—" on the diagonal.
    public static func designCorrelations(_ result: DesignCorrelationResult, design: some DesignRoles) -> Table {
        let k = result.names.count
        var columns: [Column] = [.init("Variable", key: "variable", alignment: .left)]
        columns += (0..<max(k - 1, 0)).map { .init(String($0 + 1), key: result.names[$0], alignment: .center) }
        let rows: [[Cell]] = result.names.enumerated().map { i, name in
            [.text("\(i + 1). \(name)")] + (0..<(k - 1)).map { j -> Cell in
                if j == i { return .text(APA.undefined) }
                guard j < i else { return .empty }
                return .text(APA.number(result.matrix[i * k + j], decimals: 2, leadingZero: false))
            }
        }
        return Table(id: "weighted_correlations", title: designTitle("Weighted Correlations", sampled: "Weighted Correlations Under the Sampling Design", design),
                     columns: columns, rows: rows,
                     notes: designNotes(design, for: .correlations) + ["n = \(result.n) (listwise deletion), Σw = \(APA.number(result.weightSum, decimals: 1))."])
    }
}
