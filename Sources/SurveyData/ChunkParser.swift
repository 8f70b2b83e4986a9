import Foundation

/// The block loader's fast parser: the cells of one chunk of whole data lines, parsed straight into
/// column buffers (Likert cells one byte each) without spans, closures, reference counting or
/// `String`s per cell (but for IDs and text), the buffers sized by the chunk's line count (an upper
/// bound of its records). Made by ``parse(_:count:lines:plans:delimiter:keepingText:)``.
///
/// It handles what survey exports usually hold: unquoted fields, LF or CRLF line ends, blank lines,
/// blank/`NA` cells, whole-number Likert answers, user-missing codes, categorical levels as written,
/// plain numbers, respondent IDs. Anything else — a Likert answer written as its label, a ragged
/// row, an invalid value or UTF-8 sequence — makes it return `nil`, and the chunk is read again by
/// the sequential reader, which gives the exact error or the same columns.
final class ChunkParser {
    private(set) var rows = 0
    /// Blank lines before the first row.
    private(set) var linesBeforeFirstRow = 0
    /// Per column, by its kind: Likert codes (`Int8`), level codes (`Int32`), numbers (`Double`) or
    /// ID hashes (`UInt64`, 0 for a blank ID); `nil` for text and skipped columns.
    private let cells: [UnsafeMutableRawPointer?]
    /// The buffers' allocations; Likert column c's cells start 64·(c mod 64) bytes in (see ``init(plans:capacity:)``).
    private let allocations: [UnsafeMutableRawPointer?]
    /// Per column: the cells of ID and text columns (none unless kept).
    private var texts: [[String]] = []
    /// Per column c, from `countStarts[c]`: blank cells, then cells per user-missing code (one
    /// flat buffer: a nested array would pay two uniqueness checks per blank cell).
    private let counts: UnsafeMutablePointer<Int>
    private let countStarts: [Int]

    private init(plans: [ColumnPlan], capacity: Int) {
        // A row writes one byte to every Likert buffer. Buffers allocated alike start at the same
        // offset within a page, so those bytes would share one set of the 8-way L1 cache and evict
        // each other; starting buffer c a cache line further than buffer c − 1 spreads them over all sets.
        allocations = plans.map { plan in
            switch plan.kind {
            case .likert: return .allocate(byteCount: capacity + 4096, alignment: 64)
            case .categorical: return .allocate(byteCount: 4 * capacity, alignment: 8)
            case .numeric, .id: return .allocate(byteCount: 8 * capacity, alignment: 8)
            case .text, .skip: return nil
            }
        }
        cells = zip(plans, allocations).enumerated().map { column, planAndAllocation in
            planAndAllocation.0.kind == .likert ? planAndAllocation.1.map { $0 + 64 * (column % 64) } : planAndAllocation.1
        }
        countStarts = plans.reduce(into: [0]) { $0.append($0[$0.count - 1] + 1 + $1.decoder.missingValues.count) }
        counts = .allocate(capacity: countStarts[plans.count])
        counts.initialize(repeating: 0, count: countStarts[plans.count])
    }

    deinit {
        allocations.forEach { $0?.deallocate() }
        counts.deallocate()
    }

    /// Parses the records in `base[0..<count]` (whole lines, at most `lines` of them), or `nil` for
    /// anything the fast path leaves to the sequential reader. Eight bytes after `base + count` must
    /// be readable (cells are compared a word at a time). `keepingText: false` checks and counts
    /// the cells of text and ID columns without keeping them.
    static func parse(_ base: UnsafePointer<UInt8>, count: Int, lines: Int,
                      plans: [ColumnPlan], delimiter: UInt8, keepingText: Bool) -> ChunkParser? {
        let chunk = ChunkParser(plans: plans, capacity: lines)
        var parser = Parser(plans: plans, cells: chunk.cells, counts: chunk.counts, countStarts: chunk.countStarts,
                            capacity: lines, delimiter: delimiter, keepingText: keepingText)
        guard parser.parse(base, count: count) else { return nil }
        chunk.rows = parser.row
        chunk.linesBeforeFirstRow = parser.linesBeforeFirstRow
        chunk.texts = parser.texts
        return chunk
    }

