import MessageText

/// Learned-coding input that cannot be used.
public enum LearnedCodingError: Error, CustomStringConvertible, Equatable {
    /// Fewer human-coded segments than cross-validation folds.
    case tooFewSegments(file: String, segments: Int, folds: Int)
    /// A model file that is not a model written by `--save-model`.
    case malformedModel(file: String, line: Int, expected: String)
    /// A model theme the codebook does not have.
    case unknownTheme(file: String, line: Int, id: String, codebook: String)

    public var description: String {
        switch self {
        case let .tooFewSegments(file, segments, folds):
            return "\(file): \(segments) human-coded segments, expected at least \(folds) to cross-validate learned coding in \(folds) folds"
        case let .malformedModel(file, line, expected):
            return "\(file):\(line): expected \(expected)"
        case let .unknownTheme(file, line, id, codebook):
            return "\(file):\(line): theme '\(Excerpt.excerpt(id))' is not in \(codebook); a model applies only with the codebook it was trained with"
        }
    }
}
