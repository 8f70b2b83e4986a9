import GSL

/// McDonald's ω total of a scale from a one-factor confirmatory factor analysis fitted by maximum
/// likelihood, with the model's fit (McDonald 1999, *Test Theory: A Unified Treatment*, ch. 6;
/// Brown 2015, *Confirmatory Factor Analysis for Applied Research*, 2nd ed., ch. 3 and 8).
///
/// On the n complete cases (listwise deletion) with S = C/n, the covariance matrix with divisor n
/// (lavaan's default `likelihood = "normal"`), the model Σ = λλᵀ + Ψ is fitted by
/// ``CorrelatedFactorsModel`` with one factor (lavaan's `cfa(model, std.lv = TRUE)`). With p items:
///
///     ω          = (Σλᵢ)² / ((Σλᵢ)² + Σψᵢ)          model-implied total variance (semTools `compRelSEM(obs.var = FALSE)`)
///     ω_observed = (Σλᵢ)² / 1ᵀS1                    observed total variance (`compRelSEM(obs.var = TRUE)`)
///     SE(ω) = √(gᵀ Cov(θ̂) g),  g = ∂ω/∂θ: ∂ω/∂λᵢ = 2(Σλ)(Σψ)/D², ∂ω/∂ψᵢ = −(Σλ)²/D², D = (Σλ)² + Σψ
///     95% CI  ω ± z₀.₉₇₅·SE(ω)                      (Wald, delta method; Raykov 2002, *Appl. Psychol. Meas.* 26:79)
///
/// with the model's χ² on df = p(p + 1)/2 − 2p, CFI, TLI, RMSEA and SRMR (``ModelFit``). With 3 items df = 0: ω is
/// reported without fit (``OmegaResult/fit`` is `nil`, with a warning). A negative ψ (Heywood case)
/// is reported as estimated, with a warning, as lavaan does. ML treats the items as continuous.
///
/// Cov(θ̂) is the inverse expected information (``ExpectedInformation``). The interval is for ω with
/// the model-implied total variance, the ω of lavaan's defined parameter
/// `omega := (l1+…+lk)^2 / ((l1+…+lk)^2 + t1+…+tk)`.
///
/// Tests: R 4.2.2, lavaan 0.6-14 `cfa(..., std.lv = TRUE)`, `fitMeasures`, `parameterEstimates` of the
/// defined ω, semTools 0.5-6 `compRelSEM` (`Fixtures/omega/expected.R`, `omega_ci.R`), with estimates
/// polished to the minimum of F_ML.
public enum Omega {
    /// Coverage of the Wald interval of ω.
    public static let confLevel = 0.95

    /// ω and the one-factor CFA of the items summarised by `summary` (already reverse-keyed where
    /// needed), named `names`.
    /// - Throws: ``OmegaError`` for fewer than 3 items, a wrong number of names, a singular
    ///   covariance matrix (including n ≤ p) or a fit that does not converge.
    public static func oneFactor(_ summary: CoMoments, names: [String]) throws -> OmegaResult {
        let n = Double(summary.count)
        return try oneFactor(covariance: summary.matrix.map { $0 / n }, n: summary.count, excludedCases: summary.excluded, names: names)
    }

