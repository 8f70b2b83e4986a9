import Foundation

extension Dataset {
    /// Reads a CSV file and checks every cell against the codebook.
    ///
    /// Blank cells, `NA` and user-missing codes become missing and are counted per column. Any
    /// other value that does not fit its variable is a ``DataError`` naming file, line, column and
    /// value; so are a ragged row, a duplicate respondent ID and a file without data rows.
    public static func load(contentsOf url: URL, codebook: Codebook, delimiter: UInt8? = nil) throws -> Dataset {
        try load(reader: CSVReader(contentsOf: url, delimiter: delimiter), codebook: codebook)
    }

    public static func load(reader: CSVReader, codebook: Codebook) throws -> Dataset {
        var header: [String] = []
        var builders: [ColumnBuilder?] = []
        var rowCount = 0
        var warnings: [String] = []
        try reader.forEachRecord { record in
            if header.isEmpty {
                header = (0..<record.count).map(record.string)
                builders = try Self.builders(header: header, codebook: codebook, file: reader.file, warnings: &warnings)
                return
            }
            guard record.count == header.count else {
                throw DataError(file: reader.file, line: record.line, kind: .raggedRow(expected: header.count, found: record.count))
            }
            for index in builders.indices where builders[index] != nil {
                try builders[index]!.append(record, index)
            }
            rowCount += 1
        }
        guard rowCount > 0 else { throw DataError(file: reader.file, line: 1, kind: .headerOnly) }
        let columns = codebook.variables.map { variable in
            builders.first { $0?.variable.name == variable.name }!!.finish()
        }
        return Dataset(file: reader.file, rowCount: rowCount, columns: columns, warnings: warnings)
    }

    private static func builders(header: [String], codebook: Codebook, file: String, warnings: inout [String]) throws -> [ColumnBuilder?] {
        var seen = Set<String>()
        for (index, name) in header.enumerated() where !seen.insert(name).inserted {
            throw DataError(file: file, line: 1, column: index + 1, columnName: name, kind: .duplicateHeader(name))
        }
        for variable in codebook.variables where !header.contains(variable.name) {
            throw DataError(file: file, line: 1, kind: .missingColumn(variable.name))
        }
        let ignored = header.filter { codebook.variable(named: $0) == nil }
        if !ignored.isEmpty {
            warnings.append("Columns not in the codebook were ignored: \(ignored.joined(separator: ", ")).")
        }
        return header.enumerated().map { index, name in
            codebook.variable(named: name).map { ColumnBuilder(variable: $0, position: index + 1, file: file, decimalComma: false) }
        }
    }
}

/// Accumulates one column's cells, checking each against its variable.
struct ColumnBuilder {
    let variable: Variable
    let position: Int
    let file: String
    let decimalComma: Bool
    private var storage: Storage
    private var blank = 0
    private var userMissing: [Int]
    private var firstLineOfID: [String: Int] = [:]

    private enum Storage {
        case likert([Int8], LikertScale, labels: [String: Int8])
        case numeric([Double])
        case categorical([Int32], lookup: [String: Int32], levels: [Level], reference: Int)
        case text([String])
    }

    init(variable: Variable, position: Int, file: String, decimalComma: Bool) {
        self.variable = variable
        self.position = position
        self.file = file
        self.decimalComma = decimalComma
        userMissing = Array(repeating: 0, count: variable.missingCodes.count)
        switch variable.kind {
        case .likert(let scale):
            var labels: [String: Int8] = [:]
            for (value, label) in scale.valueLabels { labels[label.lowercased()] = Int8(value) }
            storage = .likert([], scale, labels: labels)
        case .numeric: storage = .numeric([])
        case .categorical(let levels, let reference):
            var lookup: [String: Int32] = [:]
            for (index, level) in levels.enumerated().reversed() {
                lookup[level.label] = Int32(index)
                lookup[level.value] = Int32(index)
            }
            storage = .categorical([], lookup: lookup, levels: levels, reference: reference)
        case .id, .text: storage = .text([])
        }
    }

    private func error(_ record: CSVRecord, _ index: Int, _ kind: DataError.Kind) -> DataError {
        DataError(file: file, line: record.line(ofField: index), column: position, columnName: variable.name, kind: kind)
    }

