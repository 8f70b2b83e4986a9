import Foundation
import MessageText

extension Dataset {
    /// Reads a CSV file and checks every cell against the codebook.
    ///
    /// Blank cells, `NA` and user-missing codes become missing and are counted per column. Any
    /// other value that does not fit its variable is a ``DataError`` naming file, line, column and
    /// value; so are a ragged row, a duplicate respondent ID and a file without data rows.
    ///
    /// The file is read block by block on `concurrency` threads
    /// (``forEachBlock(contentsOf:codebook:delimiter:shard:rowsPerBlock:concurrency:keepingTextCells:collectingIDHashes:progress:_:)``) and the
    /// blocks joined; anything unusual, and every error, goes through the sequential reader, so
    /// messages and results do not depend on the number of threads.
    /// - Parameter progress: called (from any thread) with the bytes read so far and the file's size.
    public static func load(contentsOf url: URL, codebook: Codebook, delimiter: UInt8? = nil,
                            concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                            progress: LoadProgress? = nil) throws -> Dataset {
        try load(source: CSVSource(contentsOf: url, delimiter: delimiter), codebook: codebook, concurrency: concurrency, progress: progress)
    }

    public static func load(reader: CSVReader, codebook: Codebook,
                            concurrency: Int = ProcessInfo.processInfo.activeProcessorCount,
                            progress: LoadProgress? = nil) throws -> Dataset {
        try load(source: CSVSource(reader: reader), codebook: codebook, concurrency: concurrency, progress: progress)
    }

    private static func load(source: CSVSource, codebook: Codebook, concurrency: Int, progress: LoadProgress?) throws -> Dataset {
        /// Appends the blocks in index order as they come; a block that comes early waits.
        final class Joined: @unchecked Sendable {
            private let lock = NSLock()
            private var dataset = Dataset(file: "", rowCount: 0, columns: [])
            private var waiting: [Int: Dataset] = [:]
            private var next = 0

            func add(_ block: DatasetBlock) {
                lock.lock()
                defer { lock.unlock() }
                waiting[block.index] = block.dataset
                while let rows = waiting.removeValue(forKey: next) {
                    dataset.append(rowsOf: rows)
                    next += 1
                }
            }

            func result(_ summary: BlockLoadSummary) -> Dataset {
                var result = dataset
                dataset = Dataset(file: "", rowCount: 0, columns: [])
                result.file = summary.file
                result.warnings = summary.warnings
                return result
            }
        }
        let joined = Joined()
        let summary = try forEachBlock(source: source, codebook: codebook, rowsPerBlock: defaultRowsPerBlock, concurrency: concurrency,
                                       progress: progress) { joined.add($0) }
        return joined.result(summary)
    }

    /// The reader of record: one record after the other, every error located exactly.
    static func loadSequentially(reader: CSVReader, codebook: Codebook) throws -> Dataset {
        try readSequentially(reader: reader, codebook: codebook).dataset
    }

    /// ``loadSequentially(reader:codebook:)``, with the line of the first data row.
    static func readSequentially(reader: CSVReader, codebook: Codebook) throws -> (dataset: Dataset, firstLine: Int) {
        var columns: RecordColumns?
        var warnings: [String] = []
        try reader.forEachRecord { record in
            if columns == nil {
                let header = (0..<record.count).map(record.string)
                try checkHeader(header, codebook: codebook, file: reader.file, warnings: &warnings)
                columns = RecordColumns(header: header, codebook: codebook, file: reader.file)
            } else {
                try columns!.append(record)
            }
        }
        guard let columns, let firstLine = columns.firstLine else { throw DataError(file: reader.file, line: 1, kind: .headerOnly) }
        return (columns.dataset(warnings: warnings), firstLine)
    }

    /// The records of `reader` (lines of a file after its header), all data, under the checked `header`;
    /// with the line of the first one (`nil` if there is none).
    static func readRecords(reader: CSVReader, header: [String], codebook: Codebook) throws -> (dataset: Dataset, firstLine: Int?) {
        var columns = RecordColumns(header: header, codebook: codebook, file: reader.file)
        try reader.forEachRecord { try columns.append($0) }
        return (columns.dataset(warnings: []), columns.firstLine)
    }

    /// Unique column names, every codebook variable present; a warning naming columns not in the codebook.
    static func checkHeader(_ header: [String], codebook: Codebook, file: String, warnings: inout [String]) throws {
        var seen = Set<String>()
        for (index, name) in header.enumerated() where !seen.insert(name).inserted {
            throw DataError(file: file, line: 1, column: index + 1, columnName: name, kind: .duplicateHeader(name))
        }
        let names = Set(header)
        for variable in codebook.variables where !names.contains(variable.name) {
            throw DataError(file: file, line: 1, kind: .missingColumn(variable.name))
        }
        let ignored = header.filter { codebook.variable(named: $0) == nil }
        if !ignored.isEmpty {
            warnings.append("Columns not in the codebook were ignored: \(Excerpt.excerptList(ignored)).")
        }
    }
}

