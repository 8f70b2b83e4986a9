/// Every problem found in a YAML file at once (each a ``ConfigFileError`` with its line), so that a
/// researcher fixes them in one go rather than one per run. Shows at most ``maximumShown``.
public struct ConfigFileProblems: Error, Equatable, Sendable, CustomStringConvertible {
    public let errors: [ConfigFileError]

    public static let maximumShown = 20

    public init(_ errors: [ConfigFileError]) {
        self.errors = errors
    }

    /// Throws the problems, if there are any: the error itself when there is one.
    public static func throwIfAny(_ errors: [ConfigFileError]) throws {
        if errors.count == 1 { throw errors[0] }
        if !errors.isEmpty { throw ConfigFileProblems(errors) }
    }

    public var description: String {
        let shown = errors.prefix(Self.maximumShown).map { "  \($0)" }
        let rest = errors.count - shown.count
        return "\(errors.count) problems:\n" + shown.joined(separator: "\n") + (rest > 0 ? "\n  … and \(rest) more" : "")
    }
}
