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
/// - VIF and generalized VIF: ``VarianceInflation``; HC3: ``Regression/hc3Covariance(design:residuals:counts:factor:)``;
///   blocks: ``Regression/fit(_:)`` fits each cumulative model on the same estimation sample.
///
/// Rows with case counts (``LinearModel/caseCounts``, a ``RowTally``): a row xᵢ standing for cᵢ
/// identical cases enters the QR as √cᵢ·xᵢ, √cᵢ·yᵢ, which minimises Σcᵢ(yᵢ − xᵢᵀb)², the sum over
/// the cases — still no normal equations — and gives (XᵀWX)⁻¹, W = diag(c), from the same factor.
/// Every statistic is then that of the n = Σcᵢ cases: SSres = Σcᵢeᵢ², df n − p, R², F, β and VIF
/// from case-weighted sums, HC3 with the leverage hᵢ = xᵢᵀ(XᵀWX)⁻¹xᵢ of one case of the row.
///
/// References: Draper & Smith (1998), *Applied Regression Analysis*, 3rd ed., ch. 5–6; R `summary.lm`.
/// Tested against the NIST StRD linear regression sets (`NISTRegressionTests`) and R 4.2.2 `lm`,
/// `car::vif`, `car::hccm(type = "hc3")`, `anova` of nested models (`RegressionTests`).
public enum Regression {
    /// Fits `model`.
    /// - Throws: ``RegressionError`` for invalid input, too few cases, a constant predictor, an empty
    ///   factor level or perfect collinearity (naming the terms involved).
    public static func fit(_ model: LinearModel) throws -> RegressionResult {
        try fit(model, alsoExcluded: 0)
    }

    /// Fits `model`'s specification (names, factor levels and reference, intercept, blocks, HC3,
    /// confidence level) on the cases of `tally` — the response in its column 0, term j in column
    /// j + 1 (a categorical term's level codes) — ignoring the model's own columns and case
    /// counts. The result equals the fit on the tallied cases themselves (`RegressionTests`);
    /// `excludedCases` is the tally's `excluded`.
    /// - Throws: ``RegressionError``, e.g. ``RegressionError/tallyColumnMismatch(expected:actual:)``.
    public static func fit(_ model: LinearModel, tally: RowTally) throws -> RegressionResult {
        guard tally.columnCount == 1 + model.terms.count else {
            throw RegressionError.tallyColumnMismatch(expected: 1 + model.terms.count, actual: tally.columnCount)
        }
        var tallied = model
        tallied.response = tally.column(0)
        tallied.terms = try model.terms.enumerated().map { index, term in
            let column = tally.column(index + 1)
            switch term {
            case let .numeric(name, _):
                return .numeric(name: name, values: column)
            case let .categorical(name, _, levels, reference):
                let codes = try column.map { value -> Int in
                    guard value >= 0, value < Double(levels.count), value == value.rounded() else {
                        throw RegressionError.invalidTalliedLevelCode(term: name, value: value, levelCount: levels.count)
                    }
                    return Int(value)
                }
                return .categorical(name: name, codes: codes, levels: levels, reference: reference)
            }
        }
        tallied.caseCounts = tally.counts
        return try fit(tallied, alsoExcluded: tally.excluded)
    }

    /// The one implementation behind both entry points.
    static func fit(_ model: LinearModel, alsoExcluded: Int) throws -> RegressionResult {
        let design = try Design(model, alsoExcluded: alsoExcluded)
        let allColumns = Array(0..<design.matrix.columns)
        let final = try estimate(design, columns: allColumns, model: model)

        // Hierarchical blocks: cumulative models on the same cases.
        var blocks: [RegressionResult.Block] = []
        var previousRSS = design.hasIntercept ? design.centredTotalSS : design.uncentredTotalSS
        var previousR2 = 0.0
        var previousColumns = design.hasIntercept ? 1 : 0
        let blockTerms = model.blocks.isEmpty ? [model.terms.map(\.name)] : model.blocks
        for (index, names) in blockTerms.enumerated() {
            let entered = Set(blockTerms[...index].joined())
            let columns = index == blockTerms.count - 1 ? allColumns : design.columns(forTerms: entered)
            let step = columns == allColumns ? final : try estimate(design, columns: columns, model: model)
            let df1 = columns.count - previousColumns
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
            previousColumns = columns.count
        }
        return final.result(design: design, model: model, blocks: blocks)
    }

