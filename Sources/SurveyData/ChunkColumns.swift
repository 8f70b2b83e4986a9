import Foundation

/// The cells of one chunk of data rows, column by column, in buffers sized by the chunk's line
/// count (an upper bound of its records). Filled by ``parse(_:from:to:plans:delimiter:)``.
final class ChunkColumns {
    private(set) var rows = 0
    let capacity: Int
    private(set) var likert: [UnsafeMutablePointer<Int8>?]
    private(set) var levels: [UnsafeMutablePointer<Int32>?]
    private(set) var numbers: [UnsafeMutablePointer<Double>?]
    private(set) var texts: [[String]]
    /// FNV-1a hashes of the respondent IDs, for the duplicate check.
    private(set) var idHashes: [UInt64] = []
    private(set) var blank: [Int]
    private(set) var userMissing: [[Int]]

    private init(plans: [ParallelColumnLoader.Plan], capacity: Int) {
        self.capacity = capacity
        likert = plans.map { $0.kind == .likert ? .allocate(capacity: capacity) : nil }
        levels = plans.map { $0.kind == .categorical ? .allocate(capacity: capacity) : nil }
        numbers = plans.map { $0.kind == .numeric ? .allocate(capacity: capacity) : nil }
        texts = plans.map { plan in
            var column: [String] = []
            if plan.kind == .text || plan.kind == .id { column.reserveCapacity(capacity) }
            return column
        }
        blank = Array(repeating: 0, count: plans.count)
        userMissing = plans.map { Array(repeating: 0, count: $0.missingValues.count) }
    }

    deinit {
        likert.forEach { $0?.deallocate() }
        levels.forEach { $0?.deallocate() }
        numbers.forEach { $0?.deallocate() }
    }

    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Parses the records in `base[start..<end]` (starting at a record boundary), or `nil` for
    /// anything the fast path leaves to the sequential reader.
    static func parse(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int,
                      plans: [ParallelColumnLoader.Plan], delimiter: UInt8) -> ChunkColumns? {
        var lines = 1
        var scan = start
        while scan < end, let found = memchr(base + scan, Int32(CSVReader.newline), end - scan) {
            lines += 1
            scan = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
        }
        let chunk = ChunkColumns(plans: plans, capacity: lines)
        return chunk.parseRecords(base, from: start, to: end, plans: plans, delimiter: delimiter) ? chunk : nil
    }

    private func parseRecords(_ base: UnsafePointer<UInt8>, from start: Int, to end: Int,
                              plans: [ParallelColumnLoader.Plan], delimiter: UInt8) -> Bool {
        let newline = CSVReader.newline, carriageReturn = CSVReader.carriageReturn
        let last = plans.count - 1
        // The hot path reads only these flat locals: one-byte Likert codes (256 per column) and targets.
        let oneByteCodes = plans.flatMap { $0.kind == .likert ? $0.oneByteCode : [Int8](repeating: -1, count: 256) }
        let likertTargets = likert
        var position = start
        var row = 0
        defer { rows = row }
        return oneByteCodes.withUnsafeBufferPointer { codes in
            records: while position < end {
                for column in 0...last {
                    let fieldStart = position
                    while position < end {
                        let byte = base[position]
                        if byte == delimiter || byte == newline || byte == carriageReturn { break }
                        position += 1
                    }
                    let atLineEnd = position == end || base[position] != delimiter
                    if position - fieldStart == 1, let target = likertTargets[column],
                       case let code = codes[column &* 256 &+ Int(base[fieldStart])], code >= 0, row < capacity {
                        target[row] = code  // the common cell: one digit of a Likert scale
                    } else {
                        var lower = fieldStart, upper = position
                        while lower < upper && (base[lower] == Self.space || base[lower] == Self.tab) { lower += 1 }
                        while upper > lower && (base[upper - 1] == Self.space || base[upper - 1] == Self.tab) { upper -= 1 }
                        if column == 0 && lower == upper && atLineEnd {  // a blank line
                            skipLineEnd(base, &position, end)
                            continue records
                        }
                        guard row < capacity,
                              decode(UnsafeBufferPointer(start: base + lower, count: upper - lower), row: row, column: column, plan: plans[column])
                        else { return false }
                    }
                    if column < last {
                        guard !atLineEnd else { return false }  // too few fields
                        position += 1
                    } else if !atLineEnd {
                        return false  // too many fields
                    }
                }
                skipLineEnd(base, &position, end)
                row += 1
            }
            return true
        }
    }

    /// Moves past CR, LF or CRLF as the sequential reader does.
    private func skipLineEnd(_ base: UnsafePointer<UInt8>, _ position: inout Int, _ end: Int) {
        if position < end && base[position] == CSVReader.carriageReturn { position += 1 }
        if position < end && base[position] == CSVReader.newline { position += 1 }
    }

    /// Stores one trimmed cell at `row`; `false` if the cell needs the sequential reader.
    private func decode(_ cell: UnsafeBufferPointer<UInt8>, row: Int, column: Int, plan: ParallelColumnLoader.Plan) -> Bool {
        let isBlank = cell.isEmpty || (cell.count == 2 && cell[0] == UInt8(ascii: "N") && cell[1] == UInt8(ascii: "A"))
        switch plan.kind {
        case .skip:
            return true
        case .likert:
            let target = likert[column]! + row
            if isBlank { blank[column] += 1; target.pointee = LikertValues.missing; return true }
            guard let value = NumberParsing.integer(cell) else { return false }
            if countUserMissing(Double(value), column: column, plan: plan) { target.pointee = LikertValues.missing; return true }
            guard plan.range.contains(value) else { return false }
            target.pointee = Int8(value)
            return true
        case .categorical:
            let target = levels[column]! + row
            if isBlank { blank[column] += 1; target.pointee = CategoricalValues.missing; return true }
            for (key, code) in plan.levelKeys where key.count == cell.count && key.elementsEqual(cell) {
                target.pointee = code
                return true
            }
            guard let value = NumberParsing.double(cell), countUserMissing(value, column: column, plan: plan) else { return false }
            target.pointee = CategoricalValues.missing
            return true
        case .numeric:
            let target = numbers[column]! + row
            if isBlank { blank[column] += 1; target.pointee = .nan; return true }
            guard let value = NumberParsing.double(cell) else { return false }
            target.pointee = countUserMissing(value, column: column, plan: plan) ? .nan : value
            return true
        case .text, .id:
            if cell.isEmpty { blank[column] += 1 }
            texts[column].append(String(decoding: cell, as: UTF8.self))
            if plan.kind == .id {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in cell { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
                idHashes.append(hash)
            }
            return true
        }
    }

    private func countUserMissing(_ value: Double, column: Int, plan: ParallelColumnLoader.Plan) -> Bool {
        guard let index = plan.missingValues.firstIndex(of: value) else { return false }
        userMissing[column][index] += 1
        return true
    }
}
