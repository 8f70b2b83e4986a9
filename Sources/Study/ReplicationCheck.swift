import Foundation
import SurveyStats

/// Compares a wave's results with published figures at the paper's precision: a value matches when
/// both round to the same `decimals` places, and a reported "p < bound" holds when our p is below it.
enum ReplicationCheck {
    static func evaluate(_ targets: [ReplicationTarget], on wave: WaveResult) throws -> [ReplicationCheckResult] {
        try targets.map { target in
            var check = ReplicationCheckResult(id: target.id, description: target.description, published: target.published,
                                               statistic: "", value: nil, decimals: target.decimals, pValue: nil, df: nil,
                                               means: nil, reproduced: true)
            switch target.check {
            case .mean(let variable):
                guard let describe = wave.descriptives.first(where: { $0.name == variable }) else {
                    throw StudyError.unknownAnalysis(variable, kind: "descriptives of")
                }
                check.statistic = "mean"
                check.value = describe.mean
            case .sampleSize(let name):
                check.statistic = "n"
                check.value = Double(try find(name, in: wave).result.nobs)
            case .standardizedCoefficient(let model, let term):
                guard let regression = wave.regressions.first(where: { $0.name == model }) else {
                    throw StudyError.unknownAnalysis(model, kind: "regression")
                }
                guard let coefficient = regression.result.coefficients.first(where: { $0.term == term }) else {
                    throw StudyError.unknownAnalysis(term, kind: "term of regression '\(model)':")
                }
                check.statistic = "std_estimate"
                check.value = coefficient.stdEstimate
                check.pValue = coefficient.pValue
            case .anovaF(let name):
                let anova = try find(name, in: wave).result
                check.statistic = "anova_f"
                check.value = anova.anova[0].statistic
                check.pValue = anova.anova[0].pValue
                check.df = [anova.anova[0].df, anova.anova[1].df]
            case .meansDecreasing(let name):
                let groups = try find(name, in: wave).result.groups
                let means = groups.compactMap(\.mean)
                check.statistic = "means_decreasing"
                check.means = means
                check.reproduced = means.count == groups.count && zip(means, means.dropFirst()).allSatisfy { $0 > $1 }
            }
            if let expected = target.value {
                check.reproduced = check.reproduced
                    && check.value.map { rounded($0, target.decimals) == rounded(expected, target.decimals) } ?? false
            }
            if let bound = target.pBelow {
                check.reproduced = check.reproduced && (check.pValue.map { $0 < bound } ?? false)
            }
            return check
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
}
