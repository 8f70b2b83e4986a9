import SurveyStats

extension Table {
    /// One row per scale: k items, n, Cronbach's α with its Feldt CI, standardized α.
    public static func reliabilitySummary(_ scales: [(name: String, result: ReliabilityResult)]) -> Table {
        func bounded(_ value: Double?) -> Cell { .number(value, decimals: 2, leadingZero: false) }
        let level = scales.first.map { APA.number(100 * $0.result.confLevel, decimals: 0) } ?? "95"
        return Table(
            id: "reliability",
            title: "Internal Consistency of the Scales",
            columns: [
                .init("Scale", key: "scale", alignment: .left), .init("k", key: "k"), .init("n", key: "n"),
                .init("α", key: "alpha"), .init("\(level)% CI low", key: "conf_low"), .init("\(level)% CI high", key: "conf_high"),
                .init("Standardized α", key: "std_alpha"),
            ],
            rows: scales.map { name, result in
                [.text(name), .integer(result.k), .integer(result.n), bounded(result.alpha), bounded(result.confLow),
                 bounded(result.confHigh), bounded(result.standardizedAlpha)]
            },
            notes: ["Cronbach's α on listwise-complete cases, reverse-keyed items reversed; CI by Feldt's F method."])
    }
}
