import ComputeSupport

/// Count, mean, extremes and the central sums of powers M₂, M₃, M₄ of a sample: the mergeable
/// summary every moment-based statistic in Paradox is computed from.
///
/// `Mₖ = Σ (xᵢ − x̄)ᵏ`. Missing values (`Double.nan`) are skipped, so `count` is the number of
/// valid values.
///
/// Two ways to build one, both stable:
/// - ``init(_:)`` over a whole column: the corrected two-pass algorithm (Chan, Golub & LeVeque 1983,
///   "Algorithms for computing the sample variance", *Am. Stat.* 37:242): a compensated (Neumaier)
///   sum gives the mean, a second pass sums the powers of the deviations, and the residual mean of
///   the deviations corrects the mean and the sums exactly to first order.
/// - ``append(_:)`` and ``merge(_:)`` for chunked or streaming input: the pairwise update of
///   Chan, Golub & LeVeque (1979) extended to the third and fourth moments by Pébay (2008),
///   "Formulas for robust, one-pass parallel computation of covariances and arbitrary-order
///   statistical moments", Sandia report SAND2008-6212, eqs. (2.1)–(2.4).
///
/// Tested on the NIST StRD univariate sets (certified mean and SD) and against R's
/// `psych::describe(type = 2)` (see `DescriptivesTests`).
public struct Moments: Sendable, Equatable, Codable {
    /// Number of valid (non-NaN) values.
    public private(set) var count: Int
    /// Arithmetic mean; 0 when `count` is 0.
    public private(set) var mean: Double
    /// Σ (xᵢ − x̄)².
    public private(set) var m2: Double
    /// Σ (xᵢ − x̄)³.
    public private(set) var m3: Double
    /// Σ (xᵢ − x̄)⁴.
    public private(set) var m4: Double
    /// Smallest valid value; `nil` when `count` is 0.
    public private(set) var min: Double?
    /// Largest valid value; `nil` when `count` is 0.
    public private(set) var max: Double?

    private enum CodingKeys: String, CodingKey {
        case count = "n", mean, m2, m3, m4, min, max
    }

    /// The summary of no values.
    public init() {
        count = 0; mean = 0; m2 = 0; m3 = 0; m4 = 0; min = nil; max = nil
    }

    /// The summary of `values` (NaN skipped) by the corrected two-pass algorithm.
    public init<C: Collection>(_ values: C) where C.Element == Double {
        self.init()
        var sum = CompensatedSum()
        var low = Double.infinity, high = -Double.infinity
        var n = 0
        for x in values where !x.isNaN {
            sum.add(x)
            n += 1
            if x < low { low = x }
            if x > high { high = x }
        }
        guard n > 0 else { return }
        count = n
        min = low
        max = high
        if low == high {  // constant: exact, and no rounding noise in the higher moments
            mean = low
            return
        }
        let provisional = sum.value / Double(n)
        var s1 = CompensatedSum(), s2 = CompensatedSum(), s3 = CompensatedSum(), s4 = CompensatedSum()
        for x in values where !x.isNaN {
            let d = x - provisional
            let d2 = d * d
            s1.add(d); s2.add(d2); s3.add(d2 * d); s4.add(d2 * d2)
        }
        // Shift the sums from the provisional mean to the corrected mean x̄ = provisional + δ,
        // with Σd = nδ:  Σ(d−δ)² = Σd² − nδ²,  Σ(d−δ)³ = Σd³ − 3δΣd² + 2nδ³,
        // Σ(d−δ)⁴ = Σd⁴ − 4δΣd³ + 6δ²Σd² − 3nδ⁴.
        let nn = Double(n)
        let delta = s1.value / nn
        let (d2, d3, d4) = (s2.value, s3.value, s4.value)
        mean = provisional + delta
        m2 = Swift.max(0, d2 - nn * delta * delta)
        m3 = d3 - 3 * delta * d2 + 2 * nn * delta * delta * delta
        m4 = Swift.max(0, d4 - 4 * delta * d3 + 6 * delta * delta * d2 - 3 * nn * delta * delta * delta * delta)
    }

    /// The summary of tallied values — `counts[j]` copies of `values[j]` — by the same corrected
    /// two-pass algorithm as ``init(_:)``, over the distinct values only: Σcⱼxⱼ is accumulated
    /// compensated, then the central sums Σcⱼ(xⱼ − x̄)ᵏ. For Likert answers this is as accurate
    /// as the pass over every cell (the mean of small integers comes out correctly rounded) and
    /// costs O(number of levels).
    public init(values: [Double], counts: [Int]) {
        self.init()
        var sum = CompensatedSum()
        var n = 0
        var low = Double.infinity, high = -Double.infinity
        for (x, c) in zip(values, counts) where c > 0 && !x.isNaN {
            sum.add(x * Double(c))
            n += c
            low = Swift.min(low, x)
            high = Swift.max(high, x)
        }
        guard n > 0 else { return }
        count = n
        min = low
        max = high
        let nn = Double(n)
        mean = sum.value / nn
        if low == high { mean = low; return }
        var s2 = CompensatedSum(), s3 = CompensatedSum(), s4 = CompensatedSum()
        for (x, c) in zip(values, counts) where c > 0 && !x.isNaN {
            let d = x - mean, w = Double(c)
            let d2 = d * d
            s2.add(w * d2); s3.add(w * d2 * d); s4.add(w * d2 * d2)
        }
        m2 = s2.value
        m3 = s3.value
        m4 = s4.value
    }