/// The codebook's columns of a file with `header`, filled record by record by the sequential reader.
struct RecordColumns {
    private let file: String
    private let codebook: Codebook
    private let fieldCount: Int
    /// Per column of the file: its builder, `nil` if not in the codebook.
    private var builders: [ColumnBuilder?]
    private(set) var rowCount = 0
    /// The line of the first record.
    private(set) var firstLine: Int?

    init(header: [String], codebook: Codebook, file: String) {
        self.file = file
        self.codebook = codebook
        fieldCount = header.count
        builders = header.enumerated().map { index, name in
            codebook.variable(named: name).map { ColumnBuilder(variable: $0.asRead, position: index + 1, file: file, decimalComma: false) }
        }
    }

    mutating func append(_ record: CSVRecord) throws {
        guard record.count == fieldCount else {
            throw DataError(file: file, line: record.line, kind: .raggedRow(expected: fieldCount, found: record.count))
        }
        for index in builders.indices where builders[index] != nil {
            try builders[index]!.append(record, index)
        }
        if firstLine == nil { firstLine = record.line }
        rowCount += 1
    }

    /// The rows so far, columns in codebook order.
    func dataset(warnings: [String]) -> Dataset {
        let columns = codebook.variables.map { variable in
            builders.first { $0?.variable.name == variable.name }!!.finish()
        }
        return Dataset(file: file, rowCount: rowCount, columns: columns, warnings: warnings)
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
        case .numeric, .id, .text, .date, .duration, .flag: break
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

    /// Counts `text` as a user-missing code if it is a number equal to one, or an extended missing value (`.a`) that is one.
    private mutating func countUserMissing(_ text: String) -> Bool {
        guard !variable.missingCodes.isEmpty else { return false }
        if let value = Double(text) { return countUserMissing(value) }
        guard let letter = MissingCode.letter(of: text[...]), let index = variable.missingCodes.firstIndex(where: { $0.letter == letter }) else { return false }
        userMissing[index] += 1
        return true
    }

    private var missingCodesText: String {
        variable.missingCodes.isEmpty ? "" : " or a missing code (\(variable.missingCodes.map(\.written).joined(separator: ", ")))"
    }

    /// What a Likert cell must be.
    private func expectedPoint(_ scale: LikertScale) -> String {
        "a whole number from \(scale.range.lowerBound) to \(scale.range.upperBound)\(missingCodesText)"
    }

    mutating func append(_ record: CSVRecord, _ index: Int) throws {
        let bytes = record.trimmedBytes(index)
        let isBlank = bytes.isEmpty || (bytes.count == 2 && bytes[0] == UInt8(ascii: "N") && bytes[1] == UInt8(ascii: "A"))
        switch variable.kind {
        case .likert(let scale):
            if isBlank { blank += 1; likertCodes.append(LikertValues.missing); return }
            // A number in any notation (3, 3.0, 3e0, as R's read.csv and SPSS read them) is a
            // missing code, or a scale point when it is a whole number in the scale's range.
            if let value = NumberParsing.integer(bytes).map(Double.init) ?? NumberParsing.double(bytes, decimalComma: decimalComma) {
                if countUserMissing(value) { likertCodes.append(LikertValues.missing); return }
                guard let point = Int(exactly: value), scale.range.contains(point) else {
                    throw error(record, index, .outOfRange(value: record.string(index),
                        expected: expectedPoint(scale)))
                }
                likertCodes.append(Int8(point))
                return
            }
            let text = record.string(index)
            if let code = likertLabels[text.lowercased()] { likertCodes.append(code); return }
            if countUserMissing(text) { likertCodes.append(LikertValues.missing); return }
            throw error(record, index, .notNumeric(value: text, expected: expectedPoint(scale)))
        case .numeric, .duration:
            if isBlank { blank += 1; numbers.append(.nan); return }
            guard let value = NumberParsing.double(bytes, decimalComma: decimalComma) else {
                if countUserMissing(record.string(index)) { numbers.append(.nan); return }
                throw error(record, index, .notNumeric(value: record.string(index), expected: "a number\(missingCodesText)"))
            }
            if countUserMissing(value) { numbers.append(.nan); return }
            numbers.append(value)
        case .categorical(let levels, _):
            if isBlank { blank += 1; levelCodes.append(CategoricalValues.missing); return }
            let text = record.string(index)
            if let code = levelLookup[text] { levelCodes.append(code); return }
            if let value = NumberParsing.double(bytes, decimalComma: decimalComma), countUserMissing(value) {
                levelCodes.append(CategoricalValues.missing)
                return
            }
            if countUserMissing(text) { levelCodes.append(CategoricalValues.missing); return }  // an extended code (.a)
            throw error(record, index, .unknownLevel(value: text, levels: levels.map(\.value)))
        case .id, .text, .date, .flag:
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
        case .numeric, .duration: self = .numeric(numbers)
        case .categorical(let levelList, let reference):
            self = .categorical(CategoricalValues(codes: levels, levels: levelList, reference: reference))
        case .id, .text, .date, .flag: self = .text(texts)
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
