/// Count, means and co-moment matrix of p variables over their complete cases: the mergeable
/// summary that Cronbach's α (``Reliability``) and listwise Pearson correlations (``Correlation``)
/// are computed from.
///
/// `C = Σᵣ (xᵣ − x̄)(xᵣ − x̄)ᵀ` over the rows r where every variable holds a value (listwise
/// deletion); rows with a `Double.nan` are only counted, in ``incomplete``. Covariances are
/// Cᵢⱼ/(n − 1) and correlations Cᵢⱼ/√(CᵢᵢCⱼⱼ), never from raw sums Σxy − n·x̄ȳ.
///
/// Two ways to build one, both stable:
/// - ``init(columns:)`` over whole columns: the corrected two-pass algorithm (Chan, Golub &
///   LeVeque 1983, "Algorithms for computing the sample variance", *Am. Stat.* 37:242), as in
///   ``Moments/init(_:)``: compensated sums give provisional means x̃, a second pass sums the
///   deviations d = x − x̃ and their products, and the residual mean δ = Σd/n corrects both:
///   x̄ = x̃ + δ and Cᵢⱼ = Σdᵢdⱼ − n·δᵢδⱼ.
/// - ``merge(_:)`` for chunked input: the pairwise update of Chan, Golub & LeVeque (1979),
///   "Updating formulae and a pairwise algorithm for computing sample variances", Stanford
///   STAN-CS-79-773, in its co-moment form (Pébay 2008, "Formulas for robust, one-pass parallel
///   computation of covariances and arbitrary-order statistical moments", SAND2008-6212).
///
/// Tested by merging summaries of parts of `Fixtures/descriptives/likert.csv` against the one-pass
/// summary, and through ``Reliability`` and ``Correlation`` against R (`CoMomentsTests`).
public struct CoMoments: Sendable, Equatable, Codable {
    /// Complete cases: rows where every variable holds a value.
    public private(set) var count: Int
    /// Rows skipped because at least one variable was missing.
    public private(set) var incomplete: Int
    /// Mean of each variable over the complete cases; 0 when `count` is 0.
    public private(set) var means: [Double]
    /// The co-moment matrix C, p × p, symmetric, row-major: `matrix[i·p + j]` is Cᵢⱼ.
    public private(set) var matrix: [Double]

    private enum CodingKeys: String, CodingKey {
        case count = "n", incomplete, means, matrix = "co_moments"
    }

    /// The summary of no rows of `variableCount` variables.
    public init(variableCount: Int) {
        count = 0
        incomplete = 0
        means = [Double](repeating: 0, count: variableCount)
        matrix = [Double](repeating: 0, count: variableCount * variableCount)
    }

    /// The summary of `columns` (one per variable, all of one length, `Double.nan` for missing) by
    /// the corrected two-pass algorithm, in O(n·p²) time.
    public init(columns: [[Double]]) {
        let p = columns.count
        let rowCount = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rowCount }, "columns must have equal lengths")
        self.init(variableCount: p)
        var isComplete = [Bool](repeating: true, count: rowCount)
        for column in columns {
            for r in 0..<rowCount where column[r].isNaN { isComplete[r] = false }
        }
        let rows = (0..<rowCount).filter { isComplete[$0] }
        count = rows.count
        incomplete = rowCount - rows.count
        guard let firstRow = rows.first else { return }
        let n = Double(count)

        // Pass 1: provisional means; a constant column's is its value, so its co-moments are exactly 0.
        let provisional = columns.map { column -> Double in
            let first = column[firstRow]
            var sum = CompensatedSum()
            var isConstant = true
            for r in rows {
                let x = column[r]
                sum.add(x)
                if x != first { isConstant = false }
            }
            return isConstant ? first : sum.value / n
        }
        // Pass 2: the residual means δ = Σd/n, then Σdᵢdⱼ shifted to the corrected means.
        let residual = (0..<p).map { i -> Double in
            let (column, centre) = (columns[i], provisional[i])
            var sum = CompensatedSum()
            for r in rows { sum.add(column[r] - centre) }
            return sum.value / n
        }
        for i in 0..<p {
            means[i] = provisional[i] + residual[i]
            for j in i..<p {
                let (a, b, centreA, centreB) = (columns[i], columns[j], provisional[i], provisional[j])
                var sum = CompensatedSum()
                for r in rows { sum.add((a[r] - centreA) * (b[r] - centreB)) }
                let coMoment = sum.value - n * residual[i] * residual[j]
                matrix[i * p + j] = i == j ? Swift.max(0, coMoment) : coMoment
                matrix[j * p + i] = matrix[i * p + j]
            }
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decode(Int.self, forKey: .count)
        incomplete = try container.decode(Int.self, forKey: .incomplete)
        means = try container.decode([Double].self, forKey: .means)
        matrix = try container.decode([Double].self, forKey: .matrix)
        guard count >= 0, incomplete >= 0, matrix.count == means.count * means.count else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "expected counts ≥ 0 and \(means.count * means.count) co-moments for \(means.count) means, got \(matrix.count)"))
        }
    }

    /// Number of variables p.
    public var variableCount: Int { means.count }

    /// Cᵢⱼ = Σᵣ (xᵣᵢ − x̄ᵢ)(xᵣⱼ − x̄ⱼ).
    public func coMoment(_ i: Int, _ j: Int) -> Double { matrix[i * variableCount + j] }

    /// Sample covariance Cᵢⱼ/(n − 1) (the variance for i = j); `nil` for n < 2.
    public func covariance(_ i: Int, _ j: Int) -> Double? {
        count >= 2 ? coMoment(i, j) / Double(count - 1) : nil
    }

    /// Pearson r = Cᵢⱼ/√(CᵢᵢCⱼⱼ), clamped to [−1, 1]; `nil` when either variable has zero variance.
    public func correlation(_ i: Int, _ j: Int) -> Double? {
        let denominator = (coMoment(i, i) * coMoment(j, j)).squareRoot()
        guard denominator > 0 else { return nil }
        return Swift.max(-1, Swift.min(1, coMoment(i, j) / denominator))
    }

    /// Combines with the summary of another, disjoint set of rows of the same variables; with
    /// n = nₐ + n_b and δ = x̄_b − x̄ₐ:
    ///
    ///     x̄ = x̄ₐ + δ·n_b/n
    ///     C = Cₐ + C_b + δδᵀ·nₐn_b/n
    public mutating func merge(_ other: CoMoments) {
        precondition(other.variableCount == variableCount, "summaries of different numbers of variables")
        incomplete += other.incomplete
        guard other.count > 0 else { return }
        guard count > 0 else {
            (count, means, matrix) = (other.count, other.means, other.matrix)
            return
        }
        let p = variableCount
        let na = Double(count), nb = Double(other.count)
        let n = na + nb
        let weight = na * nb / n
        let delta = (0..<p).map { other.means[$0] - means[$0] }
        for i in 0..<p {
            means[i] += delta[i] * nb / n
            for j in 0..<p {
                matrix[i * p + j] += other.matrix[i * p + j] + delta[i] * delta[j] * weight
            }
        }
        count += other.count
    }

    /// The summary of both sets of rows; see ``merge(_:)``.
    public static func + (lhs: CoMoments, rhs: CoMoments) -> CoMoments {
        var result = lhs
        result.merge(rhs)
        return result
    }
}
