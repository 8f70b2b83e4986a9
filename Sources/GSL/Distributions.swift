import CGSL

// Probability distributions from GSL. Every p-value in Paradox comes from an upper-tail function
// (`…_Q`), never from `1 - cdf`, so that small p-values keep their digits.

/// Student's t distribution.
public enum StudentT {
    /// P(T > t) for `df` degrees of freedom (`gsl_cdf_tdist_Q`).
    public static func upperTail(_ t: Double, df: Double) -> Double {
        GSLRuntime.ready
        return gsl_cdf_tdist_Q(t, df)
    }

    /// Two-sided p-value 2·P(T > |t|).
    public static func twoSidedP(_ t: Double, df: Double) -> Double {
        min(1, 2 * upperTail(abs(t), df: df))
    }

    /// The quantile t such that P(T ≤ t) = p (`gsl_cdf_tdist_Pinv`).
    public static func quantile(_ p: Double, df: Double) -> Double {
        GSLRuntime.ready
        return gsl_cdf_tdist_Pinv(p, df)
    }
}

/// Fisher's F distribution.
public enum FisherF {
    /// P(F > f) with (`df1`, `df2`) degrees of freedom (`gsl_cdf_fdist_Q`).
    public static func upperTail(_ f: Double, df1: Double, df2: Double) -> Double {
        GSLRuntime.ready
        return gsl_cdf_fdist_Q(f, df1, df2)
    }

    /// The quantile f such that P(F ≤ f) = p (`gsl_cdf_fdist_Pinv`). For large degrees of freedom
    /// (about 10⁴ and more, e.g. Feldt's interval of α on a big survey wave) GSL's inverse does not
    /// converge and returns NaN; then f is found by bisection on the CDF (on the upper tail for
    /// p > ½), to the last bit of f.
    public static func quantile(_ p: Double, df1: Double, df2: Double) -> Double {
        GSLRuntime.ready
        let direct = gsl_cdf_fdist_Pinv(p, df1, df2)
        guard direct.isNaN, p > 0, p < 1, df1 > 0, df2 > 0 else { return direct }
        let below: (Double) -> Bool = p > 0.5
            ? { gsl_cdf_fdist_Q($0, df1, df2) > 1 - p }
            : { gsl_cdf_fdist_P($0, df1, df2) < p }
        var lower = 0.0, upper = 1.0
        while below(upper) { lower = upper; upper *= 2 }
        while true {
            let middle = lower + (upper - lower) / 2
            if middle <= lower || middle >= upper { return middle }
            if below(middle) { lower = middle } else { upper = middle }
        }
    }
}

/// The χ² distribution.
public enum ChiSquared {
    /// P(X > x) with `df` degrees of freedom (`gsl_cdf_chisq_Q`).
    public static func upperTail(_ x: Double, df: Double) -> Double {
        GSLRuntime.ready
        return gsl_cdf_chisq_Q(x, df)
    }
}

/// The standard normal distribution.
public enum Normal {
    /// Φ(z) (`gsl_cdf_ugaussian_P`).
    public static func cdf(_ z: Double) -> Double {
        GSLRuntime.ready
        return gsl_cdf_ugaussian_P(z)
    }

    /// 1 − Φ(z), accurate in the far tail (`gsl_cdf_ugaussian_Q`).
    public static func upperTail(_ z: Double) -> Double {
        GSLRuntime.ready
        return gsl_cdf_ugaussian_Q(z)
    }

    /// Φ⁻¹(p) (`gsl_cdf_ugaussian_Pinv`).
    public static func quantile(_ p: Double) -> Double {
        GSLRuntime.ready
        return gsl_cdf_ugaussian_Pinv(p)
    }
}

/// The noncentral χ² distribution, as the Poisson mixture of central χ² distributions
/// (Johnson, Kotz & Balakrishnan 1995, *Continuous Univariate Distributions* 2, eq. 29.2):
///
///     P(X ≤ x; ν, λ) = Σⱼ e^(−λ/2)·(λ/2)ʲ/j! · P(χ²_(ν+2j) ≤ x)
///
/// summed outward from the largest Poisson weight (j = ⌊λ/2⌋) until the remaining weights cannot
/// change the sum in the last bit (Ding 1992, *Applied Statistics* 41:478, sums the same series).
public enum NoncentralChiSquared {
    /// P(X ≤ x) with `df` degrees of freedom and noncentrality `noncentrality` ≥ 0.
    public static func cdf(_ x: Double, df: Double, noncentrality lambda: Double) -> Double {
        GSLRuntime.ready
        guard lambda > 0 else { return gsl_cdf_chisq_P(x, df) }
        let half = lambda / 2
        let mode = half.rounded(.down)
        func weight(_ j: Double) -> Double { exp(-half + j * log(half) - gsl_sf_lngamma(j + 1)) }
        func term(_ j: Double) -> Double { weight(j) * gsl_cdf_chisq_P(x, df + 2 * j) }
        var sum = term(mode), weights = weight(mode)
        var j = mode - 1
        while j >= 0 {
            let w = weight(j)
            sum += w * gsl_cdf_chisq_P(x, df + 2 * j)
            weights += w
            if w < Double.ulpOfOne * weights * 1e-3 { break }
            j -= 1
        }
        j = mode + 1
        while true {
            let w = weight(j)
            sum += w * gsl_cdf_chisq_P(x, df + 2 * j)
            weights += w
            // Past the mode the weights fall faster than geometrically, and the χ² probabilities fall with j.
            if w < Double.ulpOfOne * weights * 1e-3 { break }
            j += 1
        }
        return min(1, sum)
    }
}
