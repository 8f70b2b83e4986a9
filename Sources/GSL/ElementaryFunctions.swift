import CGSL

/// Elementary and special real functions from the C math library and GSL, for modules that import
/// only `GSL` (``SurveyStats`` has no other route to `log`, `exp` or Γ).
public enum Elementary {
    /// Natural logarithm.
    @inline(__always) public static func log(_ x: Double) -> Double { CGSL.log(x) }
    /// eˣ.
    @inline(__always) public static func exp(_ x: Double) -> Double { CGSL.exp(x) }
    /// log(1 + x), accurate for small x.
    @inline(__always) public static func log1p(_ x: Double) -> Double { CGSL.log1p(x) }
    /// eˣ − 1, accurate for small x.
    @inline(__always) public static func expm1(_ x: Double) -> Double { CGSL.expm1(x) }
    /// xʸ.
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { CGSL.pow(x, y) }
    /// Γ*(x) = Γ(x)/[√(2π)·x^{x−½}·e^{−x}] for x > 0, Stirling's ratio, to relative precision
    /// (`gsl_sf_gammastar`: Chebyshev fits below x = 10, its asymptotic series above).
    public static func gammaStar(_ x: Double) -> Double {
        GSLRuntime.ready
        return gsl_sf_gammastar(x)
    }
    /// log(1 − eˣ) for x ≤ 0 without cancellation (Mächler 2012, "Accurately computing
    /// log(1 − exp(−|a|))", CRAN Rmpfr vignette): `log(−expm1(x))` near 0, `log1p(−exp(x))` below −log 2.
    public static func log1mexp(_ x: Double) -> Double {
        x > -0.6931471805599453 ? CGSL.log(-CGSL.expm1(x)) : CGSL.log1p(-CGSL.exp(x))
    }
}
