import Foundation

/// The cells of one chunk of data rows, column by column, in buffers sized by the chunk's line
/// count (an upper bound of its records). Filled by ``parse(_:from:to:plans:delimiter:)``.
final class ChunkColumns {
    private(set) var rows = 0
    let capacity: Int
    private(set) var likert: [UnsafeMutablePointer<Int8>?]
    /// The Likert buffers' allocations; `likert[c]` starts 64·(c mod 64) bytes in (see ``init(plans:capacity:)``).
    private let likertAllocations: [UnsafeMutablePointer<Int8>?]
    private(set) var levels: [UnsafeMutablePointer<Int32>?]
    private(set) var numbers: [UnsafeMutablePointer<Double>?]
    private(set) var texts: [[String]]
    /// FNV-1a hashes of the respondent IDs, for the duplicate check.
    private(set) var idHashes: [UInt64] = []
    private(set) var blank: [Int]
    private(set) var userMissing: [[Int]]

    private init(plans: [ParallelColumnLoader.Plan], capacity: Int) {
        self.capacity = capacity
        // A row writes one byte to every Likert buffer. Buffers allocated alike start at the same
        // offset within a page, so those bytes would share one set of the 8-way L1 cache and evict
        // each other; starting buffer c a cache line further than buffer c − 1 spreads them over all sets.
        likertAllocations = plans.map { $0.kind == .likert ? .allocate(capacity: capacity + 4096) : nil }
        likert = likertAllocations.enumerated().map { column, allocation in allocation.map { $0 + 64 * (column % 64) } }
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
        likertAllocations.forEach { $0?.deallocate() }
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
        // The hot path reads only these flat buffers: one-byte Likert codes (256 per column) and targets.
        let oneByteCodes = plans.flatMap { $0.kind == .likert ? $0.oneByteCode : [Int8](repeating: -1, count: 256) }
        let likertTargets = likert
        let quads = QuadCells.lanes(plans)
        let delimiterLanes = UInt64(delimiter) &* 0x0100_0100_0100_0100
        var position = start
        var row = 0
        defer { rows = row }
        return oneByteCodes.withUnsafeBufferPointer { codes in
            likertTargets.withUnsafeBufferPointer { targets in
                records: while position < end {
                    guard row < capacity else { return false }
                    var column = 0
                    while column <= last {
                        // Four one-digit Likert cells, each followed by the delimiter, in one 8-byte word.
                        while let lanes = quads[column], position &+ 8 <= end {
                            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                            guard word & 0xFF00_FF00_FF00_FF00 == delimiterLanes, lanes.contains(word) else { break }
                            let codes = (word & 0x00FF_00FF_00FF_00FF) &- 0x0030_0030_0030_0030
                            targets[column]![row] = Int8(truncatingIfNeeded: codes)
                            targets[column &+ 1]![row] = Int8(truncatingIfNeeded: codes >> 16)
                            targets[column &+ 2]![row] = Int8(truncatingIfNeeded: codes >> 32)
                            targets[column &+ 3]![row] = Int8(truncatingIfNeeded: codes >> 48)
                            position &+= 8
                            column &+= 4
                        }
                        // The common cell: one digit of a Likert scale, then the delimiter (or the line end in
                        // the last column). Anything else, including the final cell of a file without a
                        // final newline, takes the general path below.
                        if let target = targets[column], position + 1 < end,
                           case let code = codes[column &* 256 &+ Int(base[position])], code >= 0 {
                            let next = base[position &+ 1]
                            if column < last ? next == delimiter : (next == newline || next == carriageReturn) {
                                target[row] = code
                                position &+= column < last ? 2 : 1
                                column &+= 1
                                continue
                            }
                        }
                        let fieldStart = position
                        while position < end {
                            let byte = base[position]
                            if byte == delimiter || byte == newline || byte == carriageReturn { break }
                            position += 1
                        }
                        let atLineEnd = position == end || base[position] != delimiter
                        var lower = fieldStart, upper = position
                        while lower < upper && (base[lower] == Self.space || base[lower] == Self.tab) { lower += 1 }
                        while upper > lower && (base[upper - 1] == Self.space || base[upper - 1] == Self.tab) { upper -= 1 }
                        if column == 0 && lower == upper && atLineEnd {  // a blank line
                            skipLineEnd(base, &position, end)
                            continue records
                        }
                        guard decode(UnsafeBufferPointer(start: base + lower, count: upper - lower), row: row, column: column, plan: plans[column])
                        else { return false }
                        if column < last {
                            guard !atLineEnd else { return false }  // too few fields
                            position += 1
                        } else if !atLineEnd {
                            return false  // too many fields
                        }
                        column += 1
                    }
                    skipLineEnd(base, &position, end)
                    row += 1
                }
                return true
            }
        }
    }

    /// Checks four one-digit cells at once (SWAR, "SIMD within a register"): the bytes of a word
    /// `d,d,d,d,` in 16-bit lanes, the digit in each lane's low byte. With L = 0x100 − lowest digit
    /// and H = 0xFF − highest, digit + L has bit 8 set iff digit ≥ lowest and digit + H iff
    /// digit > highest; no lane exceeds 0x1FF, so lanes never carry into each other.
    struct QuadCells {
        let low: UInt64
        let high: UInt64

        func contains(_ word: UInt64) -> Bool {
            let digits = word & 0x00FF_00FF_00FF_00FF
            return (digits &+ low) & ~(digits &+ high) & 0x0100_0100_0100_0100 == 0x0100_0100_0100_0100
        }

        /// Per column: the lanes when it and the next three columns are Likert items with the same
        /// digit range and none of them is the last column (whose cell ends the line).
        static func lanes(_ plans: [ParallelColumnLoader.Plan]) -> [QuadCells?] {
            plans.indices.map { column in
                guard column + 4 < plans.count, let range = plans[column].digitRange,
                      plans[column...(column + 3)].allSatisfy({ $0.kind == .likert && $0.digitRange == range })
                else { return nil }
                return QuadCells(low: (0x100 - UInt64(range.lowerBound)) &* 0x0001_0001_0001_0001,
                                 high: (0xFF - UInt64(range.upperBound)) &* 0x0001_0001_0001_0001)
            }
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
