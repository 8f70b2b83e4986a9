import ComputeSupport
import GSL

/// The trapezoidal rule in log space for ∫ e^{g(x)} dx, g unimodal, with the mean ∫ e^g·v / ∫ e^g of
/// a bounded v on the same nodes (the integrand is f(x) = (g(x), v(x))). The mean is a ratio of two
/// sums over one lattice, so the scale of e^g cancels from it: it keeps relative precision however
/// large |g| is.
///
/// The lattice centre + j·h is walked out in both directions until g < (largest g seen) − 40; h is
/// halved (adding the midpoints) until the rules on steps h and 2h agree to 1e-10 in log ∫ e^g and
/// relative 1e-10 in the mean, at most 12 times. For analytic, rapidly decaying integrands the error
/// falls geometrically, the error at h being about the square of that at 2h once h resolves the
/// integrand (Trefethen & Weideman 2014, "The exponentially convergent trapezoidal rule",
/// *SIAM Review* 56:385); 1e-10 rather than 1e-8 also covers the approach to that regime (for the
/// range of 50 or more groups, 1e-8 accepted h = ¼ with errors up to 1e-13). Sums are compensated
/// (``CompensatedSum``), so a mean of values near 1 is good to an ulp or two, not √n of them.
enum LogTrapezoid {
    typealias Node = (log: Double, value: Double)

    static func integrate(_ f: (Double) -> Node, around centre: Double, step: Double) -> (log: Double, mean: Double) {
        var top = -Double.infinity
        /// f on centre + offset + j·spacing for j = first…
        func walk(offset: Double, spacing: Double) -> (first: Int, nodes: [Node]) {
            var right: [Node] = [], left: [Node] = []
            for direction in [1, -1] {
                var j = direction == 1 ? 0 : -1
                while abs(j) < 100_000 {
                    var node = f(centre + offset + Double(j) * spacing)
                    if node.log.isNaN { node.log = -.infinity }
                    top = max(top, node.log)
                    if direction == 1 { right.append(node) } else { left.append(node) }
                    if !(node.log > top - 40) { break }
                    j += direction
                }
            }
            return (-left.count, left.reversed() + right)
        }
        var h = step
        var (first, nodes) = walk(offset: 0, spacing: h)   // nodes[i] at centre + (first + i)·h
        guard top.isFinite else { return (top, 0) }
        var weights: [Double] = []
        /// The rule on the nodes j ≡ 0 (mod stride), of step stride·h.
        func rule(_ stride: Int) -> (log: Double, mean: Double) {
            var total = CompensatedSum(), weighted = CompensatedSum()
            for i in nodes.indices where (first + i) % stride == 0 {
                total.add(weights[i])
                weighted.add(weights[i] * nodes[i].value)
            }
            return (top + Elementary.log(total.value * h * Double(stride)), weighted.value / total.value)
        }
        var halvings = 0
        while true {
            weights = nodes.map { Elementary.exp($0.log - top) }
            let fine = rule(1)
            guard halvings < 12 else { return fine }
            let coarse = rule(2)
            if abs(fine.log - coarse.log) <= 1e-10 && abs(fine.mean - coarse.mean) <= 1e-10 * abs(fine.mean) { return fine }
            let odd = walk(offset: h / 2, spacing: h)
            // Interleave on the lattice of step h/2: old node j ↦ 2j, new node j ↦ 2j + 1.
            let low = min(2 * first, 2 * odd.first + 1)
            let high = max(2 * (first + nodes.count - 1), 2 * (odd.first + odd.nodes.count - 1) + 1)
            var merged = [Node](repeating: (-.infinity, 0), count: high - low + 1)
            for (i, node) in nodes.enumerated() { merged[2 * (first + i) - low] = node }
            for (i, node) in odd.nodes.enumerated() { merged[2 * (odd.first + i) + 1 - low] = node }
            (first, nodes, h, halvings) = (low, merged, h / 2, halvings + 1)
        }
    }
}
