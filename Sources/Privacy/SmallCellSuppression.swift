import Study

/// Small-cell suppression of one table's counts (statistical disclosure control, threshold rule with
/// complementary suppression; Hundepool et al., *Statistical Disclosure Control*, Wiley 2012, §5.2).
///
/// A count from 1 to `minCell − 1` is a small cell and is hidden. Zeros are shown (an empty level
/// describes nobody). The cells of a table fall into groups whose sum the table shows (a frequency
/// table's levels sum to its valid n, its missing rows to total − n; an ANOVA's groups to its N):
/// when exactly one cell of a group is hidden, the group's next smallest cell is hidden too, so that
/// the hidden count cannot be recovered by subtraction. (A group of one cell has nothing to hide
/// it behind; its count equals the group's sum, which the table shows anyway.)
enum SmallCellSuppression {
    /// The hidden cells of a table whose cells are `groups` of counts (rows numbered across the
    /// groups in order), or `nil` when no count is small.
    static func suppress(_ groups: [[Int]], minCell: Int) -> SuppressedCells? {
        var small: [Int] = [], complementary: [Int] = []
        var offset = 0
        for counts in groups {
            let hidden = counts.indices.filter { (1..<minCell).contains(counts[$0]) }
            small += hidden.map { offset + $0 }
            if hidden.count == 1, let partner = counts.indices.filter({ $0 != hidden[0] }).min(by: { (counts[$0], $0) < (counts[$1], $1) }) {
                complementary.append(offset + partner)
            }
            offset += counts.count
        }
        return small.isEmpty ? nil : SuppressedCells(minCell: minCell, small: small, complementary: complementary)
    }
}
