import GSL

/// The studentized range distribution: Q = (max − min of k independent N(μ, σ²) values)/S with
/// νS²/σ² ~ χ²(ν) independent of them (Tukey's q; GSL has no implementation).
///
/// The upper tail is computed from its integral representation (Lund & Lund 1983, "Algorithm AS
/// 190: probabilities and upper quantiles for the studentized range", *Appl. Stat.* 32:204) in a
/// form that keeps full relative precision far into the tail:
/// - the range of k standard normals, with z the minimum, A = 1 − Φ(z) and B = Φ(z + w) − Φ(z):
///   P(R > w) = k ∫ φ(z)·(A^{k−1} − B^{k−1}) dz = k ∫ φ(z)·A^{k−1}·(−expm1((k − 1)·log(B/A))) dz,
///   a sum of positive terms, with log A and log(B/A) = log1mexp(log(1 − Φ(z + w)) − log A) from
///   ``Normal/logUpperTail(_:)`` (no 1 − cdf anywhere);
/// - for finite ν, with S = eᵗ: P(Q > q) = ∫ g(t)·P(R > q·eᵗ) dt, g the density of log S,
///   log g(t) = log 2 + ½log x − ½log 2π − stirlerr(x) − x·(expm1(2t) − 2t), x = ν/2, written
///   with Stirling's remainder so that large ν (10³…10⁶) loses no digits; ν = ∞ gives P(R > q).
///
/// Both integrals are evaluated in log space: the log-integrand's peak is located (golden-section
/// search), the integration range is cut where the integrand falls below e⁻⁶⁰ of the peak, and the
/// range is integrated by the geometrically convergent trapezoidal rule, refined until successive
/// rules agree to 10⁻¹³.
///
/// Accuracy (`StudentizedRangeTests`): relative error ≤ 3e-14 against mpmath 1.3.0 values
/// (`Fixtures/anova/studentized_range_mpmath.py`) from p = 0.09 down to p = 7e-100 (k = 2…20,
/// ν = 10, 20, 1000, ∞) and against the closed forms for k = 2 (ν = 2 down to p = 2e-100, ν = ∞ down
/// to 1e-87); 1.5e-10 at (q = 16.78, k = 20, ν = 2), where the reference itself is still being
/// refined. R's ptukey is off by 1.7e-3 relative at that point. About 5–40 ms per call (debug build).
public enum StudentizedRange {
    /// P(Q > q) for `groups` = k ≥ 2 means and `df` = ν > 0 (may be `.infinity`). 1 for q ≤ 0.
    public static func upperTail(_ q: Double, groups k: Int, df: Double) -> Double {
        Elementary.exp(logUpperTail(q, groups: k, df: df))
    }

    /// log P(Q > q), finite where P underflows.
    public static func logUpperTail(_ q: Double, groups k: Int, df: Double) -> Double {
        precondition(k >= 2 && df > 0, "studentized range needs k ≥ 2 and df > 0")
        guard q > 0 else { return 0 }
        if df.isInfinite { return min(0, logRangeUpperTail(q, k: k)) }
        precondition(q < 1e150, "studentized range quantile beyond 1e150")
        let x = df / 2
        let constant = 0.6931471805599453 + 0.5 * Elementary.log(x) - 0.9189385332046728 - stirlingRemainder(x)
        let logQ = Elementary.log(q)
        func integrand(_ t: Double) -> Double {
            constant - x * (Elementary.expm1(2 * t) - 2 * t) + logRangeUpperTail(Elementary.exp(logQ + t), k: k)
        }
        // The density of log S peaks at t = 0 and P(R > q·eᵗ) falls with t, so the peak lies left of 0;
        // it lies right of the point where q·eᵗ = 10⁻³ (there P(R > w) is 1 to many digits).
        let peak = goldenSectionMaximum(integrand, lower: Elementary.log(1e-3) - logQ - 5, upper: 1)
        return min(0, logIntegral(integrand, around: peak, step: 1 / (2 * df).squareRoot()))
    }

