/// One input of a ``DesignSums`` over a block of rows (``DesignSums/init(_:columns:keepsFourthMoments:)``):
/// a variable's values, or a factor's 0/1 indicators, dictionary-coded.
public enum DesignColumn: Sendable {
    /// One variable: per row the index of its value (−1: missing).
    case values(RowTally.CodedColumn)
    /// One 0/1 variable per level of a factor of `levelCount` levels but `reference` (`nil`: one
    /// for every level), from per row its level's code (−1: missing).
    case indicators(codes: [Int32], levelCount: Int, reference: Int?)

    /// Per row, its code (−1: missing).
    var codes: [Int32] {
        switch self {
        case .values(let column): return column.codes
        case .indicators(let codes, _, _): return codes
        }
    }

    /// How many codes a row can have.
    var codeCount: Int {
        switch self {
        case .values(let column): return column.values.count
        case .indicators(_, let levelCount, _): return levelCount
        }
    }

    /// How many variables it gives.
    var variableCount: Int {
        switch self {
        case .values: return 1
        case .indicators(_, let levelCount, let reference): return reference.map { (0..<levelCount).contains($0) } == true ? levelCount - 1 : levelCount
        }
    }

    var isIndicators: Bool {
        if case .indicators = self { return true }
        return false
    }

    /// Writes the variables' values of a row whose code is `code` (≥ 0) from `start` on.
    func write(code: Int, into values: inout [Double], from start: Int) {
        switch self {
        case .values(let column):
            values[start] = column.values[code]
        case .indicators(_, let levelCount, let reference):
            var index = start
            for level in 0..<levelCount where level != reference {
                values[index] = level == code ? 1 : 0
                index += 1
            }
        }
    }
}
