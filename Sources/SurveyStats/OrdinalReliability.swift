/// Ordinal α and ω: reliability of ordinal items computed on their polychoric correlations
/// (``Polychoric``) in place of Pearson covariances (Zumbo, Gadermann & Zeisser 2007, *J. Mod. Appl.
/// Stat. Methods* 6:21; Gadermann, Guhn & Zumbo 2012, *Pract. Assess. Res. Eval.* 17(3)):
///
///     ordinal α = k/(k − 1) · (1 − k / 1ᵀR1)                 (psych `alpha(polychoric(x)$rho)`, raw_alpha)
///     ordinal ω = (Σλ)² / ((Σλ)² + Σψ)  of the one-factor ML fit to R   (lavaan `cfa(sample.cov = R,
///                 sample.nobs = n, std.lv = TRUE)` + semTools `compRelSEM`)
///
/// They are the reliability of the sum of the latent continuous responses behind the categories, not
/// of the observed sum score. The ML standard errors and fit test assume continuous data, so the
/// ordinal ω is given without an interval or fit indices.
///
/// Tested against R 4.2.2 psych and lavaan 0.6-14 / semTools 0.5-6 (`Fixtures/polychoric/polychoric.R`).
public enum OrdinalReliability {
    /// Ordinal α and ω of the items summarised by `table`, named `names` (at least two; ω needs three).
    /// - Throws: ``PolychoricError`` when the correlations cannot be estimated.
    public static func analyse(_ table: PairwiseContingency, names: [String]) throws -> OrdinalReliabilityResult {
        let polychoric = try Polychoric.correlations(table, names: names)
        let k = Double(names.count)
        let total = polychoric.matrix.reduce(0, +)
        let alpha = k / (k - 1) * (1 - k / total)
        var omega: OmegaResult?, problem: String?
        do {
            var result = try Omega.oneFactor(covariance: polychoric.matrix, n: table.count, excludedCases: table.excluded, names: names)
            (result.stdError, result.confLow, result.confHigh, result.fit) = (nil, nil, nil, nil)
            result.warnings.removeAll { $0.kind == .justIdentified }
            omega = result
        } catch {
            problem = "\(error)"
        }
        return OrdinalReliabilityResult(polychoric: polychoric, alpha: alpha, omega: omega, omegaProblem: problem)
    }
}
