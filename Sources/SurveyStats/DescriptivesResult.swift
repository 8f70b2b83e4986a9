/// The descriptive statistics of one variable, as a paper's "Table 1" reports them.
///
/// Keys follow R's broom / `psych::describe`: `n, missing, mean, sd, median, min, max, skewness,
/// kurtosis, se_skewness, se_kurtosis`. A value that is undefined for the data (the SD of one case,
/// skewness below 3 cases, kurtosis below 4, either with zero variance, anything without cases) is
/// `nil` (JSON `null`), never NaN. Computed by ``Descriptives``.
public struct DescriptivesResult: Sendable, Equatable, Codable {
    /// Variable (or scale) name.
    public var name: String
    /// Number of valid values.
    public var n: Int
    /// Number of missing values (system- and user-missing together).
    public var missing: Int
    public var mean: Double?
    /// Sample standard deviation (denominator n − 1).
    public var sd: Double?
    public var median: Double?
    public var min: Double?
    public var max: Double?
    /// G₁ (SPSS / `psych::describe(type = 2)`); see ``Moments/skewness``.
    public var skewness: Double?
    /// Excess kurtosis G₂ (SPSS / `psych::describe(type = 2)`); see ``Moments/kurtosis``.
    public var kurtosis: Double?
    public var seSkewness: Double?
    public var seKurtosis: Double?

    private enum CodingKeys: String, CodingKey {
        case name, n, missing, mean, sd, median, min, max, skewness, kurtosis
        case seSkewness = "se_skewness", seKurtosis = "se_kurtosis"
    }

    /// Every key is always present; an undefined value is `null`.

    public init(name: String, n: Int, missing: Int, mean: Double?, sd: Double?, median: Double?,
                min: Double?, max: Double?, skewness: Double?, kurtosis: Double?,
                seSkewness: Double?, seKurtosis: Double?) {
        self.name = name
        self.n = n
        self.missing = missing
        self.mean = mean
        self.sd = sd
        self.median = median
        self.min = min
        self.max = max
        self.skewness = skewness
        self.kurtosis = kurtosis
        self.seSkewness = seSkewness
        self.seKurtosis = seKurtosis
    }
}
