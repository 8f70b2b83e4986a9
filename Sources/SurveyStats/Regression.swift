import ComputeSupport
import GSL

/// Ordinary least-squares regression with numeric and treatment-coded categorical predictors.
///
/// Model y = Xb + e, solved by column-pivoted Householder QR on the column-scaled design
/// (``LeastSquares``), never by the normal equations. With p columns, n complete cases and
/// i = 1 for a model with intercept (0 without):
/// - SE(Bⱼ) = σ̂·√[(XᵀX)⁻¹]ⱼⱼ, σ̂² = SSres/(n − p), t = B/SE on n − p df, CI B ± t₁₋α/₂·SE;
/// - SSreg = Σ(ŷ − ȳ)² (Σŷ² without intercept), R² = SSreg/(SSreg + SSres),
///   F = [SSreg/(p − i)]/σ̂²;
/// - standardized β = B·sd(x)/sd(y) (SPSS "Beta"; for a dummy the SD of its 0/1 column);
/// - VIF and generalized VIF: ``VarianceInflation``; HC3: ``Regression/RobustMeat``;
///   blocks: ``Regression/fit(_:)`` fits each cumulative model on the same estimation sample.
///
/// Both entry points fit through a ``RowTally`` (``Sample``): row xᵢ standing for cᵢ identical cases
/// enters as √cᵢ·xᵢ, √cᵢ·yᵢ, which minimises Σcᵢ(yᵢ − xᵢᵀb)², the sum over the cases — still no
/// normal equations — and gives (XᵀWX)⁻¹, W = diag(c), from the same factor. Every statistic is then
/// that of the n = Σcᵢ cases: SSres = Σcᵢeᵢ², df n − p, R², F, β and VIF from case-weighted sums,
/// HC3 with the leverage hᵢ = xᵢᵀ(XᵀWX)⁻¹xᵢ of one case of the row.
///
/// A fit on a tally first reduces the weighted rows to p + 1 rows by orthogonal transformations
/// (``Sample/leastSquaresSystem(reduced:)``), so that its cost is a pass over the distinct rows (and
/// one to group them, one more for HC3) and its memory O(p²) beyond the tally; submodels (blocks)
/// reuse the reduction. A fit on
/// the cases themselves (``fit(_:)``) hands the weighted rows to the solver unreduced, because its
/// iterative refinement (``LeastSquares``) then works on the data: rounding the data once in a
/// reduction costs ≈ κ·ε relative in b, which leaves the NIST sets with large condition numbers
/// short of their certified digits (measured through the reduction: Filip 6.4, Wampler4 8.1,
/// Wampler5 5.8 correct digits, against ≥ 7.6 and ≥ 13.5 unreduced) — harmless for survey designs
/// (tally fits agree with the unreduced fits of their cases to 1e-10 or better, `RegressionTests`)
/// but not for the `regress` command's arbitrary data.
///
/// References: Draper & Smith (1998), *Applied Regression Analysis*, 3rd ed., ch. 5–6; R `summary.lm`.
/// Tested against the NIST StRD linear regression sets (`NISTRegressionTests`) and R 4.2.2 `lm`,
/// `car::vif`, `car::hccm(type = "hc3")`, `anova` of nested models (`RegressionTests`).
public enum Regression {
    /// Fits `model` on its cases.
    /// - Throws: ``RegressionError`` for invalid input, too few cases, a constant response, the
    ///   response among the predictors, a constant predictor, an empty factor level, perfect
    ///   collinearity (naming the terms involved) or a perfect fit.
    public static func fit(_ model: LinearModel) throws -> RegressionResult {
        let design = try Design(model)
        return try fit(model, Sample(design, tally: RowTally(model)), reduced: false)
    }

    /// Fits `model`'s specification (names, factor levels and reference, intercept, blocks, HC3,
    /// confidence level) on the cases of `tally` — the response in its column 0, term j in column
    /// j + 1 (a categorical term's level codes) — ignoring the model's own columns. The result
    /// equals the fit on the tallied cases themselves (`RegressionTests`); `excludedCases` is the
    /// tally's `excluded`.
    /// - Throws: ``RegressionError``, e.g. ``RegressionError/tallyColumnMismatch(expected:actual:)``.
    public static func fit(_ model: LinearModel, tally: RowTally) throws -> RegressionResult {
        let design = try Design(model)
        return try fit(model, Sample(design, tally: tally), reduced: true)
    }