    /// One fitted (sub)model.
    struct Estimate {
        let columns: [Int]
        let fit: LeastSquaresFit
        /// yᵢ − xᵢᵀb per row of the design (the fit's residuals divided by √cᵢ).
        let residuals: [Double]
        let rss: Double
        let ssRegression: Double
        let dfResidual: Int
        var rSquared: Double? { ssRegression + rss > 0 ? ssRegression / (ssRegression + rss) : nil }
    }

    static func estimate(_ design: Design, columns: [Int], model: LinearModel) throws -> Estimate {
        let n = design.matrix.rows
        let x = columns.count == design.matrix.columns
            ? design.matrix : design.matrix.submatrix(rows: Array(0..<n), columns: columns)
        let scaled = design.scaled(x)
        let fit: LeastSquaresFit
        do { fit = try LeastSquares.solve(scaled.x, scaled.y) } catch {
            throw RegressionError.numerical(String(describing: error))
        }
        if let (column, dependsOn) = fit.aliasedDependencies.min(by: { $0.key < $1.key }) {
            throw RegressionError.perfectCollinearity(
                term: design.names[columns[column]], dependsOn: dependsOn.map { design.names[columns[$0]] })
        }
        let rss = fit.residualSumOfSquares
        let residuals = design.counts.map { counts in (0..<n).map { fit.residuals[$0] / counts[$0].squareRoot() } }
            ?? fit.residuals
        var ssRegression = CompensatedSum()
        for i in 0..<n {
            let fitted = design.hasIntercept
                ? (design.response[i] - design.responseMean) - residuals[i]
                : design.response[i] - residuals[i]
            ssRegression.add((design.counts?[i] ?? 1) * fitted * fitted)
        }
        return Estimate(columns: columns, fit: fit, residuals: residuals, rss: rss, ssRegression: ssRegression.value,
                        dfResidual: design.caseCount - columns.count)
    }
}

extension Regression.Estimate {
    /// Assembles the full result of the final model.
    func result(design: Regression.Design, model: LinearModel, blocks: [RegressionResult.Block]) -> RegressionResult {
        let n = design.caseCount, p = columns.count
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
        let robust = model.hc3
            ? Regression.hc3Covariance(design: design.matrix, residuals: residuals, counts: design.counts,
                                       factor: fit.inverseFactor)
            : nil
        let sdY = design.responseSD
        var coefficients: [RegressionResult.Coefficient] = []
        for j in 0..<p {
            let b = fit.coefficients[j]!
            let se = sigma * covariance[j, j].squareRoot()
            let t: Double? = se > 0 ? b / se : nil
            let isIntercept = design.hasIntercept && j == 0
            let sdX = design.columnSDs[j]
            let robustSE = robust.flatMap { $0[j, j] >= 0 ? $0[j, j].squareRoot() : nil }
            let robustT: Double? = robustSE.flatMap { $0 > 0 ? b / $0 : nil }
            coefficients.append(RegressionResult.Coefficient(
                term: design.names[j], estimate: b, stdError: se, statistic: t,
                pValue: t.map { StudentT.twoSidedP($0, df: Double(dfResidual)) },
                confLow: b - critical * se, confHigh: b + critical * se,
                stdEstimate: isIntercept || sdY == 0 ? nil : b * sdX / sdY,
                vif: isIntercept ? nil : inflation.columnVIF[j],
                stdErrorHC3: robustSE, statisticHC3: robustT,
                pValueHC3: robustT.map { StudentT.twoSidedP($0, df: Double(dfResidual)) },
                confLowHC3: robustSE.map { b - critical * $0 }, confHighHC3: robustSE.map { b + critical * $0 }))
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
                                excludedCases: design.excludedCases)
    }
}