    /// The hashes of ID column `index`'s IDs, 0 for a blank one.
    func idHashes(_ index: Int) -> UnsafeBufferPointer<UInt64> {
        UnsafeBufferPointer(start: cells[index]!.assumingMemoryBound(to: UInt64.self), count: rows)
    }

    /// Column `index` as loaded: `variable` at file position `index + 1`, its cells copied out of the buffers.
    func column(_ index: Int, variable: Variable) -> DataColumn {
        func values<T>(_ type: T.Type) -> [T] {
            Array(UnsafeBufferPointer(start: cells[index]!.assumingMemoryBound(to: T.self), count: rows))
        }
        var likert: [Int8] = [], numbers: [Double] = [], levels: [Int32] = []
        switch variable.kind {
        case .likert: likert = values(Int8.self)
        case .numeric, .duration: numbers = values(Double.self)
        case .categorical: levels = values(Int32.self)
        case .id, .text, .date, .flag: break
        }
        return DataColumn(variable: variable, position: index + 1,
                          values: ColumnValues(variable.kind, likert: likert, numbers: numbers, levels: levels, texts: texts[index]),
                          blank: counts[countStarts[index]],
                          userMissing: Array(UnsafeBufferPointer(start: counts + countStarts[index] + 1,
                                                                 count: countStarts[index + 1] - countStarts[index] - 1)))
    }

    /// The parse of one chunk: the loop over its bytes and the cells' decoding, on plain values and
    /// pointers (the chunk owns the buffers).
    private struct Parser {
        let decoders: [ColumnPlan.CellDecoder]
        let cells: [UnsafeMutableRawPointer?]
        /// Per column: the digits of a Likert column that are one-byte answers (``ColumnPlan/digitRange``).
        let digitRanges: [ClosedRange<UInt8>?]
        /// Per column: a categorical column's levels.
        let levelLookups: [LevelTable.Lookup?]
        let quads: [QuadCells?]
        let delimiter: UInt8
        let capacity: Int
        let keepingText: Bool
        var row = 0
        var linesBeforeFirstRow = 0
        var texts: [[String]]
        /// The chunk's counts of blank and user-missing cells, column c's from `countStarts[c]`.
        let counts: UnsafeMutablePointer<Int>
        let countStarts: [Int]

        init(plans: [ColumnPlan], cells: [UnsafeMutableRawPointer?], counts: UnsafeMutablePointer<Int>, countStarts: [Int],
             capacity: Int, delimiter: UInt8, keepingText: Bool) {
            decoders = plans.map(\.decoder)
            self.cells = cells
            self.counts = counts
            self.countStarts = countStarts
            digitRanges = plans.map(\.digitRange)
            levelLookups = decoders.map(\.levels)
            quads = QuadCells.lanes(plans)
            self.delimiter = delimiter
            self.capacity = capacity
            self.keepingText = keepingText
            texts = plans.map { plan in
                var column: [String] = []
                if keepingText && (plan.kind == .text || plan.kind == .id) { column.reserveCapacity(capacity) }
                return column
            }
        }

        private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

