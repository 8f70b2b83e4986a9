/// Weighted count, weight sums, means and co-moment matrix of p variables: the mergeable summary of
/// one cell (one PSU within one stratum) of a design.
///
/// W = Σwₖ, x̄ = Σwₖxₖ/W and C = Σwₖ(xₖ − x̄)(xₖ − x̄)ᵀ, never from raw sums Σwx² − W·x̄². A row
/// is added by West's update (West 1979, "Updating mean and variance estimates: an improved
/// method", *Comm. ACM* 22:532): W′ = W + w, δ = x − x̄, x̄′ = x̄ + (w/W′)·δ, C′ = C + (w·W/W′)·δδᵀ;
/// two summaries merge by Chan, Golub & LeVeque's pairwise update (1979, STAN-CS-79-773) in its
/// weighted form: δ = x̄_b − x̄_a, x̄ = x̄_a + (W_b/W)·δ, C = C_a + C_b + (W_a·W_b/W)·δδᵀ.
public struct WeightedMoments: Sendable, Equatable, Codable {
    /// Rows with a positive weight.
    public private(set) var count: Int
    /// Σw.
    public private(set) var weightSum: Double
    /// Σw², for Kish's effective sample size.
    public private(set) var squaredWeightSum: Double
    /// The weighted mean of each variable; 0 when `weightSum` is 0.
    public private(set) var means: [Double]
    /// C, p × p, symmetric, row-major.
    public private(set) var coMoments: [Double]

    public var variableCount: Int { means.count }

    /// The summary of no rows of `variableCount` variables.
    public init(variableCount: Int) {
        count = 0
        weightSum = 0
        squaredWeightSum = 0
        means = [Double](repeating: 0, count: variableCount)
        coMoments = [Double](repeating: 0, count: variableCount * variableCount)
    }

    /// The moments of rows given by their raw sums: Σw·x (`sums`) and Σw·xxᵀ (`products`, p × p
    /// row-major, upper triangle read) over `count` rows of weight sum `weightSum`; C = Σw·xxᵀ − W·x̄x̄ᵀ.
    /// For sums over one block of rows of bounded values, where the cancellation costs a few digits
    /// at most; blocks then merge by the pairwise update.
    public init(count: Int, weightSum: Double, squaredWeightSum: Double, sums: [Double], products: [Double]) {
        let p = sums.count
        self.init(variableCount: p)
        guard count > 0, weightSum > 0 else { return }
        self.count = count
        self.weightSum = weightSum
        self.squaredWeightSum = squaredWeightSum
        means = sums.map { $0 / weightSum }
        for i in 0..<p {
            for j in i..<p {
                coMoments[i * p + j] = products[i * p + j] - weightSum * means[i] * means[j]
                coMoments[j * p + i] = coMoments[i * p + j]
            }
        }
    }

    /// Adds a row `values` (finite, one per variable) of weight `weight` (finite, ≥ 0; a zero
    /// weight changes nothing).
    public mutating func add(_ values: [Double], weight: Double) {
        add(values, count: 1, weight: weight, squaredWeight: weight * weight)
    }

    /// Adds `count` rows of the same `values` whose weights sum to `weight` and their squares to
    /// `squaredWeight`: the weighted update of a point mass (Chan, Golub & LeVeque with C_b = 0).
    public mutating func add(_ values: [Double], count rows: Int, weight: Double, squaredWeight: Double) {
        guard rows > 0, weight > 0 else { return }
        let total = weightSum + weight
        let p = means.count
        let factor = weight * weightSum / total
        for i in 0..<p {
            let deltaI = factor * (values[i] - means[i])
            for j in i..<p {
                coMoments[i * p + j] += deltaI * (values[j] - means[j])
                coMoments[j * p + i] = coMoments[i * p + j]
            }
        }
        let share = weight / total
        for i in 0..<p { means[i] += share * (values[i] - means[i]) }
        count += rows
        weightSum = total
        squaredWeightSum += squaredWeight
    }

    /// The moments from their parts: `count` rows of positive weight, Σw, Σw², means and C
    /// (p × p, symmetric, row-major).
    init(count: Int, weightSum: Double, squaredWeightSum: Double, means: [Double], coMoments: [Double]) {
        precondition(coMoments.count == means.count * means.count, "a p × p co-moment matrix")
        self.count = count
        self.weightSum = weightSum
        self.squaredWeightSum = squaredWeightSum
        self.means = means
        self.coMoments = coMoments
    }

    /// Adds the rows of `other` (the pairwise update).
    public mutating func add(_ other: WeightedMoments) {
        if other.weightSum == 0 { return }
        if weightSum == 0 {
            self = other
            return
        }
        let total = weightSum + other.weightSum
        let p = means.count
        let factor = weightSum * other.weightSum / total
        let share = other.weightSum / total
        for i in 0..<p {
            let deltaI = other.means[i] - means[i]
            for j in 0..<p {
                coMoments[i * p + j] = coMoments[i * p + j] + other.coMoments[i * p + j] + factor * deltaI * (other.means[j] - means[j])
            }
        }
        for i in 0..<p { means[i] += share * (other.means[i] - means[i]) }
        count += other.count
        weightSum = total
        squaredWeightSum += other.squaredWeightSum
    }

    /// The summary of both parts' rows.
    public static func + (a: WeightedMoments, b: WeightedMoments) -> WeightedMoments {
        var merged = a
        merged.add(b)
        return merged
    }

    /// C for variables i and j.
    public func coMoment(_ i: Int, _ j: Int) -> Double { coMoments[i * means.count + j] }
}
