/// The ``CoMoments`` of every pair of p variables, each over the rows where both are present
/// (pairwise deletion): the mergeable summary that pairwise Pearson correlations
/// (``Correlation``) are computed from.
///
/// One two-variable summary per pair i < j, in the order (0,1), (0,2), …, (1,2), … of
/// ``CorrelationResult/pairs``; built and merged pair by pair with the formulas of ``CoMoments``.
public struct PairwiseCoMoments: Sendable, Equatable, Codable {
    /// Number of variables p.
    public let variableCount: Int
    /// The p(p − 1)/2 pair summaries, in upper-triangle order; `pairs[m].count` is the number of
    /// rows where both variables of pair m are present.
    public private(set) var pairs: [CoMoments]

    private enum CodingKeys: String, CodingKey { case variableCount = "variables", pairs }

    /// p(p − 1)/2.
    private static func pairCount(_ variableCount: Int) -> Int { variableCount * Swift.max(0, variableCount - 1) / 2 }

    /// The summary of no rows of `variableCount` variables.
    public init(variableCount: Int) {
        self.variableCount = variableCount
        pairs = [CoMoments](repeating: CoMoments(variableCount: 2), count: Self.pairCount(variableCount))
    }

    /// The summary of `columns` (one per variable, all of one length, `Double.nan` for missing),
    /// in O(n·p²) time.
    public init(columns: [[Double]]) {
        variableCount = columns.count
        pairs = []
        pairs.reserveCapacity(Self.pairCount(variableCount))
        for i in 0..<variableCount {
            for j in (i + 1)..<variableCount { pairs.append(CoMoments(columns: [columns[i], columns[j]])) }
        }
    }

    /// Decodes a summary and checks that it holds one two-variable ``CoMoments`` per pair.
    /// - Throws: `DecodingError.dataCorrupted` at the offending key, saying what was expected.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        variableCount = try container.decode(Int.self, forKey: .variableCount)
        pairs = try container.decode([CoMoments].self, forKey: .pairs)
        // p(p − 1)/2 pairs: p is at most about √(2·pairs.count) + 1, so the check cannot overflow.
        guard variableCount >= 0, variableCount <= 2 + 2 * Int(Double(pairs.count).squareRoot()),
              pairs.count == Self.pairCount(variableCount) else {
            throw DecodingError.dataCorruptedError(
                forKey: .pairs, in: container,
                debugDescription: "expected p(p − 1)/2 pairs for p = \(variableCount) variables, found \(pairs.count)")
        }
        if let m = pairs.firstIndex(where: { $0.variableCount != 2 }) {
            throw DecodingError.dataCorruptedError(forKey: .pairs, in: container,
                                                   debugDescription: "expected two variables in pair \(m), found \(pairs[m].variableCount)")
        }
    }

    /// The summary of variables `i` and `j` (i ≠ j, either order) over the rows where both are
    /// present; its variable 0 is the lower of the two.
    public func pair(_ i: Int, _ j: Int) -> CoMoments {
        precondition(i != j, "a pair needs two different variables")
        let (a, b) = (Swift.min(i, j), Swift.max(i, j))
        return pairs[a * (2 * variableCount - a - 1) / 2 + (b - a - 1)]
    }

    /// Combines with the summary of another, disjoint set of rows of the same variables, pair by
    /// pair (``CoMoments/merge(_:)``).
    public mutating func merge(_ other: PairwiseCoMoments) {
        precondition(other.variableCount == variableCount, "summaries of different numbers of variables")
        for m in pairs.indices { pairs[m].merge(other.pairs[m]) }
    }

    /// The summary of both sets of rows; see ``merge(_:)``.
    public static func + (lhs: PairwiseCoMoments, rhs: PairwiseCoMoments) -> PairwiseCoMoments {
        var result = lhs
        result.merge(rhs)
        return result
    }
}
