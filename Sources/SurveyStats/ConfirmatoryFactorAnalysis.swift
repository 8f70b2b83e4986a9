import GSL

/// Confirmatory factor analysis of scales as correlated factors (each item loads on its scale's
/// factor only), fitted by maximum likelihood on the n complete cases with S = C/n (lavaan's
/// defaults: `estimator = "ML"`, `likelihood = "normal"`) by ``CorrelatedFactorsModel``.
/// Identification (Brown 2015, *Confirmatory Factor Analysis for Applied Research*, 2nd ed., §3):
/// - fixed variance (lavaan `std.lv = TRUE`): every factor's variance 1, all loadings free;
/// - marker: each factor's first loading 1, its variance free (lavaan's default), from the same
///   solution by λ′ᵢ = λᵢ/λ_marker, φ′ₐᵦ = φₐᵦλ_marker(a)λ_marker(b).
///
/// Standard errors from the inverse expected information (``ExpectedInformation``); z = θ̂/SE, two-
/// sided p from the normal, Wald 95% intervals. Standardized values as lavaan's `std.all` with
/// delta-method SEs (`standardizedSolution()`), the Jacobian analytic (``Structure/standardizedJacobian(_:)``).
/// χ² on df = p(p + 1)/2 − q and the fit indices by ``ModelFit``.
/// Negative residual variances (Heywood cases) and factor correlations beyond ±1 are reported as
/// estimated, with warnings; ML treats the items as continuous.
///
/// Tested against R 4.2.2, lavaan 0.6-14 `cfa(model, data, std.lv = TRUE)` and the marker default,
/// `parameterEstimates`, `standardizedSolution`, `fitMeasures` (`Fixtures/cfa/cfa.R`).
public enum ConfirmatoryFactorAnalysis {
    /// How the factors' scales are fixed.
    public enum Identification: String, Sendable, Equatable, Codable, CaseIterable {
        /// Factor variances 1 (lavaan `std.lv = TRUE`).
        case fixedVariance = "fixed_variance"
        /// First loading of each factor 1.
        case marker
    }

    /// A factor and its items (indices into the variables of the summary).
    public struct Factor: Sendable, Equatable {
        public var name: String
        public var items: [Int]
        public init(name: String, items: [Int]) {
            self.name = name
            self.items = items
        }
    }

    /// Coverage of the Wald intervals.
    public static let confLevel = 0.95

    /// The model of `factors` fitted to the variables summarised by `summary`, named `names`.
    /// - Throws: ``ConfirmatoryFactorAnalysisError``.
    public static func fit(_ summary: CoMoments, names: [String], factors: [Factor],
                           identification: Identification = .fixedVariance) throws -> ConfirmatoryFactorAnalysisResult {
        precondition(names.count == summary.variableCount, "one name per variable")
        guard !factors.isEmpty else { throw ConfirmatoryFactorAnalysisError.noFactors }
        let needed = factors.count == 1 ? 3 : 2
        if let small = factors.first(where: { $0.items.count < needed }) {
            throw ConfirmatoryFactorAnalysisError.tooFewItems(factor: small.name, count: small.items.count, needed: needed)
        }
        let order = factors.flatMap(\.items)
        var seen = Set<Int>()
        for item in order where !seen.insert(item).inserted { throw ConfirmatoryFactorAnalysisError.itemInTwoFactors(names[item]) }
        let factorOf = factors.enumerated().flatMap { a, factor in factor.items.map { _ in a } }
        let p = order.count, m = factors.count
        let pairs = CorrelatedFactorsModel.pairs(m)
        let moments = p * (p + 1) / 2, parameters = 2 * p + pairs.count
        guard parameters <= moments else { throw ConfirmatoryFactorAnalysisError.notIdentified(parameters: parameters, moments: moments) }
        guard summary.count > p else { throw ConfirmatoryFactorAnalysisError.notPositiveDefinite }
        let n = Double(summary.count), v = summary.variableCount
        let covariance = order.flatMap { i in order.map { j in summary.matrix[i * v + j] / n } }
        let model = try CorrelatedFactorsModel(covariance: covariance, factorOf: factorOf, factorCount: m)

        let structure = Structure(factorOf: factorOf, factorCount: m,
                                  markers: identification == .marker ? factors.indices.map { a in factorOf.firstIndex(of: a) ?? 0 } : nil)
        let theta = structure.freeParameters(loadings: model.loadings, correlations: model.correlations, residualVariances: model.residualVariances)
        let cov = ExpectedInformation.covariance(sigma: structure.sigma(theta), derivatives: structure.derivatives(theta), n: n)
        let itemNames = order.map { names[$0] }, factorNames = factors.map(\.name)
        let rows = structure.report(theta, covariance: cov, items: itemNames, factors: factorNames)

        var warnings: [ReliabilityWarning] = []
        for (i, psi) in model.residualVariances.enumerated() where psi < 0 {
            warnings.append(ReliabilityWarning(kind: .heywoodCase, item: itemNames[i],
                                               message: "\(itemNames[i]) has a negative residual variance (Heywood case); the solution is improper."))
        }
        for (a, b) in pairs where abs(model.correlations[a * m + b]) > 1 {
            warnings.append(ReliabilityWarning(kind: .factorCorrelationBeyondOne, item: nil,
                                               message: "The correlation of \(factorNames[a]) and \(factorNames[b]) is beyond ±1; the solution is improper."))
        }
        let df = moments - parameters
        return ConfirmatoryFactorAnalysisResult(
            n: summary.count, excludedCases: summary.excluded, identification: identification, parameters: rows,
            fit: df > 0 ? ModelFit(discrepancy: model.discrepancy, baseline: model.baselineDiscrepancy, srmr: model.srmr,
                                   n: n, df: df, baselineDf: p * (p - 1) / 2) : nil,
            warnings: warnings)
    }
}

