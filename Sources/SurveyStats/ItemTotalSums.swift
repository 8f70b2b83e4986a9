import ComputeSupport

/// What Cronbach's α and its item table need of k items, and nothing more: over the n complete
/// cases, each item's mean and co-moment Cᵢᵢ, its co-moment with the sum score Rᵢ = Σⱼ Cᵢⱼ, the sum
/// score's co-moment T = Σᵢ Rᵢ, the diagonal D = Σᵢ Cᵢᵢ, and the mean inter-item correlation r̄.
/// Without item i: the rest score's co-moment is T − 2Rᵢ + Cᵢᵢ, the item's co-moment with it
/// Rᵢ − Cᵢᵢ, and the diagonal D − Cᵢᵢ, so every item's statistics follow in O(1).
///
/// Two ways to build one:
/// - ``init(_:)`` from the items' mergeable ``CoMoments`` (a study's scales, summarised in parts):
///   one O(k²) pass over the matrix, r̄ the mean of the k(k − 1)/2 correlations;
/// - ``init(columns:)`` from the item columns themselves in O(n·k), never forming the k × k matrix
///   (a questionnaire of thousands of items): with dᵣᵢ = xᵣᵢ − x̄ᵢ (two-pass means) and the row's
///   deviation of the sum score tᵣ = Σᵢ dᵣᵢ, Rᵢ = Σᵣ dᵣᵢ·tᵣ and T = Σᵣ tᵣ²; with the standardized
///   sum wᵣ = Σᵢ dᵣᵢ/√Cᵢᵢ, Σᵣ wᵣ² = k + 2·Σᵢ<ⱼ rᵢⱼ, so r̄ = (Σᵣ wᵣ² − k)/(k(k − 1)).
/// Both agree to rounding (property-tested); sums are compensated.
struct ItemTotalSums {
    let itemCount: Int
    /// Complete cases, and the rows excluded for a missing item.
    let count: Int
    let excluded: Int
    let means: [Double]
    /// Cᵢᵢ per item.
    let itemCoMoments: [Double]
    /// Rᵢ = Σⱼ Cᵢⱼ per item.
    let rowSums: [Double]
    /// T and D with their compensations, so that T − 2Rᵢ + Cᵢᵢ and D − Cᵢᵢ are rounded once.
    let total: CompensatedSum
    let diagonal: CompensatedSum
    /// r̄; `nil` when an item has zero variance (a correlation is undefined).
    let meanCorrelation: Double?

    init(_ summary: CoMoments) {
        let k = summary.variableCount
        itemCount = k
        count = summary.count
        excluded = summary.excluded
        means = summary.means
        itemCoMoments = (0..<k).map { summary.coMoment($0, $0) }
        var total = CompensatedSum(), diagonal = CompensatedSum()
        rowSums = (0..<k).map { i in
            var row = CompensatedSum()
            for j in 0..<k { row.add(summary.coMoment(i, j)) }
            total.add(row.value)
            diagonal.add(summary.coMoment(i, i))
            return row.value
        }
        self.total = total
        self.diagonal = diagonal
        var correlations: [Double] = []
        for i in 0..<k { for j in (i + 1)..<k { if let r = summary.correlation(i, j) { correlations.append(r) } } }
        meanCorrelation = correlations.count == k * (k - 1) / 2 && k >= 2 ? correlations.reduce(0, +) / Double(correlations.count) : nil
    }

    /// From `columns` (one per item, equal lengths, `Double.nan` for missing), listwise.
    init(columns: [[Double]]) {
        let k = columns.count
        let rowCount = columns.first?.count ?? 0
        var complete = [Bool](repeating: true, count: rowCount)
        for column in columns { for r in 0..<rowCount where column[r].isNaN { complete[r] = false } }
        let rows = (0..<rowCount).filter { complete[$0] }
        itemCount = k
        count = rows.count
        excluded = rowCount - rows.count
        let n = Double(max(1, rows.count))
        // Means by the corrected two-pass algorithm, as CoMoments and Moments compute them.
        let means = columns.map { column in
            var sum = CompensatedSum()
            for r in rows { sum.add(column[r]) }
            let provisional = sum.value / n
            var residual = CompensatedSum()
            for r in rows { residual.add(column[r] - provisional) }
            return rows.isEmpty ? 0 : provisional + residual.value / n
        }
        self.means = means
        var sumScore = [Double](repeating: 0, count: rows.count)
        var itemCoMoments = [Double](repeating: 0, count: k)
        for (i, column) in columns.enumerated() {
            var squares = CompensatedSum()
            for (index, r) in rows.enumerated() {
                let d = column[r] - means[i]
                sumScore[index] += d
                squares.add(d * d)
            }
            itemCoMoments[i] = squares.value
        }
        self.itemCoMoments = itemCoMoments
        let scales = itemCoMoments.map { $0 > 0 ? 1 / $0.squareRoot() : 0 }
        var standardized = [Double](repeating: 0, count: rows.count)
        var total = CompensatedSum(), diagonal = CompensatedSum()
        let rowSums = columns.enumerated().map { i, column in
            var row = CompensatedSum()
            for (index, r) in rows.enumerated() {
                let d = column[r] - means[i]
                row.add(d * sumScore[index])
                standardized[index] += d * scales[i]
            }
            total.add(row.value)
            diagonal.add(itemCoMoments[i])
            return row.value
        }
        self.rowSums = rowSums
        self.total = total
        self.diagonal = diagonal
        if k >= 2, itemCoMoments.allSatisfy({ $0 > 0 }) {
            var spread = CompensatedSum()
            for w in standardized { spread.add(w * w) }
            meanCorrelation = (spread.value - Double(k)) / Double(k * (k - 1))
        } else {
            meanCorrelation = nil
        }
    }

    /// α = k/(k − 1)·(1 − D/T); `nil` when the sum score has zero variance.
    var alpha: Double? { Self.alpha(items: itemCount, diagonal: diagonal.value, total: total.value) }

    /// α of the other k − 1 items; `nil` when their sum has zero variance.
    func alpha(without i: Int) -> Double? {
        var rest = diagonal
        rest.add(-itemCoMoments[i])
        return Self.alpha(items: itemCount - 1, diagonal: rest.value, total: restTotal(without: i))
    }

    /// The co-moment of the sum of the items other than i: T − 2Rᵢ + Cᵢᵢ.
    func restTotal(without i: Int) -> Double {
        var rest = total
        rest.add(-2 * rowSums[i])
        rest.add(itemCoMoments[i])
        return rest.value
    }

    /// Item i's co-moment with the sum of the others: Rᵢ − Cᵢᵢ.
    func coMomentWithRest(_ i: Int) -> Double { rowSums[i] - itemCoMoments[i] }

    /// Item i's sample variance Cᵢᵢ/(n − 1); `nil` for n < 2.
    func variance(_ i: Int) -> Double? { count >= 2 ? itemCoMoments[i] / Double(count - 1) : nil }

    private static func alpha(items k: Int, diagonal: Double, total: Double) -> Double? {
        guard total > 0 else { return nil }
        return Double(k) / Double(k - 1) * (1 - diagonal / total)
    }
}
