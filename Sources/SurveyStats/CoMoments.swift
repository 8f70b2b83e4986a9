import ComputeSupport

/// Count, means and co-moment matrix of p variables over their complete cases: the mergeable
/// summary that Cronbach's α (``Reliability``) and listwise Pearson correlations (``Correlation``)
/// are computed from.
///
/// `C = Σᵣ (xᵣ − x̄)(xᵣ − x̄)ᵀ` over the rows r where every variable holds a value (listwise
/// deletion); rows with a `Double.nan` are excluded, only counted (``excluded``). Covariances are
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
    /// Rows excluded (listwise) because at least one variable was missing.
    public private(set) var excluded: Int
    /// Mean of each variable over the complete cases; 0 when `count` is 0.
    public private(set) var means: [Double]
    /// The co-moment matrix C, p × p, symmetric, row-major: `matrix[i·p + j]` is Cᵢⱼ.
    public private(set) var matrix: [Double]

    private enum CodingKeys: String, CodingKey {
        case count = "n", excluded = "incomplete", means, matrix = "co_moments"
    }

    /// The summary of no rows of `variableCount` variables.
    public init(variableCount: Int) {
        count = 0
        excluded = 0
        means = [Double](repeating: 0, count: variableCount)
        matrix = [Double](repeating: 0, count: variableCount * variableCount)
    }

    /// The summary of `columns` (one per variable, all of one length, `Double.nan` for missing) by
    /// the corrected two-pass algorithm, in O(n·p²) time. Both passes go row by row, so the
    /// p + p(p + 1)/2 compensated sums of a row are independent and run side by side.
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
        excluded = rowCount - rows.count
        guard let firstRow = rows.first else { return }
        let n = Double(count)
        let pairs = p * (p + 1) / 2

        withColumnPointers(columns) { x in
            // Pass 1: provisional means; a constant column's is its value, so its co-moments are exactly 0.
            var sums = [CompensatedSum](repeating: CompensatedSum(), count: p)
            var isConstant = [Bool](repeating: true, count: p)
            let first = (0..<p).map { x[$0][firstRow] }
            for r in rows {
                for i in 0..<p {
                    let v = x[i][r]
                    sums[i].add(v)
                    if v != first[i] { isConstant[i] = false }
                }
            }
            let provisional = (0..<p).map { isConstant[$0] ? first[$0] : sums[$0].value / n }
            // Pass 2: the residual means δ = Σd/n, then Σdᵢdⱼ shifted to the corrected means.
            var residualSums = [CompensatedSum](repeating: CompensatedSum(), count: p)
            var products = [CompensatedSum](repeating: CompensatedSum(), count: pairs)
            var d = [Double](repeating: 0, count: p)
            residualSums.withUnsafeMutableBufferPointer { residualSums in
                products.withUnsafeMutableBufferPointer { products in
                    d.withUnsafeMutableBufferPointer { d in
                        for r in rows {
                            for i in 0..<p {
                                d[i] = x[i][r] - provisional[i]
                                residualSums[i].add(d[i])
                            }
                            var k = 0
                            for i in 0..<p {
                                for j in i..<p { products[k].add(d[i] * d[j]); k += 1 }
                            }
                        }
                    }
                }
            }
            let residual = residualSums.map { $0.value / n }
            var k = 0
            for i in 0..<p {
                means[i] = provisional[i] + residual[i]
                for j in i..<p {
                    let coMoment = products[k].value - n * residual[i] * residual[j]
                    k += 1
                    matrix[i * p + j] = i == j ? Swift.max(0, coMoment) : coMoment
                    matrix[j * p + i] = matrix[i * p + j]
                }
            }
        }
    }

    /// The summary of columns of small integers, column j standing for the values xⱼ/dⱼ
    /// (`denominators`, 1 when `nil`; e.g. Likert answers, or scale scores as sums over a common
    /// denominator), `Int16.min` marking a missing value; computed exactly: the sums Σxᵢ and Σxᵢxⱼ
    /// over the complete rows are integers, so x̄ᵢ = Σxᵢ/(n·dᵢ) and
    /// Cᵢⱼ = (n·Σxᵢxⱼ − Σxᵢ·Σxⱼ)/(n·dᵢ·dⱼ) come from exact 128-bit numerators, each rounded once or
    /// twice. The same summary as ``init(columns:)`` on the values to the last bit or two, at a
    /// fraction of its cost: the incomplete rows' values are set to 0 in place (the columns are
    /// consumed), so that every sum is a plain dot product over all rows, of 16-bit integers into
    /// 32-bit partial sums (two products per multiply-add instruction) over runs of rows short
    /// enough that no partial sum can overflow, added up in 64 bits.
    public init(integerColumns: consuming [[Int16]], denominators: [Int]? = nil) {
        var columns = integerColumns
        let p = columns.count
        let rowCount = columns.first?.count ?? 0
        precondition(columns.allSatisfy { $0.count == rowCount }, "columns must have equal lengths")
        precondition(denominators.map { $0.count == p && $0.allSatisfy { $0 > 0 } } ?? true, "one positive denominator per column")
        self.init(variableCount: p)
        // Per row: −1 (all bits set) if every column holds a value, else 0.
        var mask = [Int16](repeating: -1, count: rowCount)
        mask.withUnsafeMutableBufferPointer { mask in
            for column in columns {
                column.withUnsafeBufferPointer { values in
                    for r in 0..<rowCount { mask[r] &= values[r] == .min ? 0 : -1 }
                }
            }
        }
        // The largest magnitude of each column's complete values (< 2¹⁵: Int16.min is the marker).
        var largest = [Int](repeating: 0, count: p)
        mask.withUnsafeBufferPointer { mask in
            for i in 0..<p {
                largest[i] = columns[i].withUnsafeMutableBufferPointer { values in
                    var top: Int16 = 0
                    for r in 0..<rowCount {
                        let value = values[r] & mask[r]
                        values[r] = value
                        top = Swift.max(top, Swift.max(value, 0 &- value))
                    }
                    return Int(top)
                }
            }
        }
        let complete = mask.reduce(0) { $0 + Int($1 & 1) }
        var sums = [Int](repeating: 0, count: p)
        var products = [Int](repeating: 0, count: p * (p + 1) / 2)
        withColumnPointers(columns) { x in
            var k = 0
            for i in 0..<p {
                sums[i] = Self.dot(x[i], nil, rowCount, largest: largest[i])
                for j in i..<p { products[k] = Self.dot(x[i], x[j], rowCount, largest: largest[i] * largest[j]); k += 1 }
            }
        }
        count = complete
        excluded = rowCount - complete
        guard complete > 0 else { return }
        let n = Int128(complete)
        let d = (denominators ?? [Int](repeating: 1, count: p)).map(Double.init)
        var k = 0
        for i in 0..<p {
            means[i] = Double(sums[i]) / (Double(complete) * d[i])
            for j in i..<p {
                let numerator = n * Int128(products[k]) - Int128(sums[i]) * Int128(sums[j])
                k += 1
                matrix[i * p + j] = Double(numerator) / (Double(complete) * d[i] * d[j])
                matrix[j * p + i] = matrix[i * p + j]
            }
        }
    }

    /// Σ aᵣbᵣ (Σ aᵣ without `b`) over `n` rows whose terms are at most `largest` in magnitude:
    /// 32-bit partial sums over runs of ⌊(2³¹ − 1)/largest⌋ rows, exact.
    private static func dot(_ a: UnsafePointer<Int16>, _ b: UnsafePointer<Int16>?, _ n: Int, largest: Int) -> Int {
        let run = Int(Int32.max) / Swift.max(1, largest)
        var total = 0, start = 0
        while start < n {
            let end = Swift.min(n, start + run)
            var partial: Int32 = 0
            if let b {
                for r in start..<end { partial &+= Int32(a[r]) &* Int32(b[r]) }
            } else {
                for r in start..<end { partial &+= Int32(a[r]) }
            }
            total += Int(partial)
            start = end
        }
        return total
    }

    /// Decodes a summary and checks its invariants: counts 0 or more and within `Int`'s range
    /// together, p² co-moments for p means, every number finite, the matrix symmetric with sums of
    /// squares (the diagonal) 0 or more.
    /// - Throws: `DecodingError.dataCorrupted` at the offending key, saying what was expected.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decode(Int.self, forKey: .count)
        excluded = try container.decode(Int.self, forKey: .excluded)
        means = try container.decode([Double].self, forKey: .means)
        matrix = try container.decode([Double].self, forKey: .matrix)
        func invalid(_ key: CodingKeys, _ reason: String) -> DecodingError {
            .dataCorruptedError(forKey: key, in: container, debugDescription: reason)
        }
        guard count >= 0 else { throw invalid(.count, "expected 0 or more complete cases, found \(count)") }
        guard excluded >= 0 else { throw invalid(.excluded, "expected 0 or more incomplete cases, found \(excluded)") }
        guard !count.addingReportingOverflow(excluded).overflow else {
            throw invalid(.excluded, "expected at most \(Int.max) cases in all, found more")
        }
        let (squared, overflow) = means.count.multipliedReportingOverflow(by: means.count)
        guard !overflow, matrix.count == squared else {
            throw invalid(.matrix, "expected \(means.count)² co-moments for \(means.count) means, found \(matrix.count)")
        }
        if let bad = means.first(where: { !$0.isFinite }) { throw invalid(.means, "expected finite means, found \(bad)") }
        if let bad = matrix.first(where: { !$0.isFinite }) { throw invalid(.matrix, "expected finite co-moments, found \(bad)") }
        let p = means.count
        if let i = means.indices.first(where: { matrix[$0 * p + $0] < 0 }) {
            throw invalid(.matrix, "expected sums of squares 0 or more on the diagonal, found \(matrix[i * p + i])")
        }
        // Every way of computing C (two-pass, exact integers, merging) fills both triangles with the same number.
        if let k = matrix.indices.first(where: { matrix[$0] != matrix[($0 % p) * p + $0 / p] }) {
            throw invalid(.matrix, "expected a symmetric matrix, found C[\(k / p)][\(k % p)] = \(matrix[k]) but C[\(k % p)][\(k / p)] = \(matrix[(k % p) * p + k / p])")
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
        excluded += other.excluded
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

/// Calls `body` with a base pointer per column, for loops that walk the columns row by row.
func withColumnPointers<Element, R>(_ columns: [[Element]], _ body: (UnsafeBufferPointer<UnsafePointer<Element>>) throws -> R) rethrows -> R {
    let pointers = UnsafeMutableBufferPointer<UnsafePointer<Element>>.allocate(capacity: max(1, columns.count))
    defer { pointers.deallocate() }
    func bind(_ index: Int) throws -> R {
        guard index < columns.count else { return try body(UnsafeBufferPointer(rebasing: pointers[..<columns.count])) }
        return try columns[index].withUnsafeBufferPointer { buffer in
            pointers[index] = buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment)!
            return try bind(index + 1)
        }
    }
    return try bind(0)
}
