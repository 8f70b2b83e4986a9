import GSL

/// The studentized range distribution: Q = (max − min of k independent N(μ, σ²) values)/S with
/// νS²/σ² ~ χ²(ν) independent of them (Tukey's q; GSL has no implementation).
///
/// The upper tail is computed from its integral representation (Lund & Lund 1983, "Algorithm AS
/// 190: probabilities and upper quantiles for the studentized range", *Appl. Stat.* 32:204) in a
/// form that keeps full relative precision far into the tail:
/// - the range R of k standard normals: log P(R > w) = log[k(k − 1)·(1 − Φ(w/√2))] + D_k(w), the
///   Bonferroni bound in closed form and D_k ≤ 0, the log of the exact tail's ratio to it, an
///   integral (``NormalRange``) tabulated once per k as piecewise Chebyshev interpolants on
///   0 ≤ w < 30 (``RangeTailTable``; D_k is negligible beyond), so that P(R > w) costs an erfc, a log
///   and a short polynomial;
/// - for finite ν, with S = eᵗ: P(Q > q) = ∫ g(t)·P(R > q·eᵗ) dt, g the density of log S,
///   log g(t) = log 2 + ½log x − ½log 2π − stirlerr(x) − x·(e^{2t} − 1 − 2t), x = ν/2, with
///   Stirling's remainder stirlerr (log Γ*, or its series) and e^y − 1 − y by its series for
///   |y| < ½, so that ν up to 10⁸ loses no digits (the log-density's width 1/√(2ν) is resolved, not
///   its offset); ν = ∞ gives P(R > q).
///
/// The outer integral is evaluated in log space by the trapezoidal rule (``LogTrapezoid``) on a
/// lattice centred on the peak of the log-integrand (a few Newton steps, concave in t), with h a
/// third of its curvature width: the rule on every other node then already passes the rule's 1e-10
/// check for near-Gaussian integrands, so h is halved only for small ν, and the 55–75 nodes do not
/// depend on ν.
///
/// Accuracy (`StudentizedRangeTests`): against mpmath 1.3.0 values (`Fixtures/anova/
/// studentized_range_mpmath.py`, `…_large_df_mpmath.py`) from p = 0.09 down to p = 2e-175 (k = 2…20,
/// ν = 10, 20, 1000, 10⁵, 10⁷, ∞), relative error within about an ulp of log P: ≤ 8e-15 for
/// p > 1e-20 and ≤ 3e-14 at p = 2e-175 (one rounding of q alone moves P by about |log P|·ε; each
/// node's w = q·eᵗ is rounded likewise, at random); against the closed forms for k = 2
/// (ν = 2 down to p = 2e-100, ν = ∞ down to 1e-87); 1.5e-10 at (q = 16.78, k = 20, ν = 2), where the
/// reference itself is still being refined. R's ptukey is off by 1.7e-3 relative at that point.
///
/// Cost (release build, one core): an upper tail 12–18 µs for ν ≥ 20 (0.7 µs at ν = ∞), a quantile
/// 50–125 µs (2.5 µs at ν = ∞), 30–100 times less than with the inner integral at every node, once
/// the pieces of D_k they need are built: 17 or 33 inner integrals a piece, 0.1–0.6 ms, so that the
/// first quantile for a k costs 0.5–0.9 ms.
public enum StudentizedRange {
    /// P(Q > q) for `groups` = k ≥ 2 means and `df` = ν > 0 (may be `.infinity`). 1 for q ≤ 0.
    public static func upperTail(_ q: Double, groups k: Int, df: Double) -> Double {
        Elementary.exp(logUpperTail(q, groups: k, df: df))
    }

    /// log P(Q > q), finite where P underflows.
    public static func logUpperTail(_ q: Double, groups k: Int, df: Double) -> Double {
        var table = RangeTailTable(groups: k)
        return logUpperTail(q, groups: k, df: df, table: &table)
    }

    /// The same, D_k read through `table` (one snapshot for all the evaluations of a quantile).
    static func logUpperTail(_ q: Double, groups k: Int, df: Double, table: inout RangeTailTable) -> Double {
        precondition(k >= 2 && df > 0, "studentized range needs k ≥ 2 and df > 0")
        guard q > 0 else { return 0 }
        if df.isInfinite { return NormalRange.logUpperTail(q, table: &table) }
        precondition(q < 1e150, "studentized range quantile beyond 1e150")
        let x = df / 2
        let constant = 0.6931471805599453 + 0.5 * Elementary.log(x) - 0.9189385332046728 - stirlingRemainder(x)
        // w = q·eᵗ, not e^{log q + t}: the rounding of log q, shared by every node, would move log P by
        // (q²/2)·ulp(log q)/2, 5e-14 at q = 25.
        func integrand(_ t: Double) -> Double {
            constant - x * expm1MinusIdentity(2 * t) + NormalRange.logUpperTail(q * Elementary.exp(t), table: &table)
        }
        // With P(R > w) ≈ e^{−w²/4}, the log-integrand νt − x·e^{2t} − q²e^{2t}/4 peaks at
        // e^{2t} = ν/(ν + q²/2) with curvature width 1/√(2ν): Newton's start.
        let start = 0.5 * Elementary.log(df / (df + q * q / 2))
        let (peak, width) = newtonPeak(integrand, start: start, width: 1 / (2 * df).squareRoot())
        return min(0, LogTrapezoid.integrate({ (integrand($0), 0) }, around: peak, step: width / 3).log)
    }

