import Foundation
import SurveyData
import SurveyStats

/// `paradox cfa FILE --codebook C.yml [--scales a,b]`: the codebook's scales as correlated factors,
/// fitted to the file's data through the engine by the study plan's analysis (``FactorAnalysis``):
/// the items of the chosen scales are summarised as one set of co-moments (``CoMoments``, listwise
/// over every item, missing codes applied, reverse-keyed items reversed, merged over the file's
/// blocks) and handed to ``ConfirmatoryFactorAnalysis``.
public enum FileFactorAnalysis {
    /// The CFA of `scales` (default: every scale of the codebook, in its order).
    /// - Throws: ``FileAnalysisError/noSuchScale(_:codebook:scales:)``, the reader's errors, or
    ///   ``ConfirmatoryFactorAnalysisError``.
    public static func run(_ url: URL, codebook: Codebook, codebookName: String, delimiter: UInt8?, scales: [String]?,
                           identification: ConfirmatoryFactorAnalysis.Identification) throws -> ConfirmatoryFactorAnalysisResult {
        let available = codebook.scales.map(\.name)
        if let unknown = scales?.first(where: { !available.contains($0) }) {
            throw FileAnalysisError.noSuchScale(unknown, codebook: codebookName, scales: available)
        }
        let request = FactorAnalysisPlan(scales: scales, identification: identification)
        let settings = FactorAnalysisSettings(analyses: [request])
        let analysis = FactorAnalysis(settings, codebook: codebook)
        guard let model = analysis.models.first, !model.scales.isEmpty else { throw ConfirmatoryFactorAnalysisError.noFactors }
        var seen = Set<String>()
        if let repeated = model.scales.flatMap(\.items).first(where: { !seen.insert($0).inserted }) {
            throw ConfirmatoryFactorAnalysisError.itemInTwoFactors(repeated)
        }
        let (_, summary) = try InferredWave.run(AnalysisPlan(only: settings), on: url, codebook: codebook, delimiter: delimiter)
        guard let moments = summary[FactorAnalysis.self].first?.summary else { throw ConfirmatoryFactorAnalysisError.noFactors }
        return try FactorAnalysis.fit(model, moments)
    }
}
