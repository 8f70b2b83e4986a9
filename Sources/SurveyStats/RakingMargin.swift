/// One population margin to rake to: a variable's levels, each row's level, and each level's
/// target total (weighted count in the population).
public struct RakingMargin: Sendable, Equatable {
    public var name: String
    public var levels: [String]
    /// Per level, the target total (≥ 0).
    public var targets: [Double]
    /// Per row, the index of its level in `levels`.
    public var rowLevels: [Int]

    public init(name: String, levels: [String], targets: [Double], rowLevels: [Int]) {
        precondition(levels.count == targets.count, "one target per level")
        self.name = name
        self.levels = levels
        self.targets = targets
        self.rowLevels = rowLevels
    }
}
