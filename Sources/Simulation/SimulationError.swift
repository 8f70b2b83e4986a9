import MessageText

/// Why a synthetic wave could not be produced.
public enum SimulationError: Error, CustomStringConvertible, Equatable {
    /// Too few respondents for four age groups and a two-predictor regression.
    case tooFewRespondents(Int, minimum: Int)
    /// More respondents than a wave drawn in memory can hold.
    case tooManyRespondents(Int, maximum: Int)
    /// More latent cells (rows × reproduced columns) than a synthetic wave drawn in memory can hold.
    case tooManyLatentCells(rows: Int, columns: Int, maximum: Int)
    /// The codebook text with `synthetic:` appended does not read back as the codebook marked synthetic.
    case codebookNotMarkable(file: String)
    /// An output path is one of the inputs (inputs are never modified).
    case outputIsInput(String)
    /// The calibration search stopped without reproducing every target.
    case calibrationDidNotConverge(seed: UInt64, moves: Int, figures: String)

    public var description: String {
        switch self {
        case .tooFewRespondents(let count, let minimum):
            return "cannot simulate \(count) respondents (expected at least \(minimum))"
        case .tooManyRespondents(let count, let maximum):
            return "cannot simulate \(count) respondents (expected at most \(maximum))"
        case .tooManyLatentCells(let rows, let columns, let maximum):
            return "cannot simulate \(rows) rows of \(columns) reproduced columns (expected rows × columns at most \(maximum); ask for fewer --rows)"
        case .codebookNotMarkable(let file):
            return "\(Excerpt.excerpt(file)): cannot add `synthetic:` to this codebook (expected a codebook whose top level is a block mapping, `key: value` lines)"
        case .outputIsInput(let path):
            return "\(Excerpt.excerpt(path)) is an input of this command (expected another --out or --codebook-out; inputs are never modified)"
        case .calibrationDidNotConverge(let seed, let moves, let figures):
            return "calibration with seed \(seed) stopped after \(moves) moves without meeting every target (reached \(figures)); try another --seed"
        }
    }
}
