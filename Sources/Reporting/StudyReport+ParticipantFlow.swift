import Study

extension StudyReport {
    /// "Of 1200 responses received, 96 were excluded by the screening rules (speeder: 60, …); 1104 were analysed."
    static func participantFlowSentence(_ flow: ParticipantFlow) -> String {
        let parts = flow.steps.filter { $0.excluded > 0 }.map { "\($0.rule.title.lowercased()): \($0.excluded)" }
        let excluded = flow.received - flow.analysed
        let detail = parts.isEmpty ? "" : " (\(parts.joined(separator: ", ")))"
        return "Of \(flow.received) responses received, \(excluded) \(excluded == 1 ? "was" : "were") excluded by the screening rules\(detail); \(flow.analysed) \(flow.analysed == 1 ? "was" : "were") analysed."
    }

    static func participantFlowFigure(_ flow: ParticipantFlow) -> Figure {
        let steps = flow.steps.map { "\($0.rule.title): \($0.excluded) excluded" }.joined(separator: "; ")
        return Figure(id: "participant_flow", title: "Participant flow",
                      description: "Flow diagram: \(flow.received) responses received; \(steps.isEmpty ? "no screening rule" : steps); \(flow.analysed) analysed.",
                      sourceTables: ["participant_flow"], chart: .participantFlow(ParticipantFlowDiagram(flow: flow)))
    }
}