/// The free parameters θ of a parameterisation of the correlated-factors model in the items' units:
/// loadings (all, or all but the markers), factor variances (marker identification only), factor
/// covariances a < b, residual variances; with Σ(θ), ∂Σ/∂θ and the report rows.
private struct Structure {
    let factorOf: [Int]
    let factorCount: Int
    /// The marker item of each factor, or `nil` for fixed factor variances.
    let markers: [Int]?

    var p: Int { factorOf.count }
    var freeLoadings: [Int] { (0..<p).filter { !(markers?.contains($0) ?? false) } }
    var pairs: [(Int, Int)] { CorrelatedFactorsModel.pairs(factorCount) }

    /// θ from the fixed-variance solution (λ, correlation matrix Φ, ψ).
    func freeParameters(loadings l: [Double], correlations phi: [Double], residualVariances psi: [Double]) -> [Double] {
        let m = factorCount
        guard let markers else { return l + pairs.map { phi[$0.0 * m + $0.1] } + psi }
        let scale = markers.map { l[$0] }
        return freeLoadings.map { l[$0] / scale[factorOf[$0]] } + scale.map { $0 * $0 }
            + pairs.map { phi[$0.0 * m + $0.1] * scale[$0.0] * scale[$0.1] } + psi
    }

    /// (λ, Φ m × m, ψ) at θ.
    func unpack(_ theta: [Double]) -> (loadings: [Double], phi: [Double], psi: [Double]) {
        let m = factorCount
        var l = [Double](repeating: 1, count: p), phi = [Double](repeating: 0, count: m * m)
        var k = 0
        for i in freeLoadings { l[i] = theta[k]; k += 1 }
        for a in 0..<m {
            if markers == nil { phi[a * m + a] = 1 } else { phi[a * m + a] = theta[k]; k += 1 }
        }
        for (a, b) in pairs { phi[a * m + b] = theta[k]; phi[b * m + a] = theta[k]; k += 1 }
        return (l, phi, Array(theta[k...]))
    }

    func sigma(_ theta: [Double]) -> Matrix {
        let (l, phi, psi) = unpack(theta), m = factorCount
        var s = Matrix(rows: p, columns: p)
        for i in 0..<p { for j in 0..<p { s[i, j] = l[i] * l[j] * phi[factorOf[i] * m + factorOf[j]] + (i == j ? psi[i] : 0) } }
        return s
    }

