import ComputeSupport
import GSL

extension Regression {
    /// The HC3 heteroscedasticity-consistent covariance of the coefficients,
    /// V = (XᵀX)⁻¹·Xᵀ·diag(eᵢ²/(1 − hᵢᵢ)²)·X·(XᵀX)⁻¹ (MacKinnon & White 1985, "Some
    /// heteroskedasticity-consistent covariance matrix estimators with improved finite sample
    /// properties", *J. Econometrics* 29:305; Long & Ervin 2000, *Am. Stat.* 54:217), accumulated
    /// row by row over a ``Sample``.
    ///
    /// With row i standing for cᵢ identical cases and T the factor of the √c-weighted fit
    /// (T·Tᵀ = (XᵀWX)⁻¹, W = diag(c)): qᵢ = Tᵀxᵢ gives the leverage of one case of the row,
    /// hᵢ = ‖qᵢ‖², and the meat over the cases is M = Σ cᵢωᵢxᵢxᵢᵀ, ωᵢ = eᵢ²/(1 − hᵢ)²; then
    /// V = T·(TᵀMT)·Tᵀ. `nil` when a case has leverage 1 (HC3 undefined).
    ///
    /// On group g's rows xᵢ = aᵍ + Σₘ zᵢₘ·e_{jₘ} (aᵍ the constant intercept and dummies, zᵢ the k
    /// numeric values, in columns jₘ). With dᵢ = zᵢ − z̄ (z̄ the numeric means) and T_N the rows jₘ
    /// of T, qᵢ = q̄ᵍ + T_Nᵀdᵢ, q̄ᵍ = Tᵀ(aᵍ + Σₘ z̄ₘe_{jₘ}), so the leverage is the quadratic
    /// hᵢ = αᵍ + dᵢᵀ(2βᵍ + Γdᵢ), αᵍ = ‖q̄ᵍ‖², βᵍ = T_N·q̄ᵍ, Γ = T_N·T_Nᵀ: O(k²) per row. Its rounding
    /// error is ε times leverages of points within the data's range (centring keeps αᵍ and dᵢ
    /// small), negligible against 1 − hᵢ. The group's part of M is Ωᵍ·aᵍaᵍᵀ + aᵍsᵍᵀ + sᵍaᵍᵀ + Sᵍ
    /// from its sums Ωᵍ = Σcω, sᵍₘ = Σcωzₘ, Sᵍₘₙ = Σcωzₘzₙ: O(k²) per row.
    /// Tested against R 4.2.2 `car::hccm(fit, type = "hc3")` and the fit on expanded rows (`RegressionTests`).
    final class RobustMeat {
        private let factor: Matrix
        private let numericColumns: [Int]
        private let groupColumns: [[Int]]
        private let k: Int
        /// Per group: α, β (k), then Ω, s (k) and S (k × k, upper triangle) — `stride` values.
        private let stride: Int
        private let sums: UnsafeMutablePointer<Double>
        /// z̄ (k) and Γ (k × k).
        private let means: UnsafeMutablePointer<Double>
        private let gamma: UnsafeMutablePointer<Double>
        /// A row's dᵢ.
        private let d: UnsafeMutablePointer<Double>
        private let defined: UnsafeMutablePointer<Bool>

        init(factor: Matrix, numericColumns: [Int], numericMeans: [Double], groupColumns: [[Int]]) {
            self.factor = factor
            self.numericColumns = numericColumns
            self.groupColumns = groupColumns
            let r = factor.columns
            k = numericColumns.count
            stride = 2 + 2 * k + k * k
            sums = .allocate(capacity: groupColumns.count * stride)
            sums.initialize(repeating: 0, count: groupColumns.count * stride)
            means = .allocate(capacity: max(1, k))
            gamma = .allocate(capacity: max(1, k * k))
            d = .allocate(capacity: max(1, k))
            defined = .allocate(capacity: 1)
            defined.initialize(to: true)
            for a in 0..<k {
                means[a] = numericMeans[a]
                for b in 0..<k { gamma[a * k + b] = (0..<r).reduce(0) { $0 + factor[numericColumns[a], $1] * factor[numericColumns[b], $1] } }
            }
            for (g, columns) in groupColumns.enumerated() {
                let q = (0..<r).map { m in
                    columns.reduce(0) { $0 + factor[$1, m] } + (0..<k).reduce(0) { $0 + numericMeans[$1] * factor[numericColumns[$1], m] }
                }
                sums[g * stride] = q.reduce(0) { $0 + $1 * $1 }
                for a in 0..<k { sums[g * stride + 1 + a] = (0..<r).reduce(0) { $0 + factor[numericColumns[a], $1] * q[$1] } }
            }
        }

        /// A meat of the same model without rows: `template`'s constants (z̄, Γ, each group's α and β)
        /// copied rather than computed again.
        init(emptyLike template: RobustMeat) {
            factor = template.factor
            numericColumns = template.numericColumns
            groupColumns = template.groupColumns
            k = template.k
            stride = template.stride
            let groups = groupColumns.count
            sums = .allocate(capacity: groups * stride)
            sums.initialize(repeating: 0, count: groups * stride)
            for g in 0..<groups { (sums + g * stride).update(from: template.sums + g * stride, count: 1 + k) }
            means = .allocate(capacity: max(1, k))
            means.initialize(from: template.means, count: k)
            gamma = .allocate(capacity: max(1, k * k))
            gamma.initialize(from: template.gamma, count: k * k)
            d = .allocate(capacity: max(1, k))
            defined = .allocate(capacity: 1)
            defined.initialize(to: true)
        }

