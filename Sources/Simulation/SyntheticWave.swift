/// The bundled synthetic survey wave: a draw from ``LatentTraitModel`` optionally calibrated by
/// ``CalibrationSearch`` so that its analysis reproduces the published figures of Soni's study.
///
/// Everything is a function of the seed: the same arguments give the same CSV, byte for byte, on
/// every platform (integer PRNG ``SplitMix64``, fixed algorithms, no hash-ordered iteration).
public enum SyntheticWave {
    /// The seed of the committed `Data/wave1.csv`.
    public static let defaultSeed: UInt64 = 2024
    /// The paper's sample size (R1).
    public static let defaultRespondents = 200
    /// Four age groups and a two-predictor regression need at least this many respondents.
    public static let minimumRespondents = 12
    /// The wave is drawn and calibrated in memory (about 700 bytes per respondent at peak), so
    /// ten million respondents need some 7 GB; larger synthetic files are written block by block
    /// by ``LargeSyntheticWave``.
    public static let maximumRespondents = 10_000_000

    /// The wave as CSV text (header line, LF line ends).
    /// - Parameter targets: figures to calibrate to, or `nil` for the plain model draw.
    /// - Throws: ``SimulationError`` for too few or too many respondents or a calibration that does not converge.
    public static func generate(respondents: Int = defaultRespondents, seed: UInt64 = defaultSeed,
                                calibrateTo targets: CalibrationTargets?) throws -> String {
        try responses(respondents: respondents, seed: seed, calibrateTo: targets).csv
    }

    /// The wave as responses (for tests and diagnostics).
    public static func responses(respondents: Int = defaultRespondents, seed: UInt64 = defaultSeed,
                                 calibrateTo targets: CalibrationTargets?) throws -> WaveResponses {
        guard respondents >= minimumRespondents else {
            throw SimulationError.tooFewRespondents(respondents, minimum: minimumRespondents)
        }
        guard respondents <= maximumRespondents else {
            throw SimulationError.tooManyRespondents(respondents, maximum: maximumRespondents)
        }
        var generator = SplitMix64(seed: seed)
        let draw = LatentTraitModel().draw(respondents: respondents, generator: &generator)
        guard let targets else { return draw }
        return try CalibrationSearch(targets: targets).calibrate(draw, generator: &generator, seed: seed).wave
    }
}