    /// ∂Σ/∂θₖ for each free parameter, in θ's order.
    func derivatives(_ theta: [Double]) -> [Matrix] {
        let (l, phi, _) = unpack(theta), m = factorCount
        func column(_ a: Int) -> [Double] { (0..<p).map { factorOf[$0] == a ? l[$0] : 0 } }
        func outer(_ x: [Double], _ y: [Double]) -> Matrix {
            var d = Matrix(rows: p, columns: p)
            for i in 0..<p { for j in 0..<p { d[i, j] = x[i] * y[j] + y[i] * x[j] } }
            return d
        }
        func unit(_ i: Int) -> [Double] { (0..<p).map { $0 == i ? 1 : 0 } }
        let loadings = freeLoadings.map { i in
            outer(unit(i), (0..<p).map { l[$0] * phi[factorOf[i] * m + factorOf[$0]] })
        }
        let variances = markers == nil ? [] : (0..<m).map { a -> Matrix in
            var d = outer(column(a), column(a))
            for i in 0..<p * p { d[i / p, i % p] /= 2 }
            return d
        }
        let covariances = pairs.map { outer(column($0.0), column($0.1)) }
        let residuals = (0..<p).map { i -> Matrix in
            var d = Matrix(rows: p, columns: p)
            d[i, i] = 1
            return d
        }
        return loadings + variances + covariances + residuals
    }

    /// The standardized value of every reported parameter, in report order.
    func standardized(_ theta: [Double]) -> [Double] {
        let (l, phi, psi) = unpack(theta), m = factorCount
        let variance = (0..<p).map { l[$0] * l[$0] * phi[factorOf[$0] * (m + 1)] + psi[$0] }
        return (0..<p).map { l[$0] * phi[factorOf[$0] * (m + 1)].squareRoot() / variance[$0].squareRoot() }
            + (0..<p).map { psi[$0] / variance[$0] }
            + [Double](repeating: 1, count: m)
            + pairs.map { phi[$0.0 * m + $0.1] / (phi[$0.0 * (m + 1)] * phi[$0.1 * (m + 1)]).squareRoot() }
    }

    /// J = ∂std/∂θ, the derivatives of ``standardized(_:)`` (rows, report order) by the free
    /// parameters (columns, θ's order), analytically: with vᵢ = λᵢ²φₐₐ + ψᵢ (a the factor of item i),
    /// the standardized loading sᵢ = λᵢ√φₐₐ/√vᵢ has ∂/∂λᵢ = √φₐₐ ψᵢ/vᵢ^{3/2}, ∂/∂ψᵢ = −λᵢ√φₐₐ/(2vᵢ^{3/2}),
    /// ∂/∂φₐₐ = λᵢψᵢ/(2√φₐₐ vᵢ^{3/2}); the standardized residual rᵢ = ψᵢ/vᵢ has ∂/∂ψᵢ = λᵢ²φₐₐ/vᵢ²,
    /// ∂/∂λᵢ = −2λᵢφₐₐψᵢ/vᵢ², ∂/∂φₐₐ = −λᵢ²ψᵢ/vᵢ²; the correlation cₐᵦ = φₐᵦ/√(φₐₐφᵦᵦ) has
    /// ∂/∂φₐᵦ = 1/√(φₐₐφᵦᵦ), ∂/∂φₐₐ = −cₐᵦ/(2φₐₐ); the standardized factor variances are 1.
    /// (Exact where central differences lose ~10⁻¹⁰ to rounding, so that merged summaries give the
    /// standardized SEs of one pass to 10⁻¹².)
    func standardizedJacobian(_ theta: [Double]) -> Matrix {
        let (l, phi, psi) = unpack(theta), m = factorCount
        // θ's index of each free loading, factor variance (marker identification), covariance and residual variance.
        var loadingIndex = [Int?](repeating: nil, count: p)
        var k = 0
        for i in freeLoadings { loadingIndex[i] = k; k += 1 }
        let varianceIndex: [Int?] = (0..<m).map { a in markers == nil ? nil : k + a }
        let covarianceStart = k + (markers == nil ? 0 : m)
        let residualStart = covarianceStart + pairs.count
        var jacobian = Matrix(rows: 2 * p + m + pairs.count, columns: theta.count)
        for i in 0..<p {
            let a = factorOf[i], variance = phi[a * (m + 1)]
            let v = l[i] * l[i] * variance + psi[i], v32 = v * v.squareRoot()
            if let j = loadingIndex[i] {
                jacobian[i, j] = variance.squareRoot() * psi[i] / v32
                jacobian[p + i, j] = -2 * l[i] * variance * psi[i] / (v * v)
            }
            if let j = varianceIndex[a] {
                jacobian[i, j] = l[i] * psi[i] / (2 * variance.squareRoot() * v32)
                jacobian[p + i, j] = -l[i] * l[i] * psi[i] / (v * v)
            }
            jacobian[i, residualStart + i] = -l[i] * variance.squareRoot() / (2 * v32)
            jacobian[p + i, residualStart + i] = l[i] * l[i] * variance / (v * v)
        }
        for (index, (a, b)) in pairs.enumerated() {
            let row = 2 * p + m + index
            let phiA = phi[a * (m + 1)], phiB = phi[b * (m + 1)]
            let correlation = phi[a * m + b] / (phiA * phiB).squareRoot()
            jacobian[row, covarianceStart + index] = 1 / (phiA * phiB).squareRoot()
            if let j = varianceIndex[a] { jacobian[row, j] = -correlation / (2 * phiA) }
            if let j = varianceIndex[b] { jacobian[row, j] = -correlation / (2 * phiB) }
        }
        return jacobian
    }

