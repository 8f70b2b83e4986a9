import SurveyData

/// The scale scores the calibration targets are computed from (privacy concern, transparency,
/// intrusiveness, attitude) and the age group of each respondent, scored by SurveyData's own rule
/// (``Dataset/scores(of:)``: mean of the answered keyed items, missing below `min_items`).
public struct CalibrationScores: Sendable, Equatable {
    typealias Instrument = PrivacyParadoxInstrument
    /// The scales that the targets involve.
    public static let constructs = [Instrument.privacyConcern, Instrument.transparency, Instrument.intrusiveness, Instrument.attitude]

    public private(set) var concern: [Double] = []
    public private(set) var opacity: [Double] = []
    public private(set) var intrusiveness: [Double] = []
    public private(set) var attitude: [Double] = []
    /// Age-group level index per respondent (−1 when missing).
    public let ageGroups: [Int]

    public init(_ wave: WaveResponses) throws {
        ageGroups = wave.column(named: Instrument.ageGroup.name)!.cells.map { $0.answer ?? -1 }
        for construct in Self.constructs { try rescore(construct, of: wave) }
    }

    /// Recomputes the scores of `construct` after its items changed.
    public mutating func rescore(_ construct: PrivacyParadoxInstrument.Construct, of wave: WaveResponses) throws {
        let scores = try wave.dataset(of: [construct]).scores(of: construct.scaleDefinition)
        switch construct.scale {
        case Instrument.privacyConcern.scale: concern = scores
        case Instrument.transparency.scale: opacity = scores
        case Instrument.intrusiveness.scale: intrusiveness = scores
        case Instrument.attitude.scale: attitude = scores
        default: preconditionFailure("\(construct.scale) is not a calibrated scale")
        }
    }
}
