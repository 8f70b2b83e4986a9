import Foundation
import SurveyData

/// What the cells of one column look like, gathered in one pass over the data: enough to choose
/// the column's type without keeping its cells.
///
/// Blank cells and `NA` are ignored, as the data path treats them as missing. Qualtrics writes −99
/// for a question that was seen but not answered (when the survey asks it to); that code is kept
/// apart from the answers so it can become a missing code instead of widening the scale.
struct ColumnProfile {
    /// More distinct values than this and a text column is open text, not categorical.
    static let levelLimit = 20
    static let seenButUnanswered = -99

    private(set) var filled = 0
    private(set) var allIntegers = true
    private(set) var allNumbers = true
    private(set) var lowest = Int.max
    private(set) var highest = Int.min
    private(set) var sawSeenButUnanswered = false
    /// The distinct values in first-seen order, up to `levelLimit + 1`.
    private(set) var distinct: [String] = []
    /// Their text's bytes, compared with a cell's before its text is made (most cells repeat a value).
    private var distinctBytes: [[UInt8]] = []
    /// The distinct whole numbers written plainly (no sign `+`, no leading zero), compared as
    /// numbers: those in 0…63 as bits (most codes; cheaper than a search), the others listed.
    private var distinctSmallIntegers: UInt64 = 0
    private var distinctIntegers: [Int] = []
    /// Some cell holds a line break (noted while the column may still be categorical).
    private(set) var multiline = false
    /// Some cell lists several codes (`1,3,4`): the answers of a "select all that apply" in one column.
    private(set) var listsCodes = false

    var tooManyLevels: Bool { distinct.count > Self.levelLimit }
    /// Whole numbers other than the seen-but-unanswered code spanning `lowest…highest`, if any.
    var integerRange: ClosedRange<Int>? { allIntegers && lowest <= highest ? lowest...highest : nil }

    /// Takes in cell `index` of `record`.
    ///
    /// Once a column is settled as numbers or text — not all whole numbers, and more than
    /// `levelLimit` distinct values — its type can only depend on whether every cell is a number
    /// (``inferredKind``, ``ExportColumnRole``), so its later cells are only counted and checked for that.
    mutating func add(_ record: CSVRecord, _ index: Int) {
        let bytes = record.trimmedBytes(index)
        if bytes.isEmpty || (bytes.count == 2 && bytes[0] == UInt8(ascii: "N") && bytes[1] == UInt8(ascii: "A")) { return }
        filled += 1
        if !allIntegers && tooManyLevels {
            if allNumbers && !NumberParsing.isNumber(bytes) { allNumbers = false }
            return
        }
        if let value = NumberParsing.integer(bytes) {
            if value == Self.seenButUnanswered { sawSeenButUnanswered = true } else {
                lowest = min(lowest, value)
                highest = max(highest, value)
            }
            let digits = bytes[0] == UInt8(ascii: "-") ? 1 : 0
            let plain = bytes[0] != UInt8(ascii: "+") && (bytes.count == digits + 1 || bytes[digits] != UInt8(ascii: "0")) && !record.isQuoted(index)
            if plain && !tooManyLevels {
                if (0..<64).contains(value) {
                    let bit: UInt64 = 1 << UInt64(value)
                    if distinctSmallIntegers & bit != 0 { return }
                    distinctSmallIntegers |= bit
                } else {
                    if distinctIntegers.contains(value) { return }
                    distinctIntegers.append(value)
                }
                if !distinct.contains(String(value)) { distinct.append(String(value)) }
                return
            }
        } else {
            allIntegers = false
            if allNumbers && !NumberParsing.isNumber(bytes) { allNumbers = false }
            if bytes.contains(10) || bytes.contains(13) { multiline = true }
            if !listsCodes && bytes.contains(UInt8(ascii: ",")) && bytes.allSatisfy({ $0 == UInt8(ascii: ",") || (48...57).contains($0) }) {
                listsCodes = true
            }
        }
        if !tooManyLevels {
            // A quoted cell's text is its bytes between the quotes, unless doubled quotes must be collapsed.
            let textBytes = record.isQuoted(index) ? record.quotedBytes(index) : bytes
            if let textBytes, distinctBytes.contains(where: { known in
                known.count == textBytes.count && known.withUnsafeBytes { memcmp($0.baseAddress!, textBytes.baseAddress!, textBytes.count) == 0 }
            }) { return }
            let text = record.string(index)
            if !distinct.contains(text) {
                distinct.append(text)
                distinctBytes.append(Array(text.utf8))
            }
        }
    }

    /// Takes in the profile of the cells that follow this one's (a later block of the file): the
    /// result is the profile of all the cells, read in order.
    mutating func merge(_ later: ColumnProfile) {
        filled += later.filled
        allIntegers = allIntegers && later.allIntegers
        allNumbers = allNumbers && later.allNumbers
        lowest = min(lowest, later.lowest)
        highest = max(highest, later.highest)
        sawSeenButUnanswered = sawSeenButUnanswered || later.sawSeenButUnanswered
        multiline = multiline || later.multiline
        listsCodes = listsCodes || later.listsCodes
        // A value among the first `levelLimit + 1` of all the cells is among the first of its block.
        for text in later.distinct where !tooManyLevels && !distinct.contains(text) {
            distinct.append(text)
            distinctBytes.append(Array(text.utf8))
        }
    }

    /// The type of a column answering a question of its own: categorical when a few values repeat
    /// (whole-number codes in numeric order), numeric when every cell is a number, text otherwise.
    var inferredKind: Variable.Kind {
        if filled == 0 || multiline || listsCodes { return .text }
        if allIntegers && !tooManyLevels {
            let codes = distinct.filter { $0 != String(Self.seenButUnanswered) }
            guard !codes.isEmpty else { return .numeric }
            let levels = codes.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }.map { Level(value: $0, label: $0) }
            return .categorical(levels: levels, reference: 0)
        }
        if allNumbers { return .numeric }
        if !tooManyLevels && filled >= 2 * distinct.count {
            return .categorical(levels: distinct.map { Level(value: $0, label: $0) }, reference: 0)
        }
        return .text
    }

    /// The missing codes a column of `kind` gets: −99 "Seen but unanswered" when it occurs in a column of codes.
    func missingCodes(for kind: Variable.Kind) -> [MissingCode] {
        switch kind {
        case .likert, .categorical:
            return sawSeenButUnanswered ? [MissingCode(value: Double(Self.seenButUnanswered), label: "Seen but unanswered")] : []
        case .numeric, .id, .text, .date, .duration, .flag:
            return []
        }
    }
}
