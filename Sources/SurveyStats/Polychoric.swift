import Foundation
import GSL

/// Polychoric correlations of ordinal items by two-step maximum likelihood (Olsson 1979,
/// *Psychometrika* 44:443, the two-step estimator): each item's thresholds from its margin,
///
///     τᵢ,c = Φ⁻¹((n₁ + … + n_c)/n),   c = 1 … mᵢ − 1   (τᵢ,₀ = −∞, τᵢ,mᵢ = +∞)
///
/// then, per pair with thresholds held, ρ maximising ℓ(ρ) = Σₐᵦ nₐᵦ log πₐᵦ(ρ) with
/// πₐᵦ = Φ₂(τₐ, τᵦ) − Φ₂(τₐ₋₁, τᵦ) − Φ₂(τₐ, τᵦ₋₁) + Φ₂(τₐ₋₁, τᵦ₋₁) (``BivariateNormal``), found as
/// the root of the score ℓ′(ρ) = Σ nₐᵦ π′ₐᵦ/πₐᵦ (π′ from φ₂, Plackett's ∂Φ₂/∂ρ = φ₂) by bisection
/// on (−1, 1) to the last bit. No continuity correction for empty cells (psych's `correct = 0`).
///
/// Tested against R 4.2.2: the same estimator with mvtnorm 1.1-3 and `uniroot(tol = 1e-15)`
/// (`Fixtures/polychoric/polychoric.R`), cross-checked with psych `polychoric(correct = 0)`, whose
/// `optimize` stops about 1e-5 from the maximum.
public enum Polychoric {
    /// The most categories an item may have.
    public static let maxCategories = 10

    /// The polychoric correlation matrix of the items summarised by `table`, named `names`.
    /// - Throws: ``PolychoricError`` for no complete cases or an item with one category used.
    public static func correlations(_ table: PairwiseContingency, names: [String]) throws -> PolychoricResult {
        precondition(names.count == table.itemCount, "one name per item")
        guard table.count > 0 else { throw PolychoricError.noCases }
        let n = Double(table.count)
        let thresholds = try zip(table.margins, names).map { margin, name -> [Double] in
            guard margin.filter({ $0 > 0 }).count >= 2 else { throw PolychoricError.constantItem(name) }
            var cumulative = 0
            return [-.infinity] + margin.dropLast().map { count in
                cumulative += count
                return cumulative == 0 ? -.infinity : cumulative == table.count ? .infinity : Normal.quantile(Double(cumulative) / n)
            } + [.infinity]
        }
        let p = table.itemCount
        var matrix = [Double](repeating: 0, count: p * p)
        for i in 0..<p {
            matrix[i * p + i] = 1
            for j in (i + 1)..<p {
                let rho = estimate(table.table(i, j), rows: thresholds[i], columns: thresholds[j])
                matrix[i * p + j] = rho
                matrix[j * p + i] = rho
            }
        }
        return PolychoricResult(n: table.count, names: names, thresholds: thresholds.map { Array($0.dropFirst().dropLast()) }, matrix: matrix)
    }

    /// The ρ that maximises the pair's likelihood with the thresholds (with ±∞ at the ends) held.
    static func estimate(_ counts: [Int], rows a: [Double], columns b: [Double]) -> Double {
        let width = b.count - 1
        let cells = counts.indices.filter { counts[$0] > 0 }
        func score(_ rho: Double) -> Double {
            var sum = 0.0
            for cell in cells {
                let r = cell / width, c = cell % width
                let probability = BivariateNormal.cdf(a[r + 1], b[c + 1], correlation: rho) - BivariateNormal.cdf(a[r], b[c + 1], correlation: rho)
                    - BivariateNormal.cdf(a[r + 1], b[c], correlation: rho) + BivariateNormal.cdf(a[r], b[c], correlation: rho)
                let derivative = BivariateNormal.density(a[r + 1], b[c + 1], correlation: rho) - BivariateNormal.density(a[r], b[c + 1], correlation: rho)
                    - BivariateNormal.density(a[r + 1], b[c], correlation: rho) + BivariateNormal.density(a[r], b[c], correlation: rho)
                // A cell the model gives no probability at this ρ pulls ρ away from it without bound.
                guard probability > 0 else { return derivative > 0 ? .infinity : -.infinity }
                sum += Double(counts[cell]) * derivative / probability
            }
            return sum
        }
        var low = -1.0, high = 1.0
        while true {
            let middle = low + (high - low) / 2
            if middle <= low || middle >= high || high - low <= 2 * Double.ulpOfOne { return middle }
            if score(middle) > 0 { low = middle } else { high = middle }
        }
    }
}