    /// The rows: loadings, residual variances, factor variances, factor covariances.
    func report(_ theta: [Double], covariance: Matrix?, items: [String], factors: [String]) -> [ConfirmatoryFactorAnalysisResult.Parameter] {
        let (l, phi, psi) = unpack(theta), m = factorCount
        // Report slot → index in θ (nil: fixed).
        var free: [Int?] = []
        var k = 0
        for i in 0..<p { if freeLoadings.contains(i) { free.append(k); k += 1 } else { free.append(nil) } }
        let varianceStart = k
        let covarianceStart = varianceStart + (markers == nil ? 0 : m)
        let residualStart = covarianceStart + pairs.count
        free += (0..<p).map { residualStart + $0 }
        free += (0..<m).map { markers == nil ? nil : varianceStart + $0 }
        free += pairs.indices.map { covarianceStart + $0 }
        let labels = (0..<p).map { (factors[factorOf[$0]], "=~", items[$0], l[$0]) }
            + (0..<p).map { (items[$0], "~~", items[$0], psi[$0]) }
            + (0..<m).map { (factors[$0], "~~", factors[$0], phi[$0 * (m + 1)]) }
            + pairs.map { (factors[$0.0], "~~", factors[$0.1], phi[$0.0 * m + $0.1]) }

        let std = standardized(theta)
        var stdVariances: [Double]?
        if let covariance {
            // Var(stdᵢ) = (J Cov(θ̂) Jᵀ)ᵢᵢ with J = ∂std/∂θ (delta method).
            let jacobian = standardizedJacobian(theta)
            stdVariances = std.indices.map { i in
                var sum = 0.0
                for a in theta.indices where jacobian[i, a] != 0 {
                    for b in theta.indices { sum += jacobian[i, a] * covariance[a, b] * jacobian[i, b] }
                }
                return sum
            }
        }
        let z = Normal.quantile(1 - (1 - ConfirmatoryFactorAnalysis.confLevel) / 2)
        return labels.enumerated().map { index, label in
            let se = free[index].flatMap { k in covariance.map { Swift.max(0, $0[k, k]).squareRoot() } }
            let estimate = label.3
            return .init(lhs: label.0, op: label.1, rhs: label.2, estimate: estimate, stdError: se,
                         statistic: se.map { estimate / $0 }, pValue: se.map { Swift.min(1, 2 * Normal.upperTail(abs(estimate / $0))) },
                         confLow: se.map { estimate - z * $0 }, confHigh: se.map { estimate + z * $0 },
                         stdAll: std[index], stdAllStdError: stdVariances.map { Swift.max(0, $0[index]).squareRoot() })
        }
    }
}
