/// Where something is written in a YAML file a researcher wrote (a codebook or a study file), so
/// that a problem found later — once the codebook is known, or when an analysis cannot be
/// computed — still names the line it comes from.
public struct ConfigFileLocation: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    /// 1-based line and column, `nil` when unknown.
    public let line: Int?
    public let column: Int?

    public init(file: String, line: Int?, column: Int?) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`, as far as known.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        return text
    }
}

extension ConfigFileError {
    /// An error at `location`.
    public init(at location: ConfigFileLocation, message: String) {
        self.init(file: location.file, line: location.line, column: location.column, message: message)
    }
}
