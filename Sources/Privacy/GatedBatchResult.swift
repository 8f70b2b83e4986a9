import Study

/// A batch's comparison of waves that has passed the ``PrivacyGate``: the only batch result
/// Reporting renders. results.json holds the batch's keys and `privacy`.
public struct GatedBatchResult: Sendable, Encodable {
    public let batch: BatchResult
    public let privacy: Privacy

    /// What the gate hid: each variable's waves whose n is a small cell.
    public struct Privacy: Sendable, Equatable, Encodable {
        public var minCell: Int
        public var hidden: [HiddenWave]

        public struct HiddenWave: Sendable, Equatable, Encodable {
            public var variable: String
            public var wave: String
        }

        enum CodingKeys: String, CodingKey {
            case minCell = "min_cell"
            case hidden
        }

        /// The report's sentence.
        public var paragraph: String {
            hidden.isEmpty
                ? "No variable has from 1 to \(minCell - 1) answers in a wave."
                : "\(hidden.count) wave means rest on 1 to \(minCell - 1) answers: their n prints as \"< \(minCell)\" and their mean, SD, confidence interval and any change from or to that wave are not shown. The tests between waves use every respondent."
        }
    }

    init(batch: BatchResult, privacy: Privacy) {
        self.batch = batch
        self.privacy = privacy
    }

    private enum CodingKeys: String, CodingKey { case privacy }

    public func encode(to encoder: Encoder) throws {
        try batch.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(privacy, forKey: .privacy)
    }
}

extension PrivacyGate {
    /// The comparison of waves as it may be published: a wave whose n of a variable is from 1 to
    /// `min_cell` − 1 shows n as "< min_cell" and no mean, SD or CI (a mean of one answer is that
    /// answer), and the change from the first to the last wave is left out when either is such a
    /// wave (with the other mean it gives the hidden one). Between-wave tests stay: they use every
    /// respondent. (No complementary cell: the table shows no total of the waves' n.)
    public static func apply(_ batch: BatchResult, plan: StudyPlan) -> GatedBatchResult {
        let minCell = plan.privacy.minCell
        var gated = batch
        var hidden: [GatedBatchResult.Privacy.HiddenWave] = []
        for variable in gated.variables.indices {
            let waves = gated.variables[variable].waves
            for index in waves.indices where (1..<minCell).contains(waves[index].n) {
                gated.variables[variable].waves[index].hiddenN = "< \(minCell)"
                (gated.variables[variable].waves[index].mean, gated.variables[variable].waves[index].sd) = (nil, nil)
                gated.variables[variable].waves[index].stdError = nil
                (gated.variables[variable].waves[index].confLow, gated.variables[variable].waves[index].confHigh) = (nil, nil)
                hidden.append(.init(variable: gated.variables[variable].name, wave: waves[index].wave))
                if index == 0 || index == waves.count - 1 { gated.variables[variable].change = nil }
            }
        }
        return GatedBatchResult(batch: gated, privacy: .init(minCell: minCell, hidden: hidden))
    }
}
