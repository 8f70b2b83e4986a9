import SurveyStats

extension Table {
    /// The polychoric correlation matrix of a scale's items (lower triangle, two decimals) with
    /// ordinal α and ω in the notes, and what they are.
    public static func ordinalReliability(_ result: OrdinalReliabilityResult, scale: String) -> Table {
        let names = result.polychoric.names, k = names.count
        var columns: [Table.Column] = [.init("Item", key: "name", alignment: .left)]
        columns += (0..<max(k - 1, 0)).map { .init(String($0 + 1), key: names[$0], alignment: .center) }
        let rows: [[Cell]] = names.enumerated().map { i, name in
            [.text("\(i + 1). \(name)")] + (0..<(k - 1)).map { j -> Cell in
                j == i ? .text(APA.undefined) : j < i ? .number(result.polychoric.correlation(i, j), decimals: 2, leadingZero: false) : .empty
            }
        }
        let omega = result.omega.map { "ordinal ω = \(APA.number($0.omega, decimals: 2, leadingZero: false))" }
            ?? "no ordinal ω (\(result.omegaProblem ?? "not estimated"))"
        return Table(
            id: "ordinal_reliability_\(scale)",
            title: "Polychoric Correlations of the \(scale) Items",
            columns: columns, rows: rows,
            notes: [
                "n = \(result.polychoric.n) (listwise deletion). Ordinal α = \(APA.number(result.alpha, decimals: 2, leadingZero: false)); \(omega).",
                "Polychoric correlations by two-step maximum likelihood (thresholds from each item's margins; no correction for empty cells). Ordinal α is α of the polychoric matrix; ordinal ω is from a one-factor ML fit to it. Both describe the latent continuous responses behind the categories, not the observed sum score; ordinal ω has no interval or fit test (ML on polychoric correlations assumes continuous data).",
            ])
    }
}