    /// The summary of `count` copies of `value` (a tallied Likert level, say); merge such summaries
    /// with ``merge(_:)`` to describe a variable from its counts.
    public init(value: Double, count: Int) {
        self.init()
        guard count > 0, !value.isNaN else { return }
        self.count = count
        mean = value
        min = value
        max = value
    }

    /// Adds one value (ignored when NaN).
    public mutating func append(_ x: Double) {
        merge(Moments(value: x, count: 1))
    }

    /// Combines with the summary of another, disjoint part of the same variable (Pébay 2008,
    /// eqs. 2.1–2.4; with n = nₐ + n_b and δ = x̄_b − x̄ₐ):
    ///
    ///     x̄  = x̄ₐ + δ·n_b/n
    ///     M₂ = M₂ₐ + M₂_b + δ²·nₐn_b/n
    ///     M₃ = M₃ₐ + M₃_b + δ³·nₐn_b(nₐ − n_b)/n² + 3δ(nₐM₂_b − n_bM₂ₐ)/n
    ///     M₄ = M₄ₐ + M₄_b + δ⁴·nₐn_b(nₐ² − nₐn_b + n_b²)/n³ + 6δ²(nₐ²M₂_b + n_b²M₂ₐ)/n²
    ///          + 4δ(nₐM₃_b − n_bM₃ₐ)/n
    public mutating func merge(_ other: Moments) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let na = Double(count), nb = Double(other.count)
        let n = na + nb
        let delta = other.mean - mean
        let d2 = delta * delta
        let (a2, a3, a4) = (m2, m3, m4)
        let (b2, b3, b4) = (other.m2, other.m3, other.m4)
        let newMin = Swift.min(min!, other.min!)
        let newMax = Swift.max(max!, other.max!)
        count += other.count
        min = newMin
        max = newMax
        if newMin == newMax {
            mean = newMin
            m2 = 0; m3 = 0; m4 = 0
            return
        }
        mean += delta * nb / n
        m2 = a2 + b2 + d2 * na * nb / n
        m3 = a3 + b3 + d2 * delta * na * nb * (na - nb) / (n * n) + 3 * delta * (na * b2 - nb * a2) / n
        m4 = a4 + b4 + d2 * d2 * na * nb * (na * na - na * nb + nb * nb) / (n * n * n)
            + 6 * d2 * (na * na * b2 + nb * nb * a2) / (n * n) + 4 * delta * (na * b3 - nb * a3) / n
    }

    /// The summary of both parts; see ``merge(_:)``.
    public static func + (lhs: Moments, rhs: Moments) -> Moments {
        var result = lhs
        result.merge(rhs)
        return result
    }

    /// Sample variance s² = M₂/(n − 1); `nil` for n < 2.
    public var variance: Double? {
        count >= 2 ? m2 / Double(count - 1) : nil
    }

    /// Sample standard deviation s = √(M₂/(n − 1)); `nil` for n < 2.
    public var standardDeviation: Double? { variance.map { $0.squareRoot() } }

    /// Skewness G₁ = g₁·√(n(n − 1))/(n − 2), with g₁ = (M₂/n)^(−3/2)·M₃/n: the adjusted
    /// Fisher–Pearson coefficient that SPSS, SAS, Excel `SKEW`, `psych::describe(type = 2)` and
    /// `e1071::skewness(type = 2)` report (Joanes & Gill 1998, "Comparing measures of sample
    /// skewness and kurtosis", *The Statistician* 47:183). `nil` for n < 3 or zero variance.
    public var skewness: Double? {
        guard count >= 3, m2 > 0 else { return nil }
        let n = Double(count)
        let g1 = (m3 / n) / ((m2 / n) * (m2 / n).squareRoot())
        return g1 * (n * (n - 1)).squareRoot() / (n - 2)
    }

    /// Excess kurtosis G₂ = ((n + 1)g₂ + 6)(n − 1)/((n − 2)(n − 3)), with g₂ = n·M₄/M₂² − 3
    /// (Joanes & Gill 1998; SPSS, `psych::describe(type = 2)`, `e1071::kurtosis(type = 2)`).
    /// `nil` for n < 4 or zero variance.
    public var kurtosis: Double? {
        guard count >= 4, m2 > 0 else { return nil }
        let n = Double(count)
        let g2 = n * m4 / (m2 * m2) - 3
        return ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3))
    }

    /// Standard error of G₁ under normality, SES = √(6n(n − 1)/((n − 2)(n + 1)(n + 3))) (as SPSS
    /// prints it). Depends on n only; `nil` for n < 3.
    public var standardErrorOfSkewness: Double? {
        guard count >= 3 else { return nil }
        let n = Double(count)
        return (6 * n * (n - 1) / ((n - 2) * (n + 1) * (n + 3))).squareRoot()
    }

    /// Standard error of G₂ under normality, SEK = 2·SES·√((n² − 1)/((n − 3)(n + 5))) (as SPSS
    /// prints it). Depends on n only; `nil` for n < 4.
    public var standardErrorOfKurtosis: Double? {
        guard count >= 4, let ses = standardErrorOfSkewness else { return nil }
        let n = Double(count)
        return 2 * ses * ((n * n - 1) / ((n - 3) * (n + 5))).squareRoot()
    }
}
