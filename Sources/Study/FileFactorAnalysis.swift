import Foundation
import SurveyData
import SurveyStats

/// `paradox cfa FILE --codebook C.yml [--scales a,b]`: the codebook's scales as correlated factors,
/// fitted to the file's data through the engine: the items of the chosen scales are summarised as
/// one set of co-moments (``CoMoments``, listwise over every item, missing codes applied, reverse-keyed
/// items reversed, merged over the file's blocks) and handed to ``ConfirmatoryFactorAnalysis``.
public enum FileFactorAnalysis {
    /// The name under which the engine summarises the items of all chosen scales together.
    static let combinedScale = "(factor analysis items)"

    /// The CFA of `scales` (default: every scale of the codebook, in its order).
    /// - Throws: ``FileAnalysisError/noSuchScale(_:codebook:scales:)``, the reader's errors, or
    ///   ``ConfirmatoryFactorAnalysisError``.
    public static func run(_ url: URL, codebook: Codebook, codebookName: String, delimiter: UInt8?, scales: [String]?,
                           identification: ConfirmatoryFactorAnalysis.Identification) throws -> ConfirmatoryFactorAnalysisResult {
        let available = codebook.scales.map(\.name)
        let definitions = try (scales ?? available).map { name in
            guard let scale = codebook.scales.first(where: { $0.name == name }) else {
                throw FileAnalysisError.noSuchScale(name, codebook: codebookName, scales: available)
            }
            return scale
        }
        let items = definitions.flatMap(\.items)
        var seen = Set<String>()
        if let repeated = items.first(where: { !seen.insert($0).inserted }) {
            throw ConfirmatoryFactorAnalysisError.itemInTwoFactors(repeated)
        }
        guard !definitions.isEmpty else { throw ConfirmatoryFactorAnalysisError.noFactors }
        var combined = codebook
        combined.scales.append(ScaleDefinition(name: combinedScale, label: combinedScale, items: items))
        let plan = AnalysisPlan(descriptives: [], frequencies: [], reliability: [combinedScale], correlations: [])
        let (_, summary) = try InferredWave.run(plan, on: url, codebook: combined, delimiter: delimiter)
        guard let moments = summary[ReliabilityAnalysis.self].first(where: { $0.name == combinedScale })?.summary else {
            throw ConfirmatoryFactorAnalysisError.noFactors
        }
        var start = 0
        let factors = definitions.map { scale -> ConfirmatoryFactorAnalysis.Factor in
            defer { start += scale.items.count }
            return .init(name: scale.name, items: Array(start..<(start + scale.items.count)))
        }
        return try ConfirmatoryFactorAnalysis.fit(moments, names: items, factors: factors, identification: identification)
    }
}
