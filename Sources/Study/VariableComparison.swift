import SurveyStats

/// One variable compared across waves: its mean by wave, the test of differences between the
/// waves and the change from the first to the last wave. Undefined values are JSON `null`.
public struct VariableComparison: Sendable, Encodable {
    public var name: String
    public var label: String
    public var isScale: Bool
    /// One row per analysed wave, in wave order.
    public var waves: [WaveMean]
    /// `nil` with fewer than two analysed waves, or when the test is undefined (`betweenWavesError` says why).
    public var betweenWaves: BetweenWavesTest?
    public var betweenWavesError: String?
    /// Last wave minus first wave (Welch); `nil` with fewer than two waves or when an SD is undefined.
    public var change: MeanDifferenceResult?

    /// n, missing, M, SD, SE and the t-based 95% CI of the mean in one wave.
    public struct WaveMean: Sendable, Encodable {
        public var wave: String
        public var n: Int
        public var missing: Int
        public var mean: Double?
        public var sd: Double?
        public var stdError: Double?
        public var confLow: Double?
        public var confHigh: Double?
        /// What n (and the missing count, which gives n away beside the wave's rows) prints as when
        /// the privacy gate hides a small n ("< 5"); `nil`: shown. The gate also clears the statistics.
        public var hiddenN: String?

        public func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(wave, forKey: .wave)
            if let hiddenN {
                try c.encode(hiddenN, forKey: .n)
                try c.encode(hiddenN, forKey: .missing)
            } else {
                try c.encode(n, forKey: .n)
                try c.encode(missing, forKey: .missing)
            }
            try c.encode(mean, forKey: .mean)
            try c.encode(sd, forKey: .sd)
            try c.encode(stdError, forKey: .stdError)
            try c.encode(confLow, forKey: .confLow)
            try c.encode(confHigh, forKey: .confHigh)
        }

        enum CodingKeys: String, CodingKey {
            case wave, n, missing, mean, sd
            case stdError = "std_error"
            case confLow = "conf_low"
            case confHigh = "conf_high"
        }
    }

    /// The one-way ANOVA across waves (rows: "Wave", "Residuals"), Welch's F, η² and ω².
    public struct BetweenWavesTest: Sendable, Encodable {
        public var anova: [AnovaTableRow]
        public var welch: AnovaResult.FTest?
        public var etaSquared: Double?
        public var omegaSquared: Double?

        enum CodingKeys: String, CodingKey {
            case anova, welch
            case etaSquared = "eta_squared"
            case omegaSquared = "omega_squared"
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(label, forKey: .label)
        try c.encode(isScale ? "scale" : "item", forKey: .kind)
        try c.encode(waves, forKey: .waves)
        try c.encode(betweenWaves, forKey: .betweenWaves)
        try c.encode(betweenWavesError, forKey: .betweenWavesError)
        try c.encode(change, forKey: .change)
    }

    enum CodingKeys: String, CodingKey {
        case name, label, kind, waves, change
        case betweenWaves = "between_waves"
        case betweenWavesError = "between_waves_error"
    }
}
