/// Reduces streams of weighted rows of width m — one stream per group — each to an upper-triangular
/// R (m × m) with RᵀR = Σ wᵢ·rowᵢrowᵢᵀ, by orthogonal transformations only (the cross-products
/// themselves are never formed).
///
/// Each row is rotated into its group's factor by square-root-free Givens rotations, Gentleman's
/// algorithm AS 75 (Gentleman 1974, "Basic procedures for large, sparse or weighted linear least
/// squares problems", *Appl. Stat.* 23:448; Gentleman 1973, *IMA J. Appl. Math.* 12:329; as in
/// Miller 1992, AS 274, *Appl. Stat.* 41:458): the factor is kept as R = D^½·R̄, D diagonal and R̄
/// unit upper triangular, and a row x of weight w is absorbed by, for i = 0, 1, …, m − 1 with xᵢ ≠ 0:
/// d′ = dᵢ + w·xᵢ², c̄ = dᵢ/d′, s̄ = w·xᵢ/d′, w ← c̄·w, dᵢ ← d′ and for k > i
/// xₖ ← xₖ − xᵢ·r̄ᵢₖ, r̄ᵢₖ ← c̄·r̄ᵢₖ + s̄·xₖ (old xₖ). A row's weight (a case count) enters as such —
/// the rotation of √w·x, without its square root. About 3m²/2 flops and m divisions per row, no
/// square root; memory m(m + 1) values per group, rows of different groups in any order.
///
/// Since the transformations are orthogonal, min Σwᵢ(yᵢ − xᵢᵀb)² over a group's rows [x y] equals
/// min‖R_y − R_X b‖ on its R, for every subset of the columns, and R's column norms are the weighted
/// rows'. A column equal to 1 on every row becomes (√Σw, 0, …, 0). A class over manually managed
/// memory, so that adding a row pays no copy-on-write check.
final class TriangleReduction {
    let width: Int
    let groups: Int
    /// Per group: D (m values), then R̄ row-major (m × m, strictly upper part used).
    private let factors: UnsafeMutablePointer<Double>

    init(width: Int, groups: Int) {
        self.width = width
        self.groups = groups
        factors = .allocate(capacity: max(1, groups * width * (width + 1)))
        factors.initialize(repeating: 0, count: max(1, groups * width * (width + 1)))
    }

    deinit { factors.deallocate() }

    /// Adds row x (`width` values, overwritten) with weight w > 0 to group g.
    @inline(__always)
    func append(_ x: UnsafeMutablePointer<Double>, weight: Double, group g: Int) {
        let m = width
        let d = factors + g &* m &* (m + 1), r = d + m
        var w = weight
        for i in 0..<m {
            let xi = x[i]
            if xi == 0 { continue }
            let di = d[i], dNew = di + w * xi * xi
            let inverse = 1 / dNew
            let c = di * inverse, s = w * xi * inverse
            w *= c
            d[i] = dNew
            let row = r + i &* m
            for k in (i + 1)..<m {
                let xk = x[k]
                x[k] = xk - xi * row[k]
                row[k] = c * row[k] + s * xk
            }
            if w == 0 { break }
        }
    }

    /// Adds the rows reduced by `other` (same width and groups), group by group: row i of its
    /// factor, √dᵢ·R̄ᵢ, enters as R̄ᵢ (1 at i, zeros before) with weight dᵢ, so that each group's
    /// RᵀR becomes the sum of both.
    func absorb(_ other: TriangleReduction) {
        precondition(other.width == width && other.groups == groups, "reductions of different shapes")
        let m = width
        var row = [Double](repeating: 0, count: m)
        row.withUnsafeMutableBufferPointer { row in
            for g in 0..<groups {
                let d = other.factors + g &* m &* (m + 1), r = d + m
                for i in 0..<m where d[i] > 0 {
                    for k in 0..<m { row[k] = k < i ? 0 : k == i ? 1 : r[i &* m &+ k] }
                    append(row.baseAddress!, weight: d[i], group: g)
                }
            }
        }
    }

    /// Group g's R = D^½·R̄, row-major (m × m).
    func triangle(group g: Int) -> [Double] {
        let m = width
        let d = factors + g * m * (m + 1), r = d + m
        var result = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            let root = d[i].squareRoot()
            result[i * m + i] = root
            for k in (i + 1)..<m { result[i * m + k] = root * r[i * m + k] }
        }
        return result
    }
}
