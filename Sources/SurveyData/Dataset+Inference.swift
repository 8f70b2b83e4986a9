import Foundation
import MessageText

extension Dataset {
    /// Reads a CSV file without a codebook: a column whose non-blank cells all parse as numbers is
    /// numeric, any other is categorical (levels in sorted order, as R's `factor` does). A column
    /// that is numeric but for a few cells is categorical with a warning naming those lines. A numeric
    /// column whose values share leading digits is also read exactly as ``CenteredDecimals``.
    public static func infer(contentsOf url: URL, delimiter: UInt8? = nil) throws -> Dataset {
        try infer(reader: CSVReader(contentsOf: url, delimiter: delimiter))
    }

    public static func infer(reader: CSVReader) throws -> Dataset {
        var header: [String] = []
        var cells: [[String]] = []
        var lines: [Int] = []
        let decimalComma = reader.delimiter == UInt8(ascii: ";")
        var numbers: [[Double]] = []
        try reader.forEachRecord { record in
            if header.isEmpty {
                header = (0..<record.count).map(record.string)
                var seen = Set<String>()
                for (index, name) in header.enumerated() where !seen.insert(name).inserted {
                    throw DataError(file: reader.file, line: 1, column: index + 1, columnName: name, kind: .duplicateHeader(name))
                }
                cells = Array(repeating: [], count: header.count)
                numbers = Array(repeating: [], count: header.count)
                return
            }
            guard record.count == header.count else {
                throw DataError(file: reader.file, line: record.line, kind: .raggedRow(expected: header.count, found: record.count))
            }
            lines.append(record.line)
            for index in 0..<record.count {
                let bytes = record.trimmedBytes(index)
                let isBlank = bytes.isEmpty || (bytes.count == 2 && bytes[0] == UInt8(ascii: "N") && bytes[1] == UInt8(ascii: "A"))
                numbers[index].append(isBlank ? .nan : NumberParsing.double(bytes, decimalComma: decimalComma) ?? .infinity)
                cells[index].append(isBlank ? "" : record.string(index))
            }
        }
        guard !lines.isEmpty else { throw DataError(file: reader.file, line: 1, kind: .headerOnly) }

        var warnings: [String] = []
        var columns: [DataColumn] = []
        for (index, name) in header.enumerated() {
            let values = numbers[index]
            let blank = values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
            let textRows = values.indices.filter { values[$0] == .infinity }
            let missing = MissingSummary(blank: blank)
            if textRows.isEmpty {
                let valid = values.lazy.filter { !$0.isNaN }
                let centered = !decimalComma && CenteredDecimals.sharesLeadingDigits(min: valid.min() ?? 0, max: valid.max() ?? 0)
                    ? CenteredDecimals(cells: cells[index]) : nil
                columns.append(DataColumn(name: name, label: name, position: index + 1, values: .numeric(values), missing: missing,
                                          centered: centered))
                continue
            }
            let numericCount = values.count - blank - textRows.count
            if numericCount > textRows.count {
                let shown = textRows.prefix(10).map { String(lines[$0]) }.joined(separator: ", ")
                warnings.append("Column '\(Excerpt.excerpt(name))' is numeric but for \(textRows.count) cell(s) (line\(textRows.count > 1 ? "s" : "") \(shown)\(textRows.count > 10 ? ", …" : "")); it is read as categorical.")
            }
            let levelValues = Set(cells[index].filter { !$0.isEmpty }).sorted()
            let lookup = Dictionary(uniqueKeysWithValues: levelValues.enumerated().map { ($1, Int32($0)) })
            let codes = cells[index].map { $0.isEmpty ? CategoricalValues.missing : lookup[$0]! }
            let first = textRows.first.map { (line: lines[$0], value: cells[index][$0]) }
            columns.append(DataColumn(
                name: name, label: name, position: index + 1,
                values: .categorical(CategoricalValues(codes: codes, levels: levelValues.map { Level(value: $0, label: $0) })),
                missing: missing, firstTextCell: first))
        }
        return Dataset(file: reader.file, rowCount: lines.count, columns: columns, warnings: warnings)
    }
}
