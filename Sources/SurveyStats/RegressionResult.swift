/// The result of an ordinary least-squares regression (see ``Regression/fit(_:)``), in R broom's
/// vocabulary: `coefficients` (`tidy.lm`), `model` (`glance.lm`), an `anova` table with the rows
/// Regression and Residual, generalized VIFs per term, and hierarchical `blocks`.
///
/// Undefined values are `nil` (JSON `null`), never NaN.
public struct RegressionResult: Sendable, Equatable, Codable {
    public let response: String
    public let coefficients: [Coefficient]
    public let model: Model
    public let anova: [AnovaTableRow]
    /// Generalized VIF per predictor term (Fox & Monette 1992), as `car::vif` reports it.
    public let generalizedVIF: [GeneralizedVIF]
    /// One row per hierarchical block (a single block when none were given).
    public let blocks: [Block]
    /// Cases dropped by listwise deletion.
    public let excludedCases: Int
    /// The reference level of each categorical term, whose dummies compare their level with it.
    public let referenceLevels: [ReferenceLevel]

    enum CodingKeys: String, CodingKey {
        case response, coefficients, model, anova, blocks
        case generalizedVIF = "gvif"
        case excludedCases = "n_excluded"
        case referenceLevels = "reference_levels"
    }

    /// A categorical term and the level its dummies are compared with.
    public struct ReferenceLevel: Sendable, Equatable, Codable {
        public let term: String
        public let level: String
    }

    /// One coefficient (`tidy.lm` row plus β, VIF and optional HC3 inference).
    public struct Coefficient: Sendable, Equatable, Codable {
        /// `(Intercept)`, a numeric predictor's name, or `G[level]` for a dummy.
        public let term: String
        /// B.
        public let estimate: Double
        /// SE(B) = σ̂·√[(XᵀX)⁻¹]ⱼⱼ.
        public let stdError: Double
        /// t = B / SE; `nil` when SE = 0 (a perfect fit).
        public let statistic: Double?
        /// Two-sided p of t on `df_residual` degrees of freedom.
        public let pValue: Double?
        public let confLow: Double
        public let confHigh: Double
        /// Standardized β = B·sd(xⱼ)/sd(y) on the estimation sample (for a dummy, the SD of its 0/1
        /// column, as SPSS computes it); `nil` for the intercept or when sd(y) = 0.
        public let stdEstimate: Double?
        /// The 95% CI of β: B's interval scaled by the same sd(xⱼ)/sd(y) (effectsize's
        /// `standardize_parameters(method = "basic")`); `nil` where β is.
        public let stdConfLow: Double?
        public let stdConfHigh: Double?
        /// 1/(1 − R²ⱼ) of the design column (SPSS's per-column VIF); `nil` for the intercept or a
        /// model with a single predictor column.
        public let vif: Double?
        /// HC3 inference (MacKinnon & White 1985); present only when requested.
        public let stdErrorHC3: Double?
        public let statisticHC3: Double?
        public let pValueHC3: Double?
        public let confLowHC3: Double?
        public let confHighHC3: Double?
        /// β's CI from the HC3 interval of B, scaled as ``stdConfLow``.
        public let stdConfLowHC3: Double?
        public let stdConfHighHC3: Double?

        enum CodingKeys: String, CodingKey {
            case term, estimate, statistic, vif
            case stdError = "std_error"
            case pValue = "p_value"
            case confLow = "conf_low"
            case confHigh = "conf_high"
            case stdEstimate = "std_estimate"
            case stdConfLow = "std_conf_low"
            case stdConfHigh = "std_conf_high"
            case stdConfLowHC3 = "std_conf_low_hc3"
            case stdConfHighHC3 = "std_conf_high_hc3"
            case stdErrorHC3 = "std_error_hc3"
            case statisticHC3 = "statistic_hc3"
            case pValueHC3 = "p_value_hc3"
            case confLowHC3 = "conf_low_hc3"
            case confHighHC3 = "conf_high_hc3"
        }
    }

    /// Per-model statistics (`glance.lm`).
    public struct Model: Sendable, Equatable, Codable {
        /// Cases used (after listwise deletion).
        public let nobs: Int
        /// SSreg/(SSreg + SSres); uncentered (Σŷ²/Σy²) without intercept, as R and NIST report it.
        /// `nil` when the total sum of squares is zero.
        public let rSquared: Double?
        /// 1 − (1 − R²)(n − i)/(n − p), i = 1 with intercept, 0 without.
        public let adjRSquared: Double?
        /// Residual standard error √(SSres/(n − p)).
        public let sigma: Double
        /// F = MSreg/MSres; `nil` when MSres = 0 (a perfect fit, F infinite) or no predictor.
        public let statistic: Double?
        public let pValue: Double?
        /// Numerator degrees of freedom, p − i.
        public let df: Int
        /// n − p.
        public let dfResidual: Int

        enum CodingKeys: String, CodingKey {
            case nobs, sigma, statistic, df
            case rSquared = "r_squared"
            case adjRSquared = "adj_r_squared"
            case pValue = "p_value"
            case dfResidual = "df_residual"
        }
    }

    /// GVIF of one term (`car::vif`: GVIF, Df, GVIF^(1/(2·Df))).
    public struct GeneralizedVIF: Sendable, Equatable, Codable {
        public let term: String
        public let gvif: Double
        public let df: Int
        /// GVIF^(1/(2·Df)), comparable across terms of different Df.
        public let adjustedGVIF: Double

        enum CodingKeys: String, CodingKey {
            case term, gvif, df
            case adjustedGVIF = "gvif_adjusted"
        }
    }

    /// A hierarchical block: the model with this block's terms and all earlier ones.
    public struct Block: Sendable, Equatable, Codable {
        /// 1-based.
        public let block: Int
        public let terms: [String]
        public let rSquared: Double?
        /// R²ₖ − R²ₖ₋₁ (R²₀ = 0).
        public let deltaRSquared: Double?
        /// ΔF = [(SSresₖ₋₁ − SSresₖ)/df] / [SSresₖ/df_residual]; `nil` when SSresₖ = 0.
        public let statistic: Double?
        /// Number of columns the block adds.
        public let df: Int
        /// n − pₖ.
        public let dfResidual: Int
        public let pValue: Double?

        enum CodingKeys: String, CodingKey {
            case block, terms, statistic, df
            case rSquared = "r_squared"
            case deltaRSquared = "delta_r_squared"
            case dfResidual = "df_residual"
            case pValue = "p_value"
        }
    }
}
