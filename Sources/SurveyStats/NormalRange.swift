import GSL

/// The range R = max − min of k ≥ 2 independent standard normals, whose upper tail the studentized
/// range integrates: log P(R > w) = log[k(k − 1)·(1 − Φ(w/√2))] + D_k(w), the Bonferroni bound (the
/// k(k − 1) ordered pairs with Xᵢ − Xⱼ > w, each of probability 1 − Φ(w/√2)) times the ratio
/// e^{D_k} ∈ [1/C(k, 2), 1] of the exact tail to it. D₂ = 0, and D_k(w) = O(k³e^{−w²/12}) (two pairs
/// beyond w need two gaps of w), far below ε for w ≥ 30, where it is taken as 0.
///
/// With z the minimum, a = 1 − Φ(z), t = 1 − Φ(z + w), b = a − t = P(z < X < z + w) and m = k − 1,
/// P(R > w) = k ∫ φ(z)·(a^m − b^m) dz and the bound is k ∫ φ(z)·m·t dz, so
/// e^{D_k(w)} = ∫ φ(z)·t·r(z) dz / ∫ φ(z)·t dz,  r = (a^m − b^m)/(m·t) = (1/m) Σⱼ aʲ·b^{m−1−j} ∈ (0, 1]
/// (a − b = t): a mean of r under a log-concave weight, r a sum of positive terms (no cancellation;
/// the form of the mpmath reference `studentized_range_mpmath.py`; k − 1 products per node, no
/// transcendental function). ``LogTrapezoid`` gives the mean to relative precision (the weight's
/// scale, e^{−w²/4}, cancels), so D_k = log(mean) keeps absolute precision at every w: an ulp or two
/// of max(1, |D_k|) for k ≤ 20, the sum's rounding growing with k (5e-14 at k = 1000).
/// ``RangeTailTable`` interpolates D_k; this is its reference.
enum NormalRange {
    /// log P(R > w) for w > 0 (0 for w ≤ 0) and the table's k, D_k from the table.
    static func logUpperTail(_ w: Double, table: inout RangeTailTable) -> Double {
        guard w > 0 else { return 0 }
        return min(0, logBonferroniBound(w, groups: table.groups) + table.logRatio(w))
    }

    /// log[k(k − 1)·(1 − Φ(w/√2))] = log[C(k, 2)·erfc(w/2)], erfc taking w/2 exactly: the argument's
    /// rounding, amplified by d log erfc(x)/d log x ≈ −2x², would cost w²/2 ulps (1e-13 at w = 20).
    static func logBonferroniBound(_ w: Double, groups k: Int) -> Double {
        Elementary.log(Double(k) * Double(k - 1) / 2) + Elementary.logErfc(w / 2)
    }

    /// D_k(w) = log P(R > w) − log[k(k − 1)·(1 − Φ(w/√2))] by the integral above (0 for k = 2).
    static func logBonferroniRatio(_ w: Double, groups k: Int) -> Double {
        guard k > 2 else { return 0 }
        let integral = LogTrapezoid.integrate({ z in
            let a = 0.5 * Elementary.erfc(z * 0.7071067811865476), t = 0.5 * Elementary.erfc((z + w) * 0.7071067811865476)
            let b = max(0, a - t)   // P(z < X < z + w)
            var sum = 1.0, power = 1.0   // pᵢ = Σ_{j ≤ i} aʲb^{i−j} = b·pᵢ₋₁ + aⁱ, up to p_{m−1}
            for _ in 2..<k {
                power *= a
                sum = b * sum + power
            }
            return (-0.5 * z * z + Elementary.log(t), sum / Double(k - 1))
        }, around: -w / 2, step: 0.25)
        return Elementary.log(integral.mean)
    }
}