    /// The one implementation behind both entry points.
    static func fit(_ model: LinearModel, _ sample: Sample, reduced: Bool) throws -> RegressionResult {
        let design = sample.design
        let system = sample.leastSquaresSystem(reduced: reduced)

        // Hierarchical blocks: cumulative models on the same cases, the last one the full model
        // (estimated first: its errors are the ones reported).
        let allColumns = Array(0..<design.columnCount)
        let blockTerms = model.blocks.isEmpty ? [model.terms.map(\.name)] : model.blocks
        let full = try estimate(sample, system, columns: allColumns, robust: model.hc3)
        if full.isPerfectFit(sample) {
            throw RegressionError.perfectFit(response: model.responseName, terms: design.names,
                                             coefficients: full.fit.coefficients.map { $0 ?? 0 })
        }
        let estimates = try blockTerms.indices.dropLast().map {
            try estimate(sample, system, columns: design.columns(forTerms: Set(blockTerms[...$0].joined())), robust: false)
        } + [full]

        var blocks: [RegressionResult.Block] = []
        var previousRSS = design.hasIntercept ? sample.centredTotalSS : sample.uncentredTotalSS
        var previousR2 = 0.0
        var previousColumns = design.hasIntercept ? 1 : 0
        for (index, names) in blockTerms.enumerated() {
            let step = estimates[index]
            let df1 = step.columns.count - previousColumns
            let df2 = step.dfResidual
            var statistic: Double?
            if df1 > 0, step.rss > 0 {
                statistic = ((previousRSS - step.rss) / Double(df1)) / (step.rss / Double(df2))
            }
            blocks.append(RegressionResult.Block(
                block: index + 1, terms: names, rSquared: step.rSquared,
                deltaRSquared: step.rSquared.map { $0 - previousR2 },
                statistic: statistic, df: df1, dfResidual: df2,
                pValue: statistic.map { FisherF.upperTail($0, df1: Double(df1), df2: Double(df2)) }))
            previousRSS = step.rss
            previousR2 = step.rSquared ?? 0
            previousColumns = step.columns.count
        }
        return estimates[estimates.count - 1].result(sample: sample, model: model, blocks: blocks)
    }

    /// One fitted (sub)model.
    struct Estimate {
        let columns: [Int]
        let fit: LeastSquaresFit
        let rss: Double
        let ssRegression: Double
        let dfResidual: Int
        let robustCovariance: Matrix?
        var rSquared: Double? { ssRegression + rss > 0 ? ssRegression / (ssRegression + rss) : nil }

        /// R's "essentially perfect fit" test (`summary.lm`): σ̂² = SSres/(n − p) below 10⁻³⁰ times
        /// mean(ŷ)² + var(ŷ), here Σcᵢŷᵢ²/n (SSreg + nȳ² with an intercept, SSreg without) — the
        /// residuals are then rounding errors of an exact equation, and SE, t, p and F meaningless.
        func isPerfectFit(_ sample: Regression.Sample) -> Bool {
            let n = Double(sample.caseCount)
            let fittedSquares = sample.design.hasIntercept
                ? ssRegression + n * sample.responseMean * sample.responseMean : ssRegression
            return rss / Double(dfResidual) < 1e-30 * fittedSquares / n
        }
    }

    /// Fits the submodel of the given design columns on `system` (``Sample/leastSquaresSystem(reduced:)``).
    ///
    /// Its sums of squares come from the system's exact residuals rᵢ (``LeastSquares``): with the
    /// system's rows [xᵢ yᵢ] and u its intercept column (√cᵢ on weighted rows, the reduced ones column
    /// on a reduced system), SSres = Σrᵢ² and SSreg = Σ((yᵢ − ȳuᵢ) − rᵢ)² (Σ(yᵢ − rᵢ)² without
    /// intercept) — Σcᵢeᵢ² and Σcᵢ(ŷᵢ − ȳ)² over the cases, the sums being invariant under the
    /// orthogonal reduction. The HC3 covariance takes one pass over the rows
    /// (``Sample/robustCovariance(_:factor:)``).
    /// - Throws: ``RegressionError/perfectCollinearity(term:dependsOn:)``, ``RegressionError/numerical(_:)``.
    static func estimate(_ sample: Sample, _ system: (x: Matrix, y: [Double]), columns: [Int], robust: Bool) throws -> Estimate {
        let x = columns.count == system.x.columns ? system.x : system.x.submatrix(rows: Array(0..<system.x.rows), columns: columns)
        let fit: LeastSquaresFit
        do { fit = try LeastSquares.solve(x, system.y, representedRows: sample.caseCount) } catch {
            throw RegressionError.numerical(String(describing: error))
        }
        let names = sample.design.names
        if let (column, dependsOn) = fit.aliasedDependencies.min(by: { $0.key < $1.key }) {
            throw RegressionError.perfectCollinearity(
                term: names[columns[column]], dependsOn: dependsOn.map { names[columns[$0]] })
        }
        var ssRegression = CompensatedSum()
        for (i, r) in fit.residuals.enumerated() {
            let centred = sample.design.hasIntercept ? system.y[i] - sample.responseMean * system.x[i, 0] : system.y[i]
            ssRegression.add((centred - r) * (centred - r))
        }
        var b = [Double](repeating: 0, count: sample.design.columnCount)
        for (m, j) in columns.enumerated() { b[j] = fit.coefficients[m]! }
        return Estimate(columns: columns, fit: fit, rss: fit.residualSumOfSquares, ssRegression: ssRegression.value,
                        dfResidual: sample.caseCount - columns.count,
                        robustCovariance: robust ? sample.robustCovariance(b, factor: fit.inverseFactor) : nil)
    }
}

