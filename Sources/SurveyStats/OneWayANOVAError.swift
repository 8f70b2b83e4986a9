import MessageText

/// Why a one-way ANOVA cannot be computed.
public enum OneWayANOVAError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `values` and `groups` differ in length.
    case lengthMismatch(values: Int, groups: Int)
    /// A value is infinite (missing values are NaN).
    case nonFiniteValue(case: Int)
    /// A tallied value is infinite.
    case nonFiniteTalliedValue(level: String, value: Double)
    /// The number of tallies differs from the number of levels.
    case tallyCountMismatch(tallies: Int, levels: Int)
    /// A group code is outside `-1..<levels.count`.
    case invalidLevelCode(case: Int, code: Int, levelCount: Int)
    /// Fewer than two levels have cases.
    case fewerThanTwoGroups(nonEmpty: [String])
    /// Every group has a single case: no within-group degrees of freedom.
    case noWithinGroupDegreesOfFreedom(n: Int, groups: Int)
    /// Every group is constant: the within-group variance is zero and F is undefined.
    case zeroWithinGroupVariance
    /// The dependent variable takes one value in every group: there is nothing to compare.
    case constantResponse(value: Double)

    public var description: String {
        switch self {
        case let .lengthMismatch(values, groups):
            return "\(values) values but \(groups) group codes; expected one group code per value"
        case let .nonFiniteValue(index):
            return "value at case \(index + 1) is infinite (expected a finite number or missing)"
        case let .nonFiniteTalliedValue(level, value):
            return "level \(Excerpt.excerpt(level)) has the value \(value) (expected finite values)"
        case let .tallyCountMismatch(tallies, levels):
            return "\(tallies) tallies for \(levels) levels; expected one tally per level"
        case let .invalidLevelCode(index, code, count):
            return "group code \(code) at case \(index + 1), expected -1 (missing) or 0..<\(count)"
        case let .fewerThanTwoGroups(nonEmpty):
            return "an ANOVA needs at least two groups with cases; found \(nonEmpty.count)"
                + (nonEmpty.isEmpty ? "" : " (\(Excerpt.excerptList(nonEmpty)))")
        case let .noWithinGroupDegreesOfFreedom(n, groups):
            return "\(n) cases in \(groups) groups leave no within-group degrees of freedom (every group has one case)"
        case .zeroWithinGroupVariance:
            return "every group is constant (within-group variance 0), so F is undefined"
        case let .constantResponse(value):
            return "the dependent variable is constant (\(value)) in every group; there is no variation to compare"
        }
    }
}
