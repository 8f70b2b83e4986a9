import SurveyStats

extension Table {
    /// APA descriptive statistics table: one row per variable with n, missing, M, SD, Mdn, range,
    /// skewness and kurtosis with their standard errors (two decimals; undefined values as "—").
    public static func descriptives(_ results: [DescriptivesResult], id: String = "descriptives",
                                    title: String = "Descriptive Statistics") -> Table {
        func number(_ value: Double?) -> Cell { .number(value, decimals: 2) }
        let rows: [[Cell]] = results.map { r in
            [.text(r.name), .integer(r.n), .integer(r.missing), number(r.mean), number(r.sd), number(r.median),
             number(r.min), number(r.max), number(r.skewness), number(r.seSkewness), number(r.kurtosis),
             number(r.seKurtosis)]
        }
        return Table(
            id: id, title: title,
            columns: [
                .init("Variable", key: "name", alignment: .left), .init("n", key: "n"), .init("Missing", key: "missing"),
                .init("M", key: "mean"), .init("SD", key: "sd"), .init("Mdn", key: "median"),
                .init("Min", key: "min"), .init("Max", key: "max"),
                .init("Skewness", key: "skewness"), .init("SE", key: "se_skewness"),
                .init("Kurtosis", key: "kurtosis"), .init("SE", key: "se_kurtosis"),
            ],
            rows: rows,
            notes: ["SD uses n − 1. Skewness (G1) and excess kurtosis (G2) with their standard errors as SPSS computes them. — = undefined for these data."])
    }
}
