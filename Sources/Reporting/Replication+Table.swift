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
                [.text(check.id), .text(check.description), .text(check.published), .text(check.obtained),
                 .text(check.reproduced ? "✓" : "✗")]
            },
            notes: ["\(reproduced) of \(checks.count) published results reproduced at the precision the paper reports them (values rounded to the published number of decimals; p-values below the published bound)."])
    }
}
