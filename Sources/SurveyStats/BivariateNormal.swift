import Foundation
import GSL

/// The standard bivariate normal distribution with correlation ρ: its CDF Φ₂(h, k; ρ) = P(X ≤ h, Y ≤ k)
/// and density φ₂.
///
/// Φ₂ by Genz's algorithm (Genz 2004, "Numerical computation of rectangular bivariate and trivariate
/// normal and t probabilities", *Statistics and Computing* 14:251, TVPACK's `BVNU`), which refines
/// Drezner & Wesolowsky (1990, *J. Statist. Comput. Simul.* 35:101): for |ρ| < 0.925 Gauss–Legendre
/// quadrature (6, 12 or 20 points by |ρ|) of Plackett's identity ∂Φ₂/∂ρ = φ₂ over arcsin ρ,
///
///     L(h, k; ρ) = Φ(−h)Φ(−k) + (1/2π) ∫₀^(arcsin ρ) exp(−(h² + k² − 2hk·sin θ) / (2cos²θ)) dθ,
///
/// and for |ρ| ≥ 0.925 a Taylor expansion of the singular part about |ρ| = 1 plus quadrature of
/// the smooth remainder in √(1 − ρ²). Absolute error about 10⁻¹⁵. Φ₂(h, k; ρ) = L(−h, −k; ρ).
///
/// Tested against mpmath 1.3.0 quadrature at 30 digits and R mvtnorm 1.1-3 `pmvnorm`
/// (`Fixtures/polychoric/bivariate_normal.py`, `BivariateNormalTests`).
public enum BivariateNormal {
    /// Gauss–Legendre nodes (the negative half) and weights for 6, 12 and 20 points on [−1, 1].
    private static let rules: [(nodes: [Double], weights: [Double])] = [
        ([-0.932469514203152, -0.6612093864662645, -0.23861918608319693],
         [0.17132449237916975, 0.36076157304813894, 0.46791393457269137]),
        ([-0.9815606342467192, -0.9041172563704748, -0.7699026741943047, -0.5873179542866175, -0.3678314989981802, -0.1252334085114689],
         [0.04717533638651202, 0.10693932599531888, 0.1600783285433461, 0.20316742672306565, 0.23349253653835464, 0.2491470458134027]),
        ([-0.9931285991850949, -0.9639719272779138, -0.9122344282513258, -0.8391169718222188, -0.7463319064601508,
          -0.636053680726515, -0.5108670019508271, -0.37370608871541955, -0.2277858511416451, -0.07652652113349734],
         [0.017614007139153273, 0.04060142980038622, 0.06267204833410944, 0.08327674157670467, 0.10193011981724026,
          0.11819453196151825, 0.13168863844917653, 0.14209610931838187, 0.14917298647260366, 0.15275338713072578]),
    ]

    /// Φ₂(h, k; ρ) = P(X ≤ h, Y ≤ k) for standard normal X, Y with correlation ρ ∈ [−1, 1];
    /// h and k may be ±∞.
    public static func cdf(_ h: Double, _ k: Double, correlation rho: Double) -> Double {
        if h == -.infinity || k == -.infinity { return 0 }
        if h == .infinity { return Normal.cdf(k) }
        if k == .infinity { return Normal.cdf(h) }
        return Swift.min(1, Swift.max(0, upper(-h, -k, rho)))
    }

    /// φ₂(h, k; ρ) = exp(−(h² − 2ρhk + k²)/(2(1 − ρ²))) / (2π√(1 − ρ²)), 0 where h or k is infinite;
    /// |ρ| < 1.
    public static func density(_ h: Double, _ k: Double, correlation rho: Double) -> Double {
        guard h.isFinite, k.isFinite else { return 0 }
        let oneMinus = (1 - rho) * (1 + rho)
        return exp(-(h * h - 2 * rho * h * k + k * k) / (2 * oneMinus)) / (2 * Double.pi * oneMinus.squareRoot())
    }

    /// L(h, k; ρ) = P(X > h, Y > k), finite h and k (TVPACK's `BVNU`).
    private static func upper(_ h: Double, _ k: Double, _ r: Double) -> Double {
        let rule = abs(r) < 0.3 ? rules[0] : abs(r) < 0.75 ? rules[1] : rules[2]
        let twoPi = 2 * Double.pi
        var k = k, hk = h * k, bvn = 0.0
        if abs(r) < 0.925 {
            let hs = (h * h + k * k) / 2, asr = asin(r)
            for (x, w) in zip(rule.nodes, rule.weights) {
                for node in [x, -x] {
                    let sn = sin(asr * (node + 1) / 2)
                    bvn += w * exp((sn * hk - hs) / (1 - sn * sn))
                }
            }
            return bvn * asr / (2 * twoPi) + Normal.upperTail(h) * Normal.upperTail(k)
        }
        if r < 0 { k = -k; hk = -hk }
        if abs(r) < 1 {
            let squared = (1 - r) * (1 + r)
            var a = squared.squareRoot()
            let bs = (h - k) * (h - k), c = (4 - hk) / 8, d = (12 - hk) / 16
            bvn = a * exp(-(bs / squared + hk) / 2) * (1 - c * (bs - squared) * (1 - d * bs / 5) / 3 + c * d * squared * squared / 5)
            if hk > -160 {
                let b = bs.squareRoot()
                bvn -= exp(-hk / 2) * twoPi.squareRoot() * Normal.cdf(-b / a) * b * (1 - c * bs * (1 - d * bs / 5) / 3)
            }
            a /= 2
            for (x, w) in zip(rule.nodes, rule.weights) {
                for node in [x, -x] {
                    let xs = (a * (node + 1)) * (a * (node + 1)), rs = (1 - xs).squareRoot()
                    bvn += a * w * exp(-(bs / xs + hk) / 2) * (exp(-hk * (1 - rs) / (2 * (1 + rs))) / rs - (1 + c * xs * (1 + d * xs)))
                }
            }
            bvn = -bvn / twoPi
        }
        if r > 0 { return bvn + Normal.upperTail(Swift.max(h, k)) }
        bvn = -bvn
        if k > h {
            bvn += h < 0 ? Normal.cdf(k) - Normal.cdf(h) : Normal.upperTail(h) - Normal.upperTail(k)
        }
        return bvn
    }
}
