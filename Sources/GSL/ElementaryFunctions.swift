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
    /// sin x.
    @inline(__always) public static func sin(_ x: Double) -> Double { CGSL.sin(x) }
    /// xʸ.
    @inline(__always) public static func pow(_ x: Double, _ y: Double) -> Double { CGSL.pow(x, y) }
    /// Γ*(x) = Γ(x)/[√(2π)·x^{x−½}·e^{−x}] for x > 0, Stirling's ratio, to relative precision
    /// (`gsl_sf_gammastar`: Chebyshev fits below x = 10, its asymptotic series above).
    public static func gammaStar(_ x: Double) -> Double {
        GSLRuntime.ready
        return gsl_sf_gammastar(x)
    }
    /// erfc x = 1 − erf x, to relative precision in the upper tail (the C library's; underflows beyond 26.5).
    @inline(__always) public static func erfc(_ x: Double) -> Double { CGSL.erfc(x) }
    /// log erfc(x), finite for every x: the C library's `erfc` (within an ulp, and several times faster
    /// than GSL's, which also estimates its error) while erfc(x) is a normal number, x < 26;
    /// `gsl_sf_log_erfc` beyond.
    public static func logErfc(_ x: Double) -> Double {
        if x < 26 { return CGSL.log(CGSL.erfc(x)) }
        GSLRuntime.ready
        return gsl_sf_log_erfc(x)
    }
}
