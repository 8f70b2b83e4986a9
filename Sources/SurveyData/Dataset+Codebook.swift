import Foundation

extension Dataset {
    /// Reads a CSV file and checks every cell against the codebook.
    ///
    /// Blank cells, `NA` and user-missing codes become missing and are counted per column. Any
    /// other value that does not fit its variable is a ``DataError`` naming file, line, column and
    /// value; so are a ragged row, a duplicate respondent ID and a file without data rows.
    ///
    /// Well-formed files are parsed in chunks on `concurrency` threads (``ParallelColumnLoader``);
    /// anything unusual, and every error, goes through the sequential reader, so messages and
    /// results do not depend on the number of threads.
    /// - Parameter progress: called (from any thread) with the bytes read so far and the file's size.
    public static func load(contentsOf url: URL, codebook: Codebook, delimiter: UInt8? = nil,
                            concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                            progress: LoadProgress? = nil) throws -> Dataset {
        try load(reader: CSVReader(contentsOf: url, delimiter: delimiter), codebook: codebook,
                 concurrency: concurrency, progress: progress)
    }

    public static func load(reader: CSVReader, codebook: Codebook,
                            concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                            progress: LoadProgress? = nil) throws -> Dataset {
        if let header = reader.plainFirstLine() {
            var warnings: [String] = []
            try checkHeader(header.fields, codebook: codebook, file: reader.file, warnings: &warnings)
            let loader = ParallelColumnLoader(reader: reader, header: header.fields, variables: header.fields.map(codebook.variable(named:)),
                                              concurrency: concurrency)
            if let (rowCount, columns) = loader.load(dataStart: header.end, progress: progress), rowCount > 0 {
                let ordered = codebook.variables.map { variable in columns[header.fields.firstIndex(of: variable.name)!]! }
                return Dataset(file: reader.file, rowCount: rowCount, columns: ordered, warnings: warnings)
            }
        }
        let dataset = try loadSequentially(reader: reader, codebook: codebook)
        progress?(reader.bytes.count - reader.start, reader.bytes.count - reader.start)
        return dataset
    }

    /// The reader of record: one record after the other, every error located exactly.
    static func loadSequentially(reader: CSVReader, codebook: Codebook) throws -> Dataset {
        var header: [String] = []
        var builders: [ColumnBuilder?] = []
        var rowCount = 0
        var warnings: [String] = []
        try reader.forEachRecord { record in
            if header.isEmpty {
                header = (0..<record.count).map(record.string)
                try Self.checkHeader(header, codebook: codebook, file: reader.file, warnings: &warnings)
                builders = header.enumerated().map { index, name in
                    codebook.variable(named: name).map { ColumnBuilder(variable: $0, position: index + 1, file: reader.file, decimalComma: false) }
                }
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

    /// Unique column names, every codebook variable present; a warning naming columns not in the codebook.
    private static func checkHeader(_ header: [String], codebook: Codebook, file: String, warnings: inout [String]) throws {
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
    }
}

/// Accumulates one column's cells, checking each against its variable.
struct ColumnBuilder {
    let variable: Variable
    let position: Int
    let file: String
    let decimalComma: Bool
    private var blank = 0
    private var userMissing: [Int]
    private var firstLineOfID: [String: Int] = [:]
    /// Storage by kind; only the one of the variable's kind grows.
    private var likertCodes: [Int8] = []
    private var numbers: [Double] = []
    private var levelCodes: [Int32] = []
    private var texts: [String] = []
    private var likertLabels: [String: Int8] = [:]
    private var levelLookup: [String: Int32] = [:]

    init(variable: Variable, position: Int, file: String, decimalComma: Bool) {
        self.variable = variable
        self.position = position
        self.file = file
        self.decimalComma = decimalComma
        userMissing = Array(repeating: 0, count: variable.missingCodes.count)
        switch variable.kind {
        case .likert(let scale):
            for (value, label) in scale.valueLabels { likertLabels[label.lowercased()] = Int8(value) }
        case .categorical(let levels, _):
            for (index, level) in levels.enumerated().reversed() {
                levelLookup[level.label] = Int32(index)
                levelLookup[level.value] = Int32(index)
            }
        case .numeric, .id, .text: break
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
        switch variable.kind {
        case .likert(let scale):
            if isBlank { blank += 1; likertCodes.append(LikertValues.missing); return }
            if let value = NumberParsing.integer(bytes) {
                if countUserMissing(Double(value)) { likertCodes.append(LikertValues.missing); return }
                guard scale.range.contains(value) else {
                    throw error(record, index, .outOfRange(value: record.string(index),
                        expected: "a whole number from \(scale.range.lowerBound) to \(scale.range.upperBound)\(missingCodesText)"))
                }
                likertCodes.append(Int8(value))
                return
            }
            let text = record.string(index)
            if let code = likertLabels[text.lowercased()] { likertCodes.append(code); return }
            if countUserMissing(text) { likertCodes.append(LikertValues.missing); return }
            let expected = "a whole number from \(scale.range.lowerBound) to \(scale.range.upperBound)\(missingCodesText)"
            if NumberParsing.double(bytes) != nil { throw error(record, index, .outOfRange(value: text, expected: expected)) }
            throw error(record, index, .notNumeric(value: text, expected: expected))
        case .numeric:
            if isBlank { blank += 1; numbers.append(.nan); return }
            guard let value = NumberParsing.double(bytes, decimalComma: decimalComma) else {
                throw error(record, index, .notNumeric(value: record.string(index), expected: "a number\(missingCodesText)"))
            }
            if countUserMissing(value) { numbers.append(.nan); return }
            numbers.append(value)
        case .categorical(let levels, _):
            if isBlank { blank += 1; levelCodes.append(CategoricalValues.missing); return }
            let text = record.string(index)
            if let code = levelLookup[text] { levelCodes.append(code); return }
            if countUserMissing(text) { levelCodes.append(CategoricalValues.missing); return }
            throw error(record, index, .unknownLevel(value: text, levels: levels.map(\.value)))
        case .id, .text:
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
        DataColumn(variable: variable, position: position,
                   values: ColumnValues(variable.kind, likert: likertCodes, numbers: numbers, levels: levelCodes, texts: texts),
                   blank: blank, userMissing: userMissing)
    }
}

extension ColumnValues {
    /// The storage of a column of `kind`, from the array of that kind (the others are ignored).
    init(_ kind: Variable.Kind, likert: [Int8], numbers: [Double], levels: [Int32], texts: [String]) {
        switch kind {
        case .likert(let scale): self = .likert(LikertValues(codes: likert, scale: scale))
        case .numeric: self = .numeric(numbers)
        case .categorical(let levelList, let reference):
            self = .categorical(CategoricalValues(codes: levels, levels: levelList, reference: reference))
        case .id, .text: self = .text(texts)
        }
    }
}

extension DataColumn {
    /// A loaded column with its missing counts (`userMissing` per code of `variable`, in codebook order).
    init(variable: Variable, position: Int, values: ColumnValues, blank: Int, userMissing: [Int]) {
        let missing = MissingSummary(blank: blank, userMissing: zip(variable.missingCodes, userMissing).map {
            MissingSummary.UserMissingCount(code: $0, count: $1)
        })
        self.init(name: variable.name, label: variable.label, position: position, values: values, missing: missing)
    }
}

extension MissingCode {
    /// `98` rather than `98.0` for whole codes.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
