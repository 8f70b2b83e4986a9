import Foundation
import SurveyData

/// A data file with one column of weights appended: every record of the input re-read and written
/// comma-separated (fields quoted only when they need it), the weight at full precision (the
/// shortest decimal that reads back to the same double). Written atomically (``AtomicFile``); the
/// input is only read.
public enum WeightedDataFile {
    /// - Throws: ``OutputError`` if `output` is the input file or cannot be written; ``DataError``
    ///   if the input cannot be read or the header already has `column`.
    public static func write(input: URL, delimiter: UInt8?, weights: [Double], column: String, to output: String) throws {
        let outputURL = URL(fileURLWithPath: output)
        if outputURL.resolvingSymlinksInPath().standardizedFileURL.path == input.resolvingSymlinksInPath().standardizedFileURL.path {
            throw OutputError.sameAsInput(output)
        }
        let reader = try CSVReader(contentsOf: input, delimiter: delimiter)
        var text = ""
        var row = -1
        try reader.forEachRecord { record in
            let fields = (0..<record.count).map(record.string)
            if row < 0, fields.contains(column) {
                throw DataError(file: reader.file, line: record.line, kind: .duplicateHeader(column))
            }
            text += fields.map(CSVRenderer.quote).joined(separator: ",")
            text += "," + (row < 0 ? CSVRenderer.quote(column) : "\(weights[row])") + "\n"
            row += 1
        }
        try AtomicFile.write(text, to: output)
    }
}
