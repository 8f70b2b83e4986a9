import Study

extension Table {
    /// The replication table that opens a study report: each published figure beside ours and
    /// whether it is reproduced at the paper's precision.
    public static func replication(_ checks: [ReplicationCheckResult]) -> Table {
        let reproduced = checks.filter(\.reproduced).count
        return Table(
            id: "replication",
            title: "Published Results and Their Replication",
            columns: [
                .init("Target", key: "id", alignment: .left),
                .init("Result", key: "description", alignment: .left),
                .init("Published", key: "published", alignment: .left),
                .init("This run", key: "obtained", alignment: .left),
                .init("Reproduced", key: "reproduced", alignment: .center),
            ],
            rows: checks.map { check in
                [.text(check.id), .text(check.description), .text(check.published), .text(obtained(check)),
                 .text(check.reproduced ? "✓" : "✗")]
            },
            notes: ["\(reproduced) of \(checks.count) published results reproduced at the precision the paper reports them (values rounded to the published number of decimals; p-values below the published bound)."])
    }

    /// Our figure in the paper's notation and precision: "β = .45, p < .001", "F(3, 196) = 4.67, p = .004".
    static func obtained(_ check: ReplicationCheckResult) -> String {
        func p() -> String {
            guard let value = check.pValue else { return "" }
            let text = APA.p(value)
            return ", p " + (text.hasPrefix("<") ? text : "= " + text)
        }
        switch check.statistic {
        case "n": return "N = " + APA.number(check.value, decimals: 0)
        case "mean": return "M = " + APA.number(check.value, decimals: check.decimals)
        case "std_estimate": return "β = " + APA.number(check.value, decimals: check.decimals, leadingZero: false) + p()
        case "anova_f":
            let df = check.df.map { "(\($0.map(String.init).joined(separator: ", ")))" } ?? ""
            return "F\(df) = " + APA.number(check.value, decimals: check.decimals) + p()
        case "means_decreasing": return (check.means ?? []).map { APA.number($0, decimals: 2) }.joined(separator: " > ")
        default: return APA.number(check.value, decimals: check.decimals)
        }
    }
}