    /// The quantile q with P(Q ≤ q) = `probability` (e.g. 0.95 for a 95% interval), to 1e-12 relative.
    ///
    /// The ν = ∞ quantile q∞ is found first (cheap: no outer integral); for finite ν the search
    /// starts from q∞ and from q∞ studentized as for k = 2, where Q = √2·|T_ν| exactly:
    /// √2·t_ν(1 − a), a = 1 − Φ(q∞/√2).
    public static func quantile(_ probability: Double, groups k: Int, df: Double) -> Double {
        precondition(probability > 0 && probability < 1, "probability must lie in (0, 1)")
        let target = Elementary.log1p(-probability)
        var table = RangeTailTable(groups: k)
        let infinite = root({ logUpperTail($0, groups: k, df: .infinity, table: &table) - target }, from: 3, and: 5)
        guard df.isFinite else { return infinite }
        let a = Normal.upperTail(infinite / 2.0.squareRoot())
        let studentized = 2.0.squareRoot() * StudentT.quantile(1 - a, df: df)
        let second = studentized.isFinite && studentized > infinite * (1 + 1e-6) ? studentized : infinite * 1.01
        return root({ logUpperTail($0, groups: k, df: df, table: &table) - target }, from: infinite, and: second)
    }

    /// The root of f, decreasing in q, by secant steps on (log q, f) — nearly linear in both tails —
    /// from q₀ and q₁, kept inside a bracket [low, high] on which f changes sign, with bisection when
    /// a step leaves it. Stops when a step changes log q by less than 1e-14 (superlinear convergence:
    /// the previous iterate is then already that close).
    static func root(_ f: (Double) -> Double, from q0: Double, and q1: Double) -> Double {
        var low = 0.0, high = Double.infinity
        var x0 = Elementary.log(q0), f0 = f(q0)
        var x1 = Elementary.log(q1), f1 = f(q1)
        for (x, fx) in [(x0, f0), (x1, f1)] {
            if fx > 0 { low = max(low, Elementary.exp(x)) } else { high = min(high, Elementary.exp(x)) }
        }
        for _ in 0..<100 {
            var next = f1 != f0 ? x1 - f1 * (x1 - x0) / (f1 - f0) : x1
            if abs(next - x1) <= 1e-14 * max(1, abs(next)) { return Elementary.exp(next) }
            if !(Elementary.exp(next) > low && Elementary.exp(next) < high) || !next.isFinite {
                next = high.isFinite ? Elementary.log(low > 0 ? (low * high).squareRoot() : high / 2) : x1 + 1
            }
            let fn = f(Elementary.exp(next))
            if fn == 0 { return Elementary.exp(next) }
            if fn > 0 { low = max(low, Elementary.exp(next)) } else { high = min(high, Elementary.exp(next)) }
            if (high - low) <= 2e-14 * high { return Elementary.exp(next) }
            (x0, f0, x1, f1) = (x1, f1, next, fn)
        }
        return Elementary.exp(x1)
    }

    /// e^y − 1 − y without cancellation: its Taylor series y²/2! + y³/3! + … for |y| < ½.
    static func expm1MinusIdentity(_ y: Double) -> Double {
        guard abs(y) < 0.5 else { return Elementary.expm1(y) - y }
        var term = y * y / 2, sum = term, n = 2.0
        while abs(term) > 1e-17 * abs(sum) {
            n += 1
            term *= y / n
            sum += term
        }
        return sum
    }

    /// The maximiser of a concave f and its curvature width 1/√(−f″) by Newton steps on central
    /// differences (spacing a quarter of the current width, steps capped at 2), from `start` until a
    /// step is below an eighth of the width. The peak only centres the integration lattice and the
    /// width sets its first step, so this precision is ample.
    static func newtonPeak(_ f: (Double) -> Double, start: Double, width initialWidth: Double) -> (peak: Double, width: Double) {
        var t = start, width = initialWidth
        for _ in 0..<60 {
            let d = width / 4
            let left = f(t - d), middle = f(t), right = f(t + d)
            let slope = (right - left) / (2 * d), curvature = (right - 2 * middle + left) / (d * d)
            var step = slope > 0 ? width : -width   // not (numerically) concave here: climb
            if curvature < 0, slope.isFinite {
                width = 1 / (-curvature).squareRoot()
                step = -slope / curvature
            }
            step = max(-2, min(2, step))
            t += step
            if abs(step) <= width / 8 { break }
        }
        return (t, width)
    }

    /// Stirling's remainder log Γ(x) − [(x − ½)log x − x + ½log 2π]: its series for x ≥ 50, else
    /// log Γ*(x) (``Elementary/gammaStar(_:)``); the difference itself would carry the rounding of
    /// log Γ(x), 7e-15 at x = 30, into every p-value at ν = 60.
    static func stirlingRemainder(_ x: Double) -> Double {
        if x >= 50 {
            let x2 = x * x
            return (1.0 / 12 - (1.0 / 360 - (1.0 / 1260 - (1.0 / 1680) / x2) / x2) / x2) / x
        }
        return Elementary.log(Elementary.gammaStar(x))
    }
}
