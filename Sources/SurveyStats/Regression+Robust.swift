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
    /// numeric values, in columns jₘ), so qᵢ = Tᵀaᵍ + Σₘ zᵢₘ·T[jₘ, ·] costs k·r per row, and the
    /// group's part of M is Ωᵍ·aᵍaᵍᵀ + aᵍsᵍᵀ + sᵍaᵍᵀ + Sᵍ from its sums Ωᵍ = Σcω, sᵍₘ = Σcωzₘ,
    /// Sᵍₘₙ = Σcωzₘzₙ: O(k²) per row.
    /// Tested against R 4.2.2 `car::hccm(fit, type = "hc3")` and the fit on expanded rows (`RegressionTests`).
    final class RobustMeat {
        private let factor: Matrix
        private let numericColumns: [Int]
        private let groupColumns: [[Int]]
        private let r: Int, k: Int
        /// Per group: Tᵀaᵍ (r values), then Ω, s (k) and S (k × k) — `stride` values.
        private let stride: Int
        private let sums: UnsafeMutablePointer<Double>
        /// The rows jₘ of T, k × r.
        private let numericRows: UnsafeMutablePointer<Double>
        private var defined = true

        init(factor: Matrix, numericColumns: [Int], groupColumns: [[Int]]) {
            self.factor = factor
            self.numericColumns = numericColumns
            self.groupColumns = groupColumns
            r = factor.columns
            k = numericColumns.count
            stride = r + 1 + k + k * k
            sums = .allocate(capacity: groupColumns.count * stride)
            sums.initialize(repeating: 0, count: groupColumns.count * stride)
            for (g, columns) in groupColumns.enumerated() {
                for m in 0..<r { sums[g * stride + m] = columns.reduce(0) { $0 + factor[$1, m] } }
            }
            numericRows = .allocate(capacity: max(1, k * r))
            for (a, j) in numericColumns.enumerated() { for m in 0..<r { numericRows[a * r + m] = factor[j, m] } }
        }

        deinit {
            sums.deallocate()
            numericRows.deallocate()
        }

        /// A row of group g: its k numeric values, count c and residual e.
        @inline(__always)
        func add(group g: Int, values z: UnsafePointer<Double>, count c: Double, residual e: Double) {
            let group = sums + g &* stride
            var leverage = 0.0
            for m in 0..<r {
                var q = group[m]
                for a in 0..<k { q += z[a] * numericRows[a &* r &+ m] }
                leverage += q * q
            }
            guard leverage < 1 - 1e-10 else { defined = false; return }
            let weight = c * e * e / ((1 - leverage) * (1 - leverage))
            let omega = group + r, s = omega + 1, s2 = s + k
            omega[0] += weight
            for a in 0..<k {
                let wa = weight * z[a]
                s[a] += wa
                for b in a..<k { s2[a &* k &+ b] += wa * z[b] }
            }
        }

        /// V = T·(TᵀMT)·Tᵀ, or `nil` if a case had leverage 1.
        func covariance() -> Matrix? {
            guard defined else { return nil }
            let p = factor.rows
            var meat = Matrix(rows: p, columns: p)   // M = Σ_g Ω·aaᵀ + asᵀ + saᵀ + S
            for (g, constant) in groupColumns.enumerated() {
                let omega = sums[g * stride + r], s = sums + g * stride + r + 1, s2 = s + k
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