    /// ω and the one-factor CFA of the p × p covariance (or correlation) matrix `covariance`
    /// (row-major) of `n` cases, `excludedCases` rows having been left out.
    public static func oneFactor(covariance: [Double], n count: Int, excludedCases: Int, names: [String]) throws -> OmegaResult {
        let p = Int(Double(covariance.count).squareRoot().rounded())
        precondition(p * p == covariance.count, "a covariance matrix is square")
        guard p >= 3 else { throw OmegaError.tooFewItems(p) }
        guard names.count == p else { throw OmegaError.nameCount(names: names.count, items: p) }
        guard count > p else { throw OmegaError.notPositiveDefinite }
        let n = Double(count)
        let model: CorrelatedFactorsModel
        do {
            model = try CorrelatedFactorsModel(covariance: covariance, factorOf: [Int](repeating: 0, count: p), factorCount: 1)
        } catch ConfirmatoryFactorAnalysisError.notConverged(let iterations, let gradientNorm) {
            throw OmegaError.notConverged(iterations: iterations, gradientNorm: gradientNorm)
        } catch ConfirmatoryFactorAnalysisError.notPositiveDefinite {
            throw OmegaError.notPositiveDefinite
        }

        var warnings: [ReliabilityWarning] = []
        let items = (0..<p).map { i -> OmegaResult.Item in
            let loading = model.loadings[i], residual = model.residualVariances[i]
            let variance = loading * loading + residual
            if residual < 0 {
                warnings.append(ReliabilityWarning(
                    kind: .heywoodCase, item: names[i],
                    message: "\(names[i]) has a negative residual variance (Heywood case); the solution is improper and ω overstates reliability."))
            }
            return OmegaResult.Item(name: names[i], loading: loading,
                                    stdLoading: variance > 0 ? loading / variance.squareRoot() : 0,
                                    residualVariance: residual, stdResidualVariance: variance > 0 ? residual / variance : 0)
        }
        let common = model.loadings.reduce(0, +)
        let commonSquared = common * common
        let residualSum = model.residualVariances.reduce(0, +)
        let observedTotal = covariance.reduce(0, +)

        let interval = Self.waldInterval(loadings: model.loadings, residualVariances: model.residualVariances, n: n)
        let df = p * (p + 1) / 2 - 2 * p
        var fit: OmegaResult.Fit?
        if df > 0 {
            fit = ModelFit(discrepancy: model.discrepancy, baseline: model.baselineDiscrepancy, srmr: model.srmr,
                           n: n, df: df, baselineDf: p * (p - 1) / 2)
        } else {
            warnings.append(ReliabilityWarning(
                kind: .justIdentified, item: nil,
                message: "With 3 items the one-factor model is just identified (df = 0): it reproduces the covariances exactly, so its fit cannot be tested; ω is reported without fit indices."))
        }
        return OmegaResult(
            n: count, k: p, excludedCases: excludedCases,
            omega: commonSquared / (commonSquared + residualSum),
            omegaObserved: observedTotal > 0 ? commonSquared / observedTotal : 0,
            stdError: interval?.stdError, confLow: interval?.low, confHigh: interval?.high, confLevel: confLevel,
            items: items, fit: fit, warnings: warnings)
    }

    /// SE(ω) by the delta method and the Wald interval ω ± z·SE; `nil` when the information matrix
    /// is singular.
    private static func waldInterval(loadings l: [Double], residualVariances psi: [Double], n: Double)
        -> (stdError: Double, low: Double, high: Double)? {
        let p = l.count
        var sigma = Matrix(rows: p, columns: p)
        for i in 0..<p { for j in 0..<p { sigma[i, j] = l[i] * l[j] + (i == j ? psi[i] : 0) } }
        let loadingDerivatives = (0..<p).map { i -> Matrix in
            var d = Matrix(rows: p, columns: p)
            for j in 0..<p { d[i, j] += l[j]; d[j, i] += l[j] }
            return d
        }
        let residualDerivatives = (0..<p).map { i -> Matrix in
            var d = Matrix(rows: p, columns: p)
            d[i, i] = 1
            return d
        }
        guard let covariance = ExpectedInformation.covariance(sigma: sigma, derivatives: loadingDerivatives + residualDerivatives, n: n)
        else { return nil }
        let common = l.reduce(0, +), unique = psi.reduce(0, +)
        let total = common * common + unique
        let gradient = [Double](repeating: 2 * common * unique / (total * total), count: p)
            + [Double](repeating: -common * common / (total * total), count: p)
        var variance = 0.0
        for a in 0..<2 * p { for b in 0..<2 * p { variance += gradient[a] * covariance[a, b] * gradient[b] } }
        guard variance >= 0 else { return nil }
        let omega = common * common / total, se = variance.squareRoot()
        let z = Normal.quantile(1 - (1 - confLevel) / 2)
        return (se, omega - z * se, omega + z * se)
    }
}
