import Study

extension Table {
    /// The participant flow of a screened wave: responses received, those each rule excluded (of
    /// those still in, in the order the rules were applied) and those analysed.
    public static func participantFlow(_ flow: ParticipantFlow) -> Table {
        var remaining = flow.received
        var rows: [[Cell]] = [[.text("Responses received"), .text(""), .integer(flow.received), .integer(flow.received)]]
        for step in flow.steps {
            remaining -= step.excluded
            rows.append([.text("Excluded: \(step.rule.title)"), .text(step.criterion), .integer(step.excluded), .integer(remaining)])
        }
        rows.append([.text("Analysed"), .text(""), .integer(flow.analysed), .integer(flow.analysed)])
        var notes = ["Rules applied in the order shown; a response is counted under the first rule that excludes it."]
        if let out = flow.excludedOut { notes.append("The excluded responses are listed in \(out) (without personal-data columns).") }
        return Table(id: "participant_flow", title: "Participant Flow",
                     columns: [.init("Step", key: "step", alignment: .left), .init("Criterion", key: "criterion", alignment: .left),
                               .init("n", key: "n"), .init("Remaining", key: "remaining")],
                     rows: rows, notes: notes)
    }
}