    /// The quantile q with P(Q ≤ q) = `probability` (e.g. 0.95 for a 95% interval), to 1e-12 relative.
    public static func quantile(_ probability: Double, groups k: Int, df: Double) -> Double {
        precondition(probability > 0 && probability < 1, "probability must lie in (0, 1)")
        let target = Elementary.log1p(-probability)
        func f(_ q: Double) -> Double { logUpperTail(q, groups: k, df: df) - target }
        // Secant steps on (log q, log P) — nearly linear in both tails — kept inside a bracket
        // [low, high] on which f changes sign, with bisection when a step leaves it.
        var low = 0.0, high = Double.infinity
        var x0 = Elementary.log(3.0), f0 = f(3.0)
        var x1 = Elementary.log(5.0), f1 = f(5.0)
        for (x, fx) in [(x0, f0), (x1, f1)] {
            if fx > 0 { low = max(low, Elementary.exp(x)) } else { high = min(high, Elementary.exp(x)) }
        }
        for _ in 0..<100 {
            var next = f1 != f0 ? x1 - f1 * (x1 - x0) / (f1 - f0) : x1
            let q = Elementary.exp(next)
            if !(q > low && q < high) || !next.isFinite {
                next = high.isFinite ? Elementary.log(low > 0 ? (low * high).squareRoot() : high / 2) : x1 + 1
            }
            let fn = f(Elementary.exp(next))
            if fn == 0 { return Elementary.exp(next) }
            if fn > 0 { low = max(low, Elementary.exp(next)) } else { high = min(high, Elementary.exp(next)) }
            if abs(next - x1) <= 1e-14 * max(1, abs(next)) || (high - low) <= 2e-14 * high {
                return Elementary.exp(next)
            }
            (x0, f0, x1, f1) = (x1, f1, next, fn)
        }
        return Elementary.exp(x1)
    }

    /// log P(R > w) for the range R of k standard normals.
    static func logRangeUpperTail(_ w: Double, k: Int) -> Double {
        let m = Double(k - 1)
        func integrand(_ z: Double) -> Double {
            let logA = Normal.logUpperTail(z)
            let logRatio = Elementary.log1mexp(min(0, Normal.logUpperTail(z + w) - logA))   // log(B/A)
            let tail = -Elementary.expm1(m * logRatio)                                         // 1 − (B/A)^{k−1}
            return -0.5 * z * z - 0.9189385332046728 + m * logA + Elementary.log(tail)
        }
        // The minimum of a range beyond w sits near −w/2 when w is large, within ±12 of 0 otherwise.
        let peak = goldenSectionMaximum(integrand, lower: -w / 2 - 12, upper: 12)
        return Elementary.log(Double(k)) + logIntegral(integrand, around: peak, step: 0.5)
    }

    /// log ∫ exp(f) over the region around `peak` where f > f(peak) − 60, by the trapezoidal rule
    /// with the number of intervals doubled (from 32) until two rules agree to 1e-13 relative. For an
    /// analytic integrand that is negligible (< e⁻⁶⁰) at both ends of the range the trapezoidal rule
    /// converges geometrically (Trefethen & Weideman 2014, "The exponentially convergent trapezoidal
    /// rule", *SIAM Review* 56:385), so agreement at 1e-13 leaves an error far below it.
    static func logIntegral(_ f: (Double) -> Double, around peak: Double, step: Double) -> Double {
        let top = f(peak)
        guard top.isFinite else { return top }
        func edge(_ direction: Double) -> Double {
            var delta = step
            while f(peak + direction * delta) > top - 60, delta < 1e4 { delta *= 2 }
            return peak + direction * delta
        }
        let a = edge(-1), b = edge(1)
        func shifted(_ x: Double) -> Double {
            let v = f(x) - top
            return v.isNaN ? 0 : Elementary.exp(v)
        }
        var intervals = 32
        var h = (b - a) / Double(intervals)
        var sum = (shifted(a) + shifted(b)) / 2
        for i in 1..<intervals { sum += shifted(a + Double(i) * h) }
        var estimate = sum * h
        while intervals < 8192 {
            for i in stride(from: 1, to: 2 * intervals, by: 2) { sum += shifted(a + Double(i) * h / 2) }
            intervals *= 2
            h /= 2
            let refined = sum * h
            if abs(refined - estimate) <= 1e-13 * refined { return top + Elementary.log(refined) }
            estimate = refined
        }
        return top + Elementary.log(estimate)
    }

    /// The maximiser of a unimodal f on [lower, upper] by golden-section search (to ~1e-5 of the width; the peak only anchors the integration range).
    static func goldenSectionMaximum(_ f: (Double) -> Double, lower: Double, upper: Double) -> Double {
        let ratio = 0.6180339887498949
        var a = lower, b = upper
        var x1 = b - ratio * (b - a), x2 = a + ratio * (b - a)
        var f1 = f(x1), f2 = f(x2)
        for _ in 0..<24 {
            if f1 < f2 {
                a = x1; x1 = x2; f1 = f2
                x2 = a + ratio * (b - a); f2 = f(x2)
            } else {
                b = x2; x2 = x1; f2 = f1
                x1 = b - ratio * (b - a); f1 = f(x1)
            }
        }
        return f1 < f2 ? x2 : x1
    }

    /// Stirling's remainder log Γ(x) − [(x − ½)log x − x + ½log 2π] (series for x ≥ 50).
    static func stirlingRemainder(_ x: Double) -> Double {
        if x >= 50 {
            let x2 = x * x
            return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680) / x2) / x2) / x2) / x
        }
        return Elementary.logGamma(x) - ((x - 0.5) * Elementary.log(x) - x + 0.9189385332046728)
    }
}
