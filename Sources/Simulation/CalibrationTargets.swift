/// The figures the calibration search aims at: those a replication of Soni's study must reproduce (R2–R7 of the study brief), at the
/// precision the paper reports them.
public struct CalibrationTargets: Sendable, Equatable {
    /// R2: mean privacy concern (1–5), reported to one decimal.
    public var privacyConcernMean: Double
    /// R3: mean attitude toward personalized marketing (1–5), one decimal.
    public var attitudeMean: Double
    /// R4: standardized β of transparency (perceived opacity) on privacy concern, two decimals,
    /// and the p bound it is reported under.
    public var transparencyBeta: Double
    public var transparencyPBound: Double
    /// R5: standardized β of perceived intrusiveness on privacy concern, two decimals, and its p bound.
    public var intrusivenessBeta: Double
    public var intrusivenessPBound: Double
    /// R6: one-way ANOVA of privacy concern by age group, F to two decimals, and its p bound.
    public var ageF: Double
    public var agePBound: Double

    public init(privacyConcernMean: Double, attitudeMean: Double, transparencyBeta: Double,
                transparencyPBound: Double, intrusivenessBeta: Double, intrusivenessPBound: Double,
                ageF: Double, agePBound: Double) {
        self.privacyConcernMean = privacyConcernMean
        self.attitudeMean = attitudeMean
        self.transparencyBeta = transparencyBeta
        self.transparencyPBound = transparencyPBound
        self.intrusivenessBeta = intrusivenessBeta
        self.intrusivenessPBound = intrusivenessPBound
        self.ageF = ageF
        self.agePBound = agePBound
    }

    /// As published: M = 4.2 and 3.8; β = .45 (p < .01) and .35 (p < .05); F(3, 196) = 4.67, p < .01;
    /// R7 (concern falling with age) is checked by ``CalibrationFigures/concernFallsWithAge``.
    public static let soni = CalibrationTargets(
        privacyConcernMean: 4.2, attitudeMean: 3.8, transparencyBeta: 0.45, transparencyPBound: 0.01,
        intrusivenessBeta: 0.35, intrusivenessPBound: 0.05, ageF: 4.67, agePBound: 0.01)

    /// Whether `figures` reproduce every target at the published precision (means to one decimal,
    /// β and F to two) with p under its bound and concern falling with age.
    public func areMet(by figures: CalibrationFigures) -> Bool {
        Self.rounded(figures.privacyConcernMean, 1) == privacyConcernMean
            && Self.rounded(figures.attitudeMean, 1) == attitudeMean
            && Self.rounded(figures.transparencyBeta, 2) == transparencyBeta
            && figures.transparencyP < transparencyPBound
            && Self.rounded(figures.intrusivenessBeta, 2) == intrusivenessBeta
            && figures.intrusivenessP < intrusivenessPBound
            && Self.rounded(figures.ageF, 2) == ageF
            && figures.ageP < agePBound
            && figures.concernFallsWithAge
    }

    /// `value` rounded half away from zero to `digits` decimals, as the paper would print it.
    public static func rounded(_ value: Double, _ digits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        return (value * scale).rounded() / scale
    }
}