    /// Counts `value` as a user-missing code if it is one.
    private mutating func countUserMissing(_ value: Double) -> Bool {
        guard let index = variable.missingCodes.firstIndex(where: { $0.value == value }) else { return false }
        userMissing[index] += 1
        return true
    }

    /// Counts `text` as a user-missing code if it is a number equal to one.
    private mutating func countUserMissing(_ text: String) -> Bool {
        guard !variable.missingCodes.isEmpty, let value = Double(text) else { return false }
        return countUserMissing(value)
    }

    private var missingCodesText: String {
        variable.missingCodes.isEmpty ? "" : " or a missing code (\(variable.missingCodes.map { MissingCode.format($0.value) }.joined(separator: ", ")))"
    }

    mutating func append(_ record: CSVRecord, _ index: Int) throws {
        let bytes = record.trimmedBytes(index)
        let isBlank = bytes.isEmpty || (bytes.count == 2 && bytes[0] == UInt8(ascii: "N") && bytes[1] == UInt8(ascii: "A"))
        switch storage {
        case .likert(var codes, let scale, let labels):
            storage = .numeric([])  // release the array so the append below does not copy it
            defer { storage = .likert(codes, scale, labels: labels) }
            if isBlank { blank += 1; codes.append(LikertValues.missing); return }
            if let value = NumberParsing.integer(bytes) {
                if countUserMissing(Double(value)) { codes.append(LikertValues.missing); return }
                guard scale.range.contains(value) else {
                    throw error(record, index, .outOfRange(value: record.string(index),
                        expected: "a whole number from \(scale.range.lowerBound) to \(scale.range.upperBound)\(missingCodesText)"))
                }
                codes.append(Int8(value))
                return
            }
            let text = record.string(index)
            if let code = labels[text.lowercased()] { codes.append(code); return }
            if countUserMissing(text) { codes.append(LikertValues.missing); return }
            let expected = "a whole number from \(scale.range.lowerBound) to \(scale.range.upperBound)\(missingCodesText)"
            if NumberParsing.double(bytes) != nil { throw error(record, index, .outOfRange(value: text, expected: expected)) }
            throw error(record, index, .notNumeric(value: text, expected: expected))
        case .numeric(var values):
            storage = .text([])
            defer { storage = .numeric(values) }
            if isBlank { blank += 1; values.append(.nan); return }
            guard let value = NumberParsing.double(bytes, decimalComma: decimalComma) else {
                throw error(record, index, .notNumeric(value: record.string(index), expected: "a number\(missingCodesText)"))
            }
            if countUserMissing(value) { values.append(.nan); return }
            values.append(value)
        case .categorical(var codes, let lookup, let levels, let reference):
            storage = .text([])
            defer { storage = .categorical(codes, lookup: lookup, levels: levels, reference: reference) }
            if isBlank { blank += 1; codes.append(CategoricalValues.missing); return }
            let text = record.string(index)
            if let code = lookup[text] { codes.append(code); return }
            if countUserMissing(text) { codes.append(CategoricalValues.missing); return }
            throw error(record, index, .unknownLevel(value: text, levels: levels.map(\.value)))
        case .text(var texts):
            storage = .numeric([])
            defer { storage = .text(texts) }
            let text = record.string(index)
            if text.isEmpty { blank += 1; texts.append(""); return }
            if variable.kind == .id {
                let line = record.line(ofField: index)
                if let first = firstLineOfID[text] { throw error(record, index, .duplicateID(value: text, firstLine: first)) }
                firstLineOfID[text] = line
            }
            texts.append(text)
        }
    }

    func finish() -> DataColumn {
        let values: ColumnValues
        switch storage {
        case .likert(let codes, let scale, _): values = .likert(LikertValues(codes: codes, scale: scale))
        case .numeric(let numbers): values = .numeric(numbers)
        case .categorical(let codes, _, let levels, let reference):
            values = .categorical(CategoricalValues(codes: codes, levels: levels, reference: reference))
        case .text(let texts): values = .text(texts)
        }
        let missing = MissingSummary(blank: blank, userMissing: zip(variable.missingCodes, userMissing).map {
            MissingSummary.UserMissingCount(code: $0, count: $1)
        })
        return DataColumn(name: variable.name, label: variable.label, position: position, values: values, missing: missing)
    }
}

extension MissingCode {
    /// `98` rather than `98.0` for whole codes.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
