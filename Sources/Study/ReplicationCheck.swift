import Foundation
import SurveyStats

/// Compares a wave's results with published figures at the paper's precision: a value matches when
/// both round to the same `decimals` places, and a reported "p < bound" holds when our p is below it.
enum ReplicationCheck {
    static func evaluate(_ targets: [ReplicationTarget], on wave: WaveResult) throws -> [ReplicationCheckResult] {
        try targets.map { target in
            var value: Double?
            var p: Double?
            var obtained: String
            var holds = true
            switch target.check {
            case .mean(let variable):
                guard let describe = wave.descriptives.first(where: { $0.name == variable }) else {
                    throw StudyError.unknownAnalysis(variable, kind: "descriptives of")
                }
                value = describe.mean
                obtained = "M = \(format(value, target.decimals))"
            case .sampleSize(let name):
                let anova = try find(name, in: wave)
                value = Double(anova.result.nobs)
                obtained = "N = \(anova.result.nobs)"
            case .standardizedCoefficient(let model, let term):
                guard let regression = wave.regressions.first(where: { $0.name == model }) else {
                    throw StudyError.unknownAnalysis(model, kind: "regression")
                }
                guard let coefficient = regression.result.coefficients.first(where: { $0.term == term }) else {
                    throw StudyError.unknownAnalysis(term, kind: "term of regression '\(model)':")
                }
                value = coefficient.stdEstimate
                p = coefficient.pValue
                obtained = "β = \(format(value, target.decimals)), p = \(format(p, 3))"
            case .anovaF(let name):
                let anova = try find(name, in: wave)
                let row = anova.result.anova[0]
                value = row.statistic
                p = row.pValue
                obtained = "F(\(row.df), \(anova.result.anova[1].df)) = \(format(value, target.decimals)), p = \(format(p, 3))"
            case .meansDecreasing(let name):
                let groups = try find(name, in: wave).result.groups
                let means = groups.compactMap(\.mean)
                holds = means.count == groups.count && zip(means, means.dropFirst()).allSatisfy { $0 > $1 }
                obtained = means.map { format($0, 2) }.joined(separator: " > ")
            }
            if let expected = target.value {
                holds = holds && value.map { rounded($0, target.decimals) == rounded(expected, target.decimals) } ?? false
            }
            if let bound = target.pBelow {
                holds = holds && (p.map { $0 < bound } ?? false)
            }
            return ReplicationCheckResult(id: target.id, description: target.description, published: target.published,
                                          obtained: obtained, value: value, pValue: p, reproduced: holds)
        }
    }

    private static func find(_ name: String, in wave: WaveResult) throws -> NamedAnova {
        guard let anova = wave.anovas.first(where: { $0.name == name }) else { throw StudyError.unknownAnalysis(name, kind: "ANOVA") }
        return anova
    }

    /// Round half away from zero at `decimals` places, as a reader rounds a printed figure.
    private static func rounded(_ x: Double, _ decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (x * scale).rounded(.toNearestOrAwayFromZero) / scale
    }

    private static func format(_ x: Double?, _ decimals: Int) -> String {
        guard let x, x.isFinite else { return "—" }
        return String(format: "%.\(decimals)f", x)
    }
}