extension Regression.Estimate {
    /// Assembles the full result of the final model.
    func result(sample: Regression.Sample, model: LinearModel, blocks: [RegressionResult.Block]) -> RegressionResult {
        let design = sample.design
        let n = sample.caseCount, p = columns.count
        let intercept = design.hasIntercept ? 1 : 0
        let dfModel = p - intercept
        let variance = rss / Double(dfResidual)
        let sigma = variance.squareRoot()
        let meanSquareRegression = dfModel > 0 ? ssRegression / Double(dfModel) : nil
        let f: Double? = meanSquareRegression.flatMap { variance > 0 ? $0 / variance : nil }
        let modelP = f.map { FisherF.upperTail($0, df1: Double(dfModel), df2: Double(dfResidual)) }
        let r2 = rSquared
        let adjR2 = r2.map { 1 - (1 - $0) * Double(n - intercept) / Double(dfResidual) }

        let covariance = fit.unscaledCovariance
        let critical = StudentT.quantile(1 - (1 - model.confidenceLevel) / 2, df: Double(dfResidual))
        let inflation = VarianceInflation(covariance: covariance, interceptColumn: design.hasIntercept ? 0 : nil,
                                          termColumns: design.termColumns)
        let robust = robustCovariance
        let sdY = sample.responseSD
        var coefficients: [RegressionResult.Coefficient] = []
        for j in 0..<p {
            let b = fit.coefficients[j]!
            let se = sigma * covariance[j, j].squareRoot()
            let t: Double? = se > 0 ? b / se : nil
            let isIntercept = design.hasIntercept && j == 0
            let sdX = sample.columnSDs[j]
            let robustSE = robust.flatMap { $0[j, j] >= 0 ? $0[j, j].squareRoot() : nil }
            let robustT: Double? = robustSE.flatMap { $0 > 0 ? b / $0 : nil }
            let betaScale: Double? = isIntercept || sdY == 0 ? nil : sdX / sdY
            coefficients.append(RegressionResult.Coefficient(
                term: design.names[j], estimate: b, stdError: se, statistic: t,
                pValue: t.map { StudentT.twoSidedP($0, df: Double(dfResidual)) },
                confLow: b - critical * se, confHigh: b + critical * se,
                stdEstimate: betaScale.map { b * $0 },
                stdConfLow: betaScale.map { (b - critical * se) * $0 }, stdConfHigh: betaScale.map { (b + critical * se) * $0 },
                vif: isIntercept ? nil : inflation.columnVIF[j],
                stdErrorHC3: robustSE, statisticHC3: robustT,
                pValueHC3: robustT.map { StudentT.twoSidedP($0, df: Double(dfResidual)) },
                confLowHC3: robustSE.map { b - critical * $0 }, confHighHC3: robustSE.map { b + critical * $0 },
                stdConfLowHC3: robustSE.flatMap { se in betaScale.map { (b - critical * se) * $0 } },
                stdConfHighHC3: robustSE.flatMap { se in betaScale.map { (b + critical * se) * $0 } }))
        }
        let summary = RegressionResult.Model(
            nobs: n, rSquared: r2, adjRSquared: adjR2, sigma: sigma, statistic: f, pValue: modelP,
            df: dfModel, dfResidual: dfResidual)
        let anova = [
            AnovaTableRow(term: "Regression", df: dfModel, sumsq: ssRegression, meansq: meanSquareRegression,
                          statistic: f, pValue: modelP),
            AnovaTableRow(term: "Residual", df: dfResidual, sumsq: rss, meansq: variance,
                          statistic: nil, pValue: nil),
        ]
        return RegressionResult(response: model.responseName, coefficients: coefficients, model: summary,
                                anova: anova, generalizedVIF: inflation.terms, blocks: blocks,
                                excludedCases: sample.excludedCases,
                                referenceLevels: model.terms.compactMap { term in
                                    guard case .categorical(let name, _, let levels, let reference) = term, levels.indices.contains(reference) else { return nil }
                                    return RegressionResult.ReferenceLevel(term: name, level: levels[reference])
                                })
    }
}
