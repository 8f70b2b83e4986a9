/// The result of a one-way analysis of variance (see ``OneWayANOVA/run(values:groups:levels:factor:confidenceLevel:postHoc:)``),
/// in R broom's vocabulary. Undefined values are `nil` (JSON `null`), never NaN.
public struct AnovaResult: Sendable, Equatable, Codable {
    /// The factor's name (the `term` of the first ANOVA row).
    public let factor: String
    /// Cases used (non-missing value and level).
    public let nobs: Int
    /// Cases dropped because the value or the level was missing.
    public let excludedCases: Int
    /// Rows: the factor (SS between, k − 1 df, F, p) and "Residuals" (SS within, N − k df).
    public let anova: [AnovaTableRow]
    /// One row per level in the given (codebook) order, including levels without cases (n = 0).
    public let groups: [Group]
    /// η² = SS_between / SS_total.
    public let etaSquared: Double?
    /// ω² = (SS_between − (k − 1)·MS_within) / (SS_total + MS_within).
    public let omegaSquared: Double?
    /// Levene's test of equal variances, centred on the group means.
    public let levene: FTest?
    /// Brown–Forsythe test of equal variances (Levene centred on the group medians).
    public let brownForsythe: FTest?
    /// Welch's F test of equal means (fractional `df_residual`).
    public let welch: FTest?
    /// Brown–Forsythe F* test of equal means (fractional `df_residual`).
    public let brownForsytheMeans: FTest?
    /// Kruskal–Wallis H with tie correction.
    public let kruskalWallis: KruskalWallis?
    /// Tukey–Kramer HSD, every pair of non-empty levels (level order i < j).
    public let tukey: [PairwiseComparison]
    /// Games–Howell, every pair of non-empty levels, with Welch–Satterthwaite df.
    public let gamesHowell: [PairwiseComparison]

    enum CodingKeys: String, CodingKey {
        case factor, nobs, anova, groups, levene, welch, tukey
        case excludedCases = "n_excluded"
        case etaSquared = "eta_squared"
        case omegaSquared = "omega_squared"
        case brownForsythe = "brown_forsythe"
        case brownForsytheMeans = "brown_forsythe_means"
        case kruskalWallis = "kruskal_wallis"
        case gamesHowell = "games_howell"
    }

    /// Summary of one level: n, mean, SD, SE and the t-based confidence interval of the mean.
    public struct Group: Sendable, Equatable, Codable {
        public let level: String
        public let n: Int
        /// `nil` when n = 0.
        public let mean: Double?
        /// Sample SD (denominator n − 1); `nil` when n < 2.
        public let sd: Double?
        /// SD/√n; `nil` when n < 2.
        public let stdError: Double?
        /// mean ∓ t(1 − α/2, n − 1)·SE; `nil` when n < 2.
        public let confLow: Double?
        public let confHigh: Double?

        enum CodingKeys: String, CodingKey {
            case level, n, mean, sd
            case stdError = "std_error"
            case confLow = "conf_low"
            case confHigh = "conf_high"
        }
    }

    /// An F test: `statistic, df, df_residual, p_value`.
    public struct FTest: Sendable, Equatable, Codable {
        public let statistic: Double
        public let df: Double
        public let dfResidual: Double
        public let pValue: Double

        enum CodingKeys: String, CodingKey {
            case statistic, df
            case dfResidual = "df_residual"
            case pValue = "p_value"
        }
    }

    /// Kruskal–Wallis: `statistic` (H), `df`, `p_value` (χ² upper tail).
    public struct KruskalWallis: Sendable, Equatable, Codable {
        public let statistic: Double
        public let df: Int
        public let pValue: Double

        enum CodingKeys: String, CodingKey {
            case statistic, df
            case pValue = "p_value"
        }
    }

    /// One pairwise comparison. `estimate` = mean(group2) − mean(group1), `statistic` = q (the
    /// studentized range, |estimate|/(SE/√2)), `std_error` = SE of the difference, p and CI from
    /// the studentized range distribution. Values a pair cannot define are `nil`.
    public struct PairwiseComparison: Sendable, Equatable, Codable {
        public let group1: String
        public let group2: String
        public let estimate: Double
        public let stdError: Double?
        public let statistic: Double?
        public let pValue: Double?
        public let confLow: Double?
        public let confHigh: Double?
        /// Degrees of freedom of the studentized range (Games–Howell only; Welch–Satterthwaite).
        public let df: Double?

        enum CodingKeys: String, CodingKey {
            case group1, group2, estimate, statistic, df
            case stdError = "std_error"
            case pValue = "p_value"
            case confLow = "conf_low"
            case confHigh = "conf_high"
        }
    }
}
