/// The JSON form of a tally: the dictionaries, each distinct row as a string of its codes (indices
/// into the dictionaries) and, after a colon, its count, and the excluded cases —
/// `{"columns": [[1, 2.5, 3], [0, 1]], "rows": ["0 1: 4", "2 0: 1"], "excluded": 2}` — readable,
/// independent of how the codes are packed in memory, and quick to write and read (a string per row
/// costs Foundation's JSON coders a tenth of an array of numbers). Decoding checks every invariant
/// (dictionaries ascending, distinct, finite and each value used; codes in range; rows ascending
/// and distinct; counts positive) and reports a violation as `DecodingError.dataCorrupted` naming it.
extension RowTally: Codable {
    private enum CodingKeys: String, CodingKey { case columns, rows, excluded }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(columnValues, forKey: .columns)
        var rows = container.nestedUnkeyedContainer(forKey: .rows)
        var text: [UInt8] = []
        func append(_ number: Int) {
            let start = text.count
            var rest = number
            repeat { text.append(UInt8(ascii: "0") + UInt8(rest % 10)); rest /= 10 } while rest > 0
            text[start...].reverse()
        }
        for row in 0..<rowCount {
            text.removeAll(keepingCapacity: true)
            for j in 0..<columnCount {
                if j > 0 { text.append(UInt8(ascii: " ")) }
                append(code(row: row, column: j))
            }
            text.append(contentsOf: ": ".utf8)
            append(counts[row])
            try rows.encode(String(decoding: text, as: UTF8.self))
        }
        try container.encode(excluded, forKey: .excluded)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let columns = try container.decode([[Double]].self, forKey: .columns)
        let rowTexts = try container.decode([String].self, forKey: .rows)
        let excluded = try container.decode(Int.self, forKey: .excluded)
        func invalid(_ key: CodingKeys, _ reason: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: container, debugDescription: reason)
        }
        guard !columns.isEmpty else { throw invalid(.columns, "a row tally needs at least one column") }
        for (j, values) in columns.enumerated() {
            if let bad = values.first(where: { !$0.isFinite }) { throw invalid(.columns, "column \(j) has the value \(bad), expected finite values") }
            if let i = values.indices.dropFirst().first(where: { !(values[$0 - 1] < values[$0]) }) {
                throw invalid(.columns, "column \(j) lists \(values[i]) after \(values[i - 1]), expected ascending distinct values")
            }
        }
        guard excluded >= 0 else { throw invalid(.excluded, "\(excluded) excluded cases, expected 0 or more") }
        let layout = PackedRowLayout(valueCounts: columns.map(\.count))
        var keys: [UInt64] = [], counts: [Int] = []
        keys.reserveCapacity(rowTexts.count * layout.wordsPerRow)
        counts.reserveCapacity(rowTexts.count)
        var used = columns.map { [Bool](repeating: false, count: $0.count) }
        var codes = [Int](repeating: 0, count: columns.count), previous = codes
        var numbers: [Int] = []
        for (i, text) in rowTexts.enumerated() {
            // "c₀ c₁ … c_{k}: count"
            numbers.removeAll(keepingCapacity: true)
            var current: Int?, colon = false, wellFormed = true
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"):
                    let (times, overflow) = (current ?? 0).multipliedReportingOverflow(by: 10)
                    let (number, carry) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
                    if overflow || carry { wellFormed = false }
                    current = number
                case UInt8(ascii: " "), UInt8(ascii: ":"):
                    if let number = current { numbers.append(number); current = nil }
                    if byte == UInt8(ascii: ":") {
                        if colon || numbers.count != columns.count { wellFormed = false }
                        colon = true
                    }
                default:
                    wellFormed = false
                }
            }
            if let number = current { numbers.append(number) }
            guard wellFormed, colon, numbers.count == columns.count + 1 else {
                throw invalid(.rows, "row \(i) is \"\(text.prefix(80))\(text.count > 80 ? "…" : "")\", expected \(columns.count) codes, a colon and a count (e.g. \"0 1: 4\" for two columns)")
            }
            for j in columns.indices {
                guard numbers[j] < columns[j].count else {
                    throw invalid(.rows, "row \(i) has code \(numbers[j]) in column \(j), expected 0..<\(columns[j].count)")
                }
                codes[j] = numbers[j]
                used[j][numbers[j]] = true
            }
            guard numbers[columns.count] > 0 else { throw invalid(.rows, "row \(i) has count 0, expected a positive count") }
            if i > 0, !previous.lexicographicallyPrecedes(codes) {
                throw invalid(.rows, "row \(i) does not follow row \(i - 1), expected ascending distinct rows")
            }
            swap(&previous, &codes)
            layout.appendKey(codes: { previous[$0] }, to: &keys)
            counts.append(numbers[columns.count])
        }
        guard (counts + [excluded]).checkedSum() != nil else {
            throw invalid(.rows, "expected at most \(Int.max) cases in all, found more")
        }
        for (j, flags) in used.enumerated() {
            if let unused = flags.firstIndex(of: false) {
                throw invalid(.columns, "column \(j) lists \(columns[j][unused]), which no row uses")
            }
        }
        self.init(columnValues: columns.map { $0.map { $0 + 0 } }, keys: keys, counts: counts, excluded: excluded)
    }
}