        deinit {
            sums.deallocate()
            means.deallocate()
            gamma.deallocate()
            d.deallocate()
            defined.deallocate()
        }

        /// A row of group g: its k numeric values, count c and residual e.
        @inline(__always)
        func add(group g: Int, values z: UnsafePointer<Double>, count c: Double, residual e: Double) {
            let group = sums + g &* stride
            let beta = group + 1
            for a in 0..<k { d[a] = z[a] - means[a] }
            var leverage = group[0]
            for a in 0..<k {
                var t = 2 * beta[a]
                for b in 0..<k { t += gamma[a &* k &+ b] * d[b] }
                leverage += d[a] * t
            }
            guard leverage < 1 - 1e-10 else { defined.pointee = false; return }
            let weight = c * e * e / ((1 - leverage) * (1 - leverage))
            let omega = beta + k, s = omega + 1, s2 = s + k
            omega[0] += weight
            for a in 0..<k {
                let wa = weight * z[a]
                s[a] += wa
                for b in a..<k { s2[a &* k &+ b] += wa * z[b] }
            }
        }

        /// Adds the rows summed by `other`, a meat of the same model over other rows.
        func absorb(_ other: RobustMeat) {
            precondition(other.stride == stride && other.groupColumns.count == groupColumns.count, "meats of different models")
            for g in 0..<groupColumns.count {
                for m in (1 + k)..<stride { sums[g * stride + m] += other.sums[g * stride + m] }
            }
            defined.pointee = defined.pointee && other.defined.pointee
        }

        /// V = T·(TᵀMT)·Tᵀ, or `nil` if a case had leverage 1.
        func covariance() -> Matrix? {
            guard defined.pointee else { return nil }
            let p = factor.rows, r = factor.columns
            var meat = Matrix(rows: p, columns: p)   // M = Σ_g Ω·aaᵀ + asᵀ + saᵀ + S
            for (g, constant) in groupColumns.enumerated() {
                let omega = sums[g * stride + 1 + k], s = sums + g * stride + 2 + k, s2 = s + k
                for a in constant {
                    for b in constant { meat[a, b] += omega }
                    for (m, j) in numericColumns.enumerated() {
                        meat[a, j] += s[m]
                        meat[j, a] += s[m]
                    }
                }
                for (m, j) in numericColumns.enumerated() {
                    for n in m..<k {
                        meat[j, numericColumns[n]] += s2[m * k + n]
                        if n != m { meat[numericColumns[n], j] += s2[m * k + n] }
                    }
                }
            }
            var mt = Matrix(rows: p, columns: r)   // M·T
            for i in 0..<p { for m in 0..<r { mt[i, m] = (0..<p).reduce(0) { $0 + meat[i, $1] * factor[$1, m] } } }
            var inner = Matrix(rows: r, columns: r)   // Tᵀ·M·T
            for a in 0..<r { for b in 0..<r { inner[a, b] = (0..<p).reduce(0) { $0 + factor[$1, a] * mt[$1, b] } } }
            var left = Matrix(rows: p, columns: r)   // T·(TᵀMT)
            for i in 0..<p { for b in 0..<r { left[i, b] = (0..<r).reduce(0) { $0 + factor[i, $1] * inner[$1, b] } } }
            var v = Matrix(rows: p, columns: p)
            for i in 0..<p {
                for j in i..<p {
                    let x = (0..<r).reduce(0) { $0 + left[i, $1] * factor[j, $1] }
                    v[i, j] = x
                    v[j, i] = x
                }
            }
            return v
        }
    }
}

extension Regression.Sample {
    /// The HC3 covariance (``Regression/RobustMeat``) of the model with coefficients b (p values)
    /// and factor T (T·Tᵀ = (XᵀWX)⁻¹), in one pass over the rows: each residual
    /// eᵢ = yᵢ − xᵢᵀb in double-double arithmetic (``DotAccumulator``, the group's constant part
    /// Σ_{j ∈ aᵍ} bⱼ accumulated once per group), then the row's leverage and its term of the meat.
    /// `nil` when a case has leverage 1.
    func robustCovariance(_ b: [Double], factor: Matrix) -> Matrix? {
        let k = numericColumns.count
        let numericB = numericColumns.map { b[$0] }
        let constants = groupColumns.map { columns in columns.reduce(into: DotAccumulator()) { $0.add(-b[$1]) } }
        let template = Regression.RobustMeat(factor: factor, numericColumns: numericColumns, numericMeans: numericMeans,
                                             groupColumns: groupColumns)
        let pieces = rowPieces.concurrentMap { rows in
            let meat = Regression.RobustMeat(emptyLike: template)
            constants.withUnsafeBufferPointer { constants in
                numericB.withUnsafeBufferPointer { numericB in
                    forEachRow(in: rows) { g, c, values in
                        var sum = constants[g]
                        sum.add(values[k])
                        for v in 0..<k { sum.addProduct(-values[v], numericB[v]) }
                        meat.add(group: g, values: values, count: c, residual: sum.value)
                    }
                }
            }
            return meat
        }
        for piece in pieces.dropFirst() { pieces[0].absorb(piece) }
        return pieces[0].covariance()
    }
}
