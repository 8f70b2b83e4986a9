/// A mistake in a YAML file a researcher wrote (a codebook or a study file), located to its line and column.
public struct ConfigFileError: Error, Equatable, Sendable, CustomStringConvertible {
    public let file: String
    /// 1-based line, or `nil` when the problem concerns the whole file.
    public let line: Int?
    public let column: Int?
    /// What was found wrong and what was expected instead.
    public let message: String

    public init(file: String, line: Int?, column: Int?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
