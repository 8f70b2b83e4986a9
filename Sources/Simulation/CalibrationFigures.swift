import SurveyStats

/// The figures of a wave that the calibration targets speak of, computed with the project's own
/// statistics from ``CalibrationScores``: means by ``Descriptives/describe(_:name:)``, the
/// standardized β of transparency and intrusiveness on privacy concern by ``Regression/fit(_:)``,
/// and the one-way ANOVA of privacy concern by age group.
///
/// The one-way ANOVA F is taken from the regression of concern on the age-group dummies, whose
/// model F is the one-way ANOVA F with the same df (Draper & Smith 1998, §14.2), and the group means
/// as intercept + dummy coefficient; this is several times cheaper than ``OneWayANOVA`` (which
/// also computes Levene, Welch, Tukey, …) in the search's inner loop. `SimulationTests` checks the
/// calibrated wave with ``OneWayANOVA`` itself.
public struct CalibrationFigures: Sendable, Equatable {
    public private(set) var privacyConcernMean = Double.nan
    public private(set) var attitudeMean = Double.nan
    public private(set) var transparencyBeta = Double.nan
    public private(set) var transparencyP = Double.nan
    public private(set) var intrusivenessBeta = Double.nan
    public private(set) var intrusivenessP = Double.nan
    /// Cases in the regression (listwise).
    public private(set) var regressionN = 0
    public private(set) var ageF = Double.nan
    public private(set) var ageDF = 0
    public private(set) var ageDFResidual = 0
    public private(set) var ageP = Double.nan
    /// Mean privacy concern per age group, youngest first.
    public private(set) var concernByAge: [Double] = []

    typealias Instrument = PrivacyParadoxInstrument

    /// R7: every age group's mean concern below the previous (younger) group's.
    public var concernFallsWithAge: Bool {
        zip(concernByAge, concernByAge.dropFirst()).allSatisfy { $0 > $1 }
    }

    /// Computes every figure of `wave`.
    /// - Throws: ``RegressionError`` when a model cannot be fitted (e.g. a constant scale).
    public init(_ wave: WaveResponses) throws {
        try self.init(CalibrationScores(wave))
    }

    public init(_ scores: CalibrationScores) throws {
        for construct in CalibrationScores.constructs { try update(after: construct, scores) }
    }

    /// Recomputes the figures that depend on `construct`, whose scores changed.
    public mutating func update(after construct: PrivacyParadoxInstrument.Construct, _ scores: CalibrationScores) throws {
        switch construct.scale {
        case Instrument.attitude.scale:
            attitudeMean = Descriptives.describe(scores.attitude, name: construct.scale).mean ?? .nan
        case Instrument.transparency.scale, Instrument.intrusiveness.scale:
            try updateRegression(scores)
        default:
            privacyConcernMean = Descriptives.describe(scores.concern, name: construct.scale).mean ?? .nan
            try updateRegression(scores)
            try updateAgeComparison(scores)
        }
    }

    private mutating func updateRegression(_ scores: CalibrationScores) throws {
        let regression = try Regression.fit(LinearModel(
            responseName: Instrument.privacyConcern.scale, response: scores.concern,
            terms: [.numeric(name: Instrument.transparency.scale, values: scores.opacity),
                    .numeric(name: Instrument.intrusiveness.scale, values: scores.intrusiveness)]))
        let transparencyTerm = regression.coefficients[1], intrusivenessTerm = regression.coefficients[2]
        transparencyBeta = transparencyTerm.stdEstimate ?? .nan
        transparencyP = transparencyTerm.pValue ?? .nan
        intrusivenessBeta = intrusivenessTerm.stdEstimate ?? .nan
        intrusivenessP = intrusivenessTerm.pValue ?? .nan
        regressionN = regression.model.nobs
    }

    private mutating func updateAgeComparison(_ scores: CalibrationScores) throws {
        let anova = try Regression.fit(LinearModel(
            responseName: Instrument.privacyConcern.scale, response: scores.concern,
            terms: [.categorical(name: Instrument.ageGroup.name, codes: scores.ageGroups, levels: Instrument.ageGroup.levels)]))
        ageF = anova.model.statistic ?? .nan
        ageDF = anova.model.df
        ageDFResidual = anova.model.dfResidual
        ageP = anova.model.pValue ?? .nan
        let intercept = anova.coefficients[0].estimate
        concernByAge = [intercept] + anova.coefficients.dropFirst().map { intercept + $0.estimate }
    }
}