        /// Parses `base[0..<end]`; `false` for anything the fast path leaves to the sequential reader.
        mutating func parse(_ base: UnsafePointer<UInt8>, count end: Int) -> Bool {
            let newline = CSVReader.newline, carriageReturn = CSVReader.carriageReturn, delimiter = delimiter
            let last = decoders.count - 1
            let delimiterLanes = UInt64(delimiter) &* 0x0100_0100_0100_0100
            let fieldEnds = FieldEnds(delimiter: delimiter)
            let quads = quads
            var position = 0
            let levelLookups = levelLookups
            return digitRanges.withUnsafeBufferPointer { digitRanges in
                cells.withUnsafeBufferPointer { targets in
                    records: while position < end {
                        guard row < capacity else { return false }
                        var column = 0
                        while column <= last {
                            // Four one-digit Likert cells, each followed by the delimiter, in one 8-byte word.
                            while let lanes = quads[column], position &+ 8 <= end {
                                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                                guard word & 0xFF00_FF00_FF00_FF00 == delimiterLanes, lanes.contains(word) else { break }
                                let codes = (word & 0x00FF_00FF_00FF_00FF) &- 0x0030_0030_0030_0030
                                targets[column]!.storeBytes(of: UInt8(truncatingIfNeeded: codes), toByteOffset: row, as: UInt8.self)
                                targets[column &+ 1]!.storeBytes(of: UInt8(truncatingIfNeeded: codes >> 16), toByteOffset: row, as: UInt8.self)
                                targets[column &+ 2]!.storeBytes(of: UInt8(truncatingIfNeeded: codes >> 32), toByteOffset: row, as: UInt8.self)
                                targets[column &+ 3]!.storeBytes(of: UInt8(truncatingIfNeeded: codes >> 48), toByteOffset: row, as: UInt8.self)
                                position &+= 8
                                column &+= 4
                            }
                            // The common cell: one digit of a Likert scale, then the delimiter (or the line end in
                            // the last column). Anything else, including the final cell of a file without a
                            // final newline, takes the general path below.
                            if position + 1 < end, let digits = digitRanges[column] {
                                let byte = base[position], next = base[position &+ 1]
                                if digits.contains(byte), column < last ? next == delimiter : (next == newline || next == carriageReturn) {
                                    targets[column]!.storeBytes(of: byte &- 48, toByteOffset: row, as: UInt8.self)
                                    position &+= column < last ? 2 : 1
                                    column &+= 1
                                    continue
                                }
                                if byte == delimiter && column < last {  // a blank answer
                                    targets[column]!.storeBytes(of: LikertValues.missing, toByteOffset: row, as: Int8.self)
                                    counts[countStarts[column]] &+= 1
                                    position &+= 1
                                    column &+= 1
                                    continue
                                }
                            }
                            // The common categorical cell: one of the column's levels as written, untrimmed —
                            // first the level guessed from the cell's first two bytes, then any level.
                            if let levels = levelLookups[column] {
                                if let (code, length) = levels.guessedKey(base, at: position, end: end) {
                                    let after = position &+ length, next = base[after]
                                    if column < last ? next == delimiter : (next == newline || next == carriageReturn) {
                                        targets[column]!.storeBytes(of: code, toByteOffset: 4 &* row, as: Int32.self)
                                        position = column < last ? after &+ 1 : after
                                        column &+= 1
                                        continue
                                    }
                                }
                                let fieldEnd = fieldEnds.next(base, from: position, end: end)
                                let atLineEnd = fieldEnd == end || base[fieldEnd] != delimiter
                                if fieldEnd > position, atLineEnd == (column == last),
                                   base[position] != Self.space, base[position] != Self.tab,
                                   base[fieldEnd &- 1] != Self.space, base[fieldEnd &- 1] != Self.tab,
                                   let code = levels.code(base + position, count: fieldEnd &- position) {
                                    targets[column]!.storeBytes(of: code, toByteOffset: 4 &* row, as: Int32.self)
                                    position = atLineEnd ? fieldEnd : fieldEnd &+ 1
                                    column &+= 1
                                    continue
                                }
                            }
                            let fieldStart = position
                            position = fieldEnds.next(base, from: position, end: end)
                            let atLineEnd = position == end || base[position] != delimiter
                            var lower = fieldStart, upper = position
                            while lower < upper && (base[lower] == Self.space || base[lower] == Self.tab) { lower += 1 }
                            while upper > lower && (base[upper - 1] == Self.space || base[upper - 1] == Self.tab) { upper -= 1 }
                            if column == 0 && lower == upper && atLineEnd {  // a blank line
                                Self.skipLineEnd(base, &position, end)
                                if row == 0 { linesBeforeFirstRow += 1 }
                                continue records
                            }
                            // A trimmed categorical cell that is one of its levels.
                            if let levels = levelLookups[column], upper > lower, let code = levels.code(base + lower, count: upper - lower) {
                                targets[column]!.storeBytes(of: code, toByteOffset: 4 * row, as: Int32.self)
                            } else {
                                guard decode(UnsafeBufferPointer(start: base + lower, count: upper - lower), column: column, target: targets[column])
                                else { return false }
                            }
                            if column < last {
                                guard !atLineEnd else { return false }  // too few fields
                                position += 1
                            } else if !atLineEnd {
                                return false  // too many fields
                            }
                            column += 1
                        }
                        Self.skipLineEnd(base, &position, end)
                        row += 1
                    }
                    return true
                }
            }
        }

        /// Moves past CR, LF or CRLF as the sequential reader does.
        private static func skipLineEnd(_ base: UnsafePointer<UInt8>, _ position: inout Int, _ end: Int) {
            if position < end && base[position] == CSVReader.carriageReturn { position += 1 }
            if position < end && base[position] == CSVReader.newline { position += 1 }
        }

