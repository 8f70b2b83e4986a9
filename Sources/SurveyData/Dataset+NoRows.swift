extension Dataset {
    /// The codebook's columns without a row: what a summary of no data is made from (an empty
    /// shard of a wave, or the shape a summary read from a file must have).
    public init(noRowsOf codebook: Codebook, file: String) {
        self = RecordColumns(header: codebook.variables.map(\.name), codebook: codebook, file: file).dataset(warnings: [])
    }
}
