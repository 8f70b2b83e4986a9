import Foundation

extension Codebook {
    /// The most scale points a column of whole numbers may span to be taken for a Likert item.
    static let inferredLikertSpan = 20

    /// A codebook for a data file that has none, from the types `Dataset.infer` gave the columns of
    /// a sample of its rows: a numeric column of whole numbers spanning at most 21 points (within
    /// −100…100) is a Likert item of the range seen, any other numeric column numeric, and any other
    /// column categorical with the levels seen, sorted (as `infer` sorts them).
    ///
    /// Read with this codebook, the rest of the file must agree with the sample: a text cell in a
    /// numeric column, a number outside a Likert item's range or a level not seen in the sample is
    /// a `DataError`, and the caller reads the file with `Dataset.infer` instead. `nil` when the
    /// sample has a column that `infer` reads as exact decimals (``CenteredDecimals``), which only
    /// that path keeps.
    public init?(inferredFrom sample: Dataset) {
        var variables: [Variable] = []
        for column in sample.columns {
            guard column.centered == nil else { return nil }
            let kind: Variable.Kind
            switch column.values {
            case .numeric(let values):
                let valid = values.filter { !$0.isNaN }
                if let low = valid.min(), let high = valid.max(), low >= -100, high <= 100, high - low <= Double(Self.inferredLikertSpan),
                   valid.allSatisfy({ $0 == $0.rounded() }) {
                    kind = .likert(LikertScale(range: Int(low)...Int(high)))
                } else {
                    kind = .numeric
                }
            case .categorical(let factor):
                kind = .categorical(levels: factor.levels, reference: 0)
            case .likert(let likert):
                kind = .likert(likert.scale)
            case .text:
                kind = .text
            }
            variables.append(Variable(name: column.name, label: column.name, kind: kind))
        }
        self.init(title: sample.file, variables: variables)
    }
}

extension Dataset {
    /// `infer` on the first `bytes` bytes of the file at `url` (cut after the last line end), or
    /// `nil` when the file is not larger than that (the caller then reads it whole).
    public static func inferSample(contentsOf url: URL, delimiter: UInt8?, bytes: Int) throws -> Dataset? {
        let source = try CSVSource(contentsOf: url, delimiter: delimiter)
        guard source.size > bytes else { return nil }
        var head = try source.prefix(bytes)
        guard let end = head.lastIndex(of: CSVReader.newline) else { return nil }
        head.removeSubrange((end + 1)...)
        return try infer(reader: CSVReader(bytes: head, file: source.file, delimiter: delimiter))
    }
}
