/// How one wave of a batch went: analysed (with its number of respondents) or failed (with the
/// error, located to file, line and column when the data were at fault).
public struct WaveStatus: Sendable, Equatable, Encodable {
    /// The file stem, also the name of the wave's report folder.
    public var name: String
    /// The data file as the study file (or the command line) names it.
    public var file: String
    public var rows: Int?
    public var error: String?

    public init(name: String, file: String, rows: Int? = nil, error: String? = nil) {
        self.name = name
        self.file = file
        self.rows = rows
        self.error = error
    }

    enum CodingKeys: String, CodingKey { case name, file, rows, error }
}