        /// Stores one trimmed cell of `column` at `row` (in `target`, the column's buffer); `false`
        /// if the cell needs the sequential reader.
        private mutating func decode(_ cell: UnsafeBufferPointer<UInt8>, column: Int, target: UnsafeMutableRawPointer?) -> Bool {
            let decoder = decoders[column]
            let isBlank = cell.isEmpty || (cell.count == 2 && cell[0] == UInt8(ascii: "N") && cell[1] == UInt8(ascii: "A"))
            switch decoder.kind {
            case .skip:
                return firstInvalidUTF8Offset(cell) == nil
            case .likert:
                let target = target!.assumingMemoryBound(to: Int8.self) + row
                if isBlank { counts[countStarts[column]] += 1; target.pointee = LikertValues.missing; return true }
                guard let value = NumberParsing.integer(cell) else { return false }
                if countUserMissing(Double(value), column: column) { target.pointee = LikertValues.missing; return true }
                guard decoder.range.contains(value) else { return false }
                target.pointee = Int8(value)
                return true
            case .categorical:
                let target = target!.assumingMemoryBound(to: Int32.self) + row
                if isBlank { counts[countStarts[column]] += 1; target.pointee = CategoricalValues.missing; return true }
                if let code = decoder.levels!.code(cell.baseAddress!, count: cell.count) {
                    target.pointee = code
                    return true
                }
                guard let value = NumberParsing.double(cell), countUserMissing(value, column: column) else { return false }
                target.pointee = CategoricalValues.missing
                return true
            case .numeric:
                let target = target!.assumingMemoryBound(to: Double.self) + row
                if isBlank { counts[countStarts[column]] += 1; target.pointee = .nan; return true }
                guard let value = NumberParsing.double(cell) else { return false }
                target.pointee = countUserMissing(value, column: column) ? .nan : value
                return true
            case .text, .id:
                guard firstInvalidUTF8Offset(cell) == nil else { return false }
                if keepingText { texts[column].append(String(decoding: cell, as: UTF8.self)) }
                if cell.isEmpty { counts[countStarts[column]] += 1 }
                if decoder.kind == .id {
                    target!.storeBytes(of: cell.isEmpty ? 0 : IDHashes.hash(cell), toByteOffset: 8 * row, as: UInt64.self)
                }
                return true
            }
        }

        private func countUserMissing(_ value: Double, column: Int) -> Bool {
            guard let index = decoders[column].missingValues.firstIndex(of: value) else { return false }
            counts[countStarts[column] + 1 + index] += 1
            return true
        }
    }

    /// Finds the end of a field eight bytes at a time (SWAR): with x = word XOR a byte repeated,
    /// (x − 0x01…01) AND NOT x AND 0x80…80 has the high bit set in the lowest byte of x that is 0
    /// (bits above it may be set by the borrow, never bits below).
    struct FieldEnds {
        let delimiter: UInt64

        init(delimiter: UInt8) {
            self.delimiter = UInt64(delimiter) &* 0x0101_0101_0101_0101
        }

        @inline(__always)
        private static func zeroBytes(_ x: UInt64) -> UInt64 {
            (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
        }

        /// The offset of the first delimiter, CR or LF at or after `position`, or `end`. Reads up to
        /// seven bytes past `end`.
        @inline(__always)
        func next(_ base: UnsafePointer<UInt8>, from position: Int, end: Int) -> Int {
            var position = position
            while position < end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let found = Self.zeroBytes(word ^ delimiter) | Self.zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A)
                    | Self.zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
                if found != 0 { return min(position &+ found.trailingZeroBitCount >> 3, end) }
                position &+= 8
            }
            return end
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
        static func lanes(_ plans: [ColumnPlan]) -> [QuadCells?] {
            plans.indices.map { column in
                guard column + 4 < plans.count, let range = plans[column].digitRange,
                      plans[column...(column + 3)].allSatisfy({ $0.kind == .likert && $0.digitRange == range })
                else { return nil }
                return QuadCells(low: (0x100 - UInt64(range.lowerBound)) &* 0x0001_0001_0001_0001,
                                 high: (0xFF - UInt64(range.upperBound)) &* 0x0001_0001_0001_0001)
            }
        }
    }
}
