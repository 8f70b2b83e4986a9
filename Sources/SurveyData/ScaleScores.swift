/// The scores of a scale of Likert items, as codes into the ascending list of values such a score
/// can take: with k items on a scale lo…hi and at least m answered, a mean score is S/a for a
/// answered items (m ≤ a ≤ k) and an integer sum lo·a ≤ S ≤ hi·a — a few dozen values, so scores
/// are counted, tallied and cross-tabulated by code instead of by hashing doubles.
public struct ScaleScores: Sendable {
    /// Every value a score can take, ascending.
    public let values: [Double]
    /// Per respondent: the index of the score in `values`, or −1 when too few items were answered.
    public let codes: [Int32]
    /// A common denominator L of the values: `values[j]` is the rational `numerators[j]`/L (L is the
    /// least common multiple of the possible numbers of answered items).
    public let denominator: Int
    /// `values[j]`·L, an integer.
    public let numerators: [Int32]

    /// The score of a respondent with item sum `sum` over `answered` items (`nan` if too few).
    static func score(sum: Double, answered: Int, of scale: ScaleDefinition) -> Double {
        guard answered >= scale.minimumItems, answered > 0 else { return .nan }
        let mean = sum / Double(answered)
        return scale.scoring == .mean ? mean : mean * Double(scale.items.count)
    }

    init(scale: ScaleDefinition, items: [LikertValues], rowCount: Int) {
        let low = items.map(\.scale.range.lowerBound).min() ?? 0
        let high = items.map(\.scale.range.upperBound).max() ?? 0
        let k = items.count
        let span = k * (high - low) + 1   // sums lie in a·low … a·high, offset by a·low
        // Every (answered, sum) pair a score can come from, and its value.
        var pairs: [(answered: Int, offset: Int, value: Double)] = []
        for answered in stride(from: max(1, scale.minimumItems), through: k, by: 1) {
            for offset in 0...(answered * (high - low)) {
                pairs.append((answered, offset, Self.score(sum: Double(answered * low + offset), answered: answered, of: scale)))
            }
        }
        values = Array(Set(pairs.map(\.value))).sorted()
        let denominator = Set(pairs.map(\.answered)).reduce(1) { lcm, a in lcm / Self.gcd(lcm, a) * a }
        self.denominator = denominator
        var numerators = [Int32](repeating: 0, count: values.count)
        for pair in pairs {
            let sum = pair.answered * low + pair.offset
            let numerator = scale.scoring == .mean ? sum * denominator / pair.answered : sum * k * denominator / pair.answered
            numerators[values.firstIndex(of: pair.value)!] = Int32(numerator)
        }
        self.numerators = numerators
        var codeOf = [Int32](repeating: -1, count: (k + 1) * span)
        for pair in pairs { codeOf[pair.answered * span + pair.offset] = Int32(values.firstIndex(of: pair.value)!) }

        // Keyed answers as offsets from `low`: x − low, or (lo + hi − x) − low for a reversed item;
        // the code of a respondent is then codeOf[answered · span + Σ offsets].
        let missing = LikertValues.missing
        var keys = [Int32](repeating: 0, count: rowCount)
        keys.withUnsafeMutableBufferPointer { keys in
            for item in items {
                let range = item.scale.range
                let (sign, shift) = item.scale.reversed ? (Int32(-1), Int32(range.lowerBound + range.upperBound - low)) : (1, Int32(-low))
                let answeredStep = Int32(span)
                item.codes.withUnsafeBufferPointer { answers in
                    for row in 0..<rowCount {
                        let answer = answers[row]
                        let isAnswered: Int32 = answer == missing ? 0 : -1
                        keys[row] &+= (answeredStep &+ sign &* Int32(answer) &+ shift) & isAnswered
                    }
                }
            }
        }
        codes = codeOf.withUnsafeBufferPointer { codeOf in keys.plainMap { codeOf[Int($0)] } }
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }

    /// The scores times ``denominator``, integers, with `Int16.min` for missing; `nil` when a
    /// numerator is 2¹⁵ or more in magnitude (long scales with few items required: the lcm grows fast).
    public var scaledIntegers: [Int16]? {
        guard numerators.allSatisfy({ $0.magnitude < 1 << 15 }) else { return nil }
        let small = [Int16.min] + numerators.map { Int16($0) }
        return small.withUnsafeBufferPointer { small in codes.plainMap { small[Int($0) + 1] } }
    }

    /// The scores as numbers, `nan` for missing.
    public var doubles: [Double] {
        let values = [.nan] + values
        return values.withUnsafeBufferPointer { values in codes.plainMap { values[Int($0) + 1] } }
    }

    /// Respondents per value (`counts[j]` have `values[j]`) and without a score.
    public var counts: (perValue: [Int], missing: Int) {
        var perValue = [Int](repeating: 0, count: values.count)
        var missing = 0
        for code in codes { if code < 0 { missing += 1 } else { perValue[Int(code)] += 1 } }
        return (perValue, missing)
    }
}
