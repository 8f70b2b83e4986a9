/// A codebook (YAML text) of twelve 5-point Likert items q1…q12 with a short mean scale (q1–q3, two
/// items required) and a long sum scale (all twelve, one required): the long scale's scores are
/// multiples of 1/lcm(1…12) = 1/27,720 with numerators up to 5·12·27,720, too fine for 16-bit
/// integers, so they take the doubles path of the exact co-moments.
public enum LongScaleCodebook {
    public static let items = (1...12).map { "q\($0)" }

    public static let yaml = """
        variables:
        \(items.map { "  - {name: \($0), type: likert, scale: [1, 5]}" }.joined(separator: "\n"))
        scales:
          - {name: short, items: [q1, q2, q3], scoring: mean, min_items: 2}
          - {name: long, items: [\(items.joined(separator: ", "))], scoring: sum, min_items: 1}
        """
}
