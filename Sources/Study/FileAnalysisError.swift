import MessageText

/// A one-off command's request that the data file cannot serve.
public enum FileAnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--reference G=level` names a level the factor does not have.
    case noSuchReferenceLevel(variable: String, level: String, levels: [String])
    /// `--scales` names a scale the codebook does not define.
    case noSuchScale(String, codebook: String, scales: [String])

    public var description: String {
        switch self {
        case let .noSuchReferenceLevel(variable, level, levels):
            return "--reference \(Excerpt.excerpt(variable))=\(Excerpt.excerpt(level)): no such level (levels: \(Excerpt.excerptList(levels)))"
        case let .noSuchScale(name, codebook, scales):
            return "--scales \(Excerpt.excerpt(name)): \(codebook) defines no such scale (scales: \(Excerpt.excerptList(scales)))"
        }
    }
}
