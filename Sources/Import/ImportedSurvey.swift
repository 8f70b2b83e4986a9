import SurveyData

/// A platform export made ready for Paradox: the codebook it implies and its data as a plain CSV
/// file (one header line of variable names, one line per respondent) that the codebook reads.
public struct ImportedSurvey: Sendable {
    public var codebook: Codebook
    /// UTF-8 CSV: RFC 4180 quoting, LF line ends, no byte-order mark.
    public var dataCSV: [UInt8]
    public var rowCount: Int

    public init(codebook: Codebook, dataCSV: [UInt8], rowCount: Int) {
        self.codebook = codebook
        self.dataCSV = dataCSV
        self.rowCount = rowCount
    }
}
