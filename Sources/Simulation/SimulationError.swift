/// Why a synthetic wave could not be produced.
public enum SimulationError: Error, CustomStringConvertible, Equatable {
    /// Too few respondents for four age groups and a two-predictor regression.
    case tooFewRespondents(Int, minimum: Int)
    /// More respondents than a wave drawn in memory can hold.
    case tooManyRespondents(Int, maximum: Int)
    /// The calibration search stopped without reproducing every target.
    case calibrationDidNotConverge(seed: UInt64, moves: Int, figures: String)

    public var description: String {
        switch self {
        case .tooFewRespondents(let count, let minimum):
            return "cannot simulate \(count) respondents (expected at least \(minimum))"
        case .tooManyRespondents(let count, let maximum):
            return "cannot simulate \(count) respondents (expected at most \(maximum))"
        case .calibrationDidNotConverge(let seed, let moves, let figures):
            return "calibration with seed \(seed) stopped after \(moves) moves without meeting every target (reached \(figures)); try another --seed"
        }
    }
}
